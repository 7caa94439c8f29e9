package dev.gym4j.trainer.internal;

import dev.gym4j.api.random.Generator;
import dev.gym4j.bridge.experience.TensorData;
import dev.gym4j.bridge.experience.Trajectory;
import dev.gym4j.trainer.PpoConfig;
import dev.gym4j.trainer.TrainerException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The learner's side of PPO, as CleanRL's {@code ppo.py} and {@code ppo_continuous_action.py}: turns one
 * iteration's trajectories into a batch (observation normalization, reward normalization, GAE), then runs the
 * clipped-objective update (epochs of shuffled minibatches, per-minibatch advantage normalization, optional
 * value clipping, entropy bonus, global gradient-norm clip, Adam with linearly decaying learning rate).
 *
 * <p>The buffers are allocated once; the update's hot loop allocates nothing. Not thread-safe.
 */
public final class PpoLearner {

    private final PpoConfig config;
    private final ActorCritic net;
    private final Adam adam;
    private final float[] grads;
    private final Generator rng;
    private final RunningMeanStd obsRms;
    private final RunningMeanStd retRms;
    /** Per stream (worker id): the running discounted return of reward normalization. */
    private final Map<String, Double> discounted = new TreeMap<>();
    /** Per stream: return and length of the episode in progress. */
    private final Map<String, double[]> episodeInProgress = new TreeMap<>();

    private final int n;
    private final int od;
    private final int aw;
    private final int mb;
    private final float[] rawObs;
    private final float[] obsN;
    private final float[] act;
    private final float[] logp;
    private final float[] val;
    private final float[] rew;
    private final boolean[] done;
    private final float[] adv;
    private final float[] ret;
    private final int[] perm;
    private final float[] mbObs;
    private final float[] mbAct;
    private final float[] dOut;
    private final float[] dValue;
    private final Mlp.Workspace aws;
    private final Mlp.Workspace cws;
    private final double[] pair = new double[2];
    private final float[] lastObsN;
    private final Mlp.Workspace lastWs;

    /**
     * One daemon thread, shared by all learners of the JVM, that runs the critic's forward and backward pass
     * while the calling thread runs the actor's. The two networks read the same parameters and write disjoint
     * gradient ranges and their own workspaces, and no sum changes its order: the result is bit-identical to
     * running them one after the other, on any number of cores.
     */
    private static final ExecutorService CRITIC_LANE = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gym4j-critic-lane");
        t.setDaemon(true);
        return t;
    });
    private static final boolean PARALLEL_NETS = Runtime.getRuntime().availableProcessors() > 1;

    /**
     * The multiply-adds per row of the critic's dense layers below which the two networks run one after the other
     * on the calling thread: for CleanRL's 64-64 MLPs (about 4,400) handing the critic's pass to the lane and
     * waiting for it cost more than the pass (CartPole trained about 5% slower with the lane); a convolutional
     * torso, or layers of 128 and more, are worth the hand-off.
     */
    static final int LANE_MIN_MACS_PER_ROW = 16_384;

    /** Whether this learner runs the critic's passes on {@link #CRITIC_LANE}. */
    private final boolean parallel;

    /**
     * @param config the run's configuration
     * @param net the network to train (already initialized)
     * @param rng the generator of the minibatch shuffles
     */
    public PpoLearner(PpoConfig config, ActorCritic net, Generator rng) {
        this.config = config;
        this.net = net;
        this.rng = rng;
        adam = new Adam(net.params().length, config.adamEps());
        grads = new float[net.params().length];
        od = net.obsDim();
        aw = net.actDim();
        n = config.batchSize();
        mb = n / config.numMinibatches();
        obsRms = config.normalizeObservation() ? new RunningMeanStd(od) : null;
        retRms = config.normalizeReward() ? new RunningMeanStd(1) : null;
        rawObs = new float[n * od];
        obsN = new float[n * od];
        act = new float[n * aw];
        logp = new float[n];
        val = new float[n];
        rew = new float[n];
        done = new boolean[n];
        adv = new float[n];
        ret = new float[n];
        perm = new int[n];
        mbObs = new float[mb * od];
        mbAct = new float[mb * aw];
        dOut = new float[mb * net.actorOutputs()];
        dValue = new float[mb];
        aws = net.actor().workspace(mb);
        cws = net.critic().workspace(mb);
        lastObsN = new float[config.numEnvs() * od];
        lastWs = net.critic().workspace(config.numEnvs());
        parallel = PARALLEL_NETS
                && (net.critic().torso() != null || denseMacsPerRow(net.critic()) >= LANE_MIN_MACS_PER_ROW);
        applyObsNormalization();
    }

    private static long denseMacsPerRow(Mlp m) {
        int[] sizes = m.sizes();
        long macs = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            macs += (long) sizes[l] * sizes[l + 1];
        }
        return macs;
    }

    /** @return the network being trained */
    public ActorCritic net() {
        return net;
    }

    /** @return the optimizer */
    public Adam adam() {
        return adam;
    }

    /** @return the shuffle generator */
    public Generator rng() {
        return rng;
    }

    /** @return the observation statistics, or null when off */
    public RunningMeanStd obsRms() {
        return obsRms;
    }

    /** @return the return statistics of reward normalization, or null when off */
    public RunningMeanStd retRms() {
        return retRms;
    }

    /** @return per stream, the discounted return of reward normalization (live) */
    public Map<String, Double> discounted() {
        return discounted;
    }

    /** @return per stream, {@code [return, length]} of the episode in progress (live) */
    public Map<String, double[]> episodesInProgress() {
        return episodeInProgress;
    }

    /** Sets the network's normalization from the running statistics (after a restore). */
    public void applyObsNormalization() {
        if (obsRms == null) {
            return;
        }
        float[] mean = new float[od];
        float[] std = new float[od];
        for (int i = 0; i < od; i++) {
            mean[i] = (float) obsRms.mean()[i];
            std[i] = (float) Math.sqrt(obsRms.var()[i] + 1e-8);
        }
        net.setObsNormalization(mean, std, (float) config.obsClip());
    }

    /**
     * Takes one iteration's trajectories (one per sub-env, sorted by worker id) into the batch.
     *
     * @param fragments {@code num_envs} fragments of {@code num_steps} steps
     * @param finishedReturns where the returns of episodes that ended go
     * @param finishedLengths where their lengths go
     */
    public void collect(List<Trajectory> fragments, List<Double> finishedReturns, List<Integer> finishedLengths) {
        int t = config.numSteps();
        if (fragments.size() != config.numEnvs()) {
            throw new IllegalArgumentException("expected " + config.numEnvs() + " fragments, got " + fragments.size());
        }
        Map<String, Integer> perWorker = new TreeMap<>();
        for (int e = 0; e < fragments.size(); e++) {
            Trajectory f = fragments.get(e);
            // one stream per sub-env: a remote worker may send several fragments (one per sub-env) per version
            int nth = perWorker.merge(f.workerId(), 1, Integer::sum) - 1;
            if (f.length() != t) {
                throw new TrainerException("a trajectory of " + f.length() + " steps from worker " + f.workerId()
                        + "; the trainer expects num_steps = " + t);
            }
            int base = e * t;
            float[] o = f.observations().floats();
            if (o.length != t * od) {
                throw new TrainerException("worker " + f.workerId() + " sent observations of " + o.length / t
                        + " values; the env's have " + od);
            }
            System.arraycopy(o, 0, rawObs, base * od, t * od);
            float[] a = f.actions().floats();
            System.arraycopy(a, 0, act, base * aw, t * aw);
            float[] r = f.rewards();
            boolean[] term = f.terminated();
            boolean[] trunc = f.truncated();
            String stream = nth == 0 ? f.workerId() : f.workerId() + "/" + nth;
            double[] ep = episodeInProgress.computeIfAbsent(stream, s -> new double[2]);
            double disc = discounted.getOrDefault(stream, 0.0);
            for (int i = 0; i < t; i++) {
                boolean d = term[i] || trunc[i];
                done[base + i] = d;
                ep[0] += r[i];
                ep[1] += 1;
                if (retRms != null) {
                    disc = disc * config.gamma() * (term[i] ? 0 : 1) + r[i];
                    retRms.update(disc);
                    double scaled = r[i] / Math.sqrt(retRms.var()[0] + 1e-8);
                    rew[base + i] = (float) Math.max(-config.rewardClip(), Math.min(config.rewardClip(), scaled));
                } else {
                    rew[base + i] = r[i];
                }
                if (d) {
                    finishedReturns.add(ep[0]);
                    finishedLengths.add((int) ep[1]);
                    ep[0] = 0;
                    ep[1] = 0;
                    if (term[i] || trunc[i]) {
                        disc = 0;
                    }
                }
            }
            discounted.put(stream, disc);
            Map<String, TensorData> extras = f.extras();
            float[] lp = extras.containsKey(Trajectory.LOGPROB) ? extras.get(Trajectory.LOGPROB).floats() : null;
            float[] vs = extras.containsKey(Trajectory.VALUE) ? extras.get(Trajectory.VALUE).floats() : null;
            System.arraycopy(f.lastObservation().floats(), 0, lastObsN, e * od, od);
            net.normalize(rawObs, base * od, t, obsN, base * od);
            if (lp != null && vs != null && lp.length == t && vs.length == t) {
                // the acting policy is this network, so the worker's figures are the ones the learner would compute
                System.arraycopy(lp, 0, logp, base, t);
                System.arraycopy(vs, 0, val, base, t);
            } else {
                recomputeLogpValue(base, t, lp);
            }
        }
        // bootstrap values of the observations after each fragment
        net.normalize(lastObsN, 0, fragments.size(), lastObsN, 0);
        net.critic().forward(net.params(), lastObsN, 0, fragments.size(), lastWs);
        gae(fragments.size(), t, lastWs.output());
    }

    /** Values (and log-probs unless the worker sent them) of the acting policy, which is the current network. */
    private void recomputeLogpValue(int base, int t, float[] workerLogp) {
        for (int s = 0; s < t; s += mb) {
            int rows = Math.min(mb, t - s);
            int off = base + s;
            net.critic().forward(net.params(), obsN, off * od, rows, cws);
            System.arraycopy(cws.output(), 0, val, off, rows);
            if (workerLogp == null) {
                net.actor().forward(net.params(), obsN, off * od, rows, aws);
                for (int r = 0; r < rows; r++) {
                    logp[off + r] = (float) logProb(aws.output(), r, act, (off + r) * aw);
                }
            }
        }
        if (workerLogp != null) {
            System.arraycopy(workerLogp, 0, logp, base, t);
        }
    }

    private double logProb(float[] out, int row, float[] actions, int aOff) {
        int outs = net.actorOutputs();
        if (net.kind() == ActorCritic.Kind.GAUSSIAN) {
            Distributions.gaussian(out, row * outs, net.params(), net.logStdOffset(), aw, actions, aOff, 0, 0, null, null, 0, pair);
        } else {
            Distributions.categorical(out, row * outs, net.nvec(), actions, aOff, 0, 0, null, pair);
        }
        return pair[0];
    }

    private void gae(int envs, int t, float[] lastValues) {
        double gamma = config.gamma();
        double lambda = config.gaeLambda();
        for (int e = 0; e < envs; e++) {
            int base = e * t;
            double next = 0;
            for (int i = t - 1; i >= 0; i--) {
                double nextValue = i == t - 1 ? lastValues[e] : val[base + i + 1];
                double nonTerminal = done[base + i] ? 0 : 1;
                double delta = rew[base + i] + gamma * nextValue * nonTerminal - val[base + i];
                next = delta + gamma * lambda * nonTerminal * next;
                adv[base + i] = (float) next;
                ret[base + i] = (float) (next + val[base + i]);
            }
        }
    }

    /**
     * Runs the update of one iteration, then updates the observation statistics with the batch.
     *
     * @param iteration 1-based iteration (for the learning-rate decay)
     * @return the iteration's losses and diagnostics
     */
    public Map<String, Object> update(int iteration) {
        int iterations = config.numIterations();
        double lr = config.annealLr() ? (1.0 - (iteration - 1.0) / iterations) * config.learningRate() : config.learningRate();
        double sumPg = 0;
        double sumV = 0;
        double sumEnt = 0;
        double sumKl = 0;
        double sumOldKl = 0;
        double sumClipFrac = 0;
        double sumGradNorm = 0;
        int minibatches = 0;
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        int epochsRun = 0;
        outer:
        for (int epoch = 0; epoch < config.updateEpochs(); epoch++) {
            shuffle();
            epochsRun++;
            for (int start = 0; start + mb <= n; start += mb) {
                lossAndGradient(start, stats);
                sumGradNorm += Adam.clipGradNorm(grads, config.maxGradNorm());
                adam.step(net.params(), grads, lr);
                net.syncTranspose();
                double inv = 1.0 / mb;
                double kl = stats[3] * inv;
                sumPg += stats[0] * inv;
                sumV += 0.5 * stats[1] * inv;
                sumEnt += stats[2] * inv;
                sumKl += kl;
                sumOldKl += stats[4] * inv;
                sumClipFrac += stats[5] * inv;
                minibatches++;
                if (config.targetKl() > 0 && kl > config.targetKl()) {
                    break outer;
                }
            }
        }
        if (obsRms != null) {
            obsRms.update(rawObs, 0, n);
            applyObsNormalization();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learning_rate", lr);
        m.put("policy_loss", sumPg / minibatches);
        m.put("value_loss", sumV / minibatches);
        m.put("entropy", sumEnt / minibatches);
        m.put("approx_kl", sumKl / minibatches);
        m.put("old_approx_kl", sumOldKl / minibatches);
        m.put("clip_fraction", sumClipFrac / minibatches);
        m.put("grad_norm", sumGradNorm / minibatches);
        m.put("explained_variance", explainedVariance());
        m.put("epochs", epochsRun);
        return m;
    }

    private final double[] stats = new double[6];

    /**
     * The PPO loss of the minibatch of shuffled positions {@code [start, start + mb)} and its gradient (into
     * {@link #gradients()}, overwritten).
     *
     * @param stats receives the sums over the minibatch of: policy loss, squared value error (clipped as
     *     configured), entropy, approximate KL {@code (r - 1) - log r}, {@code -log r}, clipped count
     * @return the loss {@code pg - ent_coef * entropy + vf_coef * v_loss} (means over the minibatch)
     */
    double lossAndGradient(int start, double[] stats) {
        int outs = net.actorOutputs();
        boolean gaussian = net.kind() == ActorCritic.Kind.GAUSSIAN;
        int[] nvec = net.nvec();
        double clip = config.clipCoef();
        double advMean = 0;
        for (int r = 0; r < mb; r++) {
            int idx = perm[start + r];
            System.arraycopy(obsN, idx * od, mbObs, r * od, od);
            System.arraycopy(act, idx * aw, mbAct, r * aw, aw);
            advMean += adv[idx];
        }
        advMean /= mb;
        double advStd = 1;
        if (config.normAdv()) {
            double sq = 0;
            for (int r = 0; r < mb; r++) {
                double d = adv[perm[start + r]] - advMean;
                sq += d * d;
            }
            advStd = Math.sqrt(sq / Math.max(1, mb - 1)) + 1e-8;
        }
        Future<?> criticForward = parallel
                ? CRITIC_LANE.submit(() -> net.critic().forward(net.params(), mbObs, 0, mb, cws)) : null;
        net.actor().forward(net.params(), mbObs, 0, mb, aws);
        if (criticForward == null) {
            net.critic().forward(net.params(), mbObs, 0, mb, cws);
        } else {
            await(criticForward);
        }
        Arrays.fill(grads, 0f);
        float[] out = aws.output();
        float[] v = cws.output();
        double pg = 0;
        double vl = 0;
        double ent = 0;
        double kl = 0;
        double oldKl = 0;
        int clipped = 0;
        double inv = 1.0 / mb;
        double gEnt = -config.entCoef() * inv;
        for (int r = 0; r < mb; r++) {
            int idx = perm[start + r];
            if (gaussian) {
                Distributions.gaussian(out, r * outs, net.params(), net.logStdOffset(), aw, mbAct, r * aw, 0, 0, null,
                        null, 0, pair);
            } else {
                Distributions.categorical(out, r * outs, nvec, mbAct, r * aw, 0, 0, null, pair);
            }
            double newLogp = pair[0];
            double logRatio = newLogp - logp[idx];
            double ratio = StrictMath.exp(logRatio);
            oldKl += -logRatio;
            kl += (ratio - 1) - logRatio;
            if (Math.abs(ratio - 1) > clip) {
                clipped++;
            }
            double a = config.normAdv() ? (adv[idx] - advMean) / advStd : adv[idx];
            double unclippedLoss = -a * ratio;
            double clippedRatio = Math.max(1 - clip, Math.min(1 + clip, ratio));
            double clippedLoss = -a * clippedRatio;
            pg += Math.max(unclippedLoss, clippedLoss);
            // d(pg_loss)/d(newLogp) goes through the larger branch; the clipped one has no gradient outside
            // the clip range (and equals the unclipped one inside it)
            double gLogp = unclippedLoss >= clippedLoss ? -a * ratio * inv : 0;
            ent += pair[1];
            if (gaussian) {
                Distributions.gaussian(out, r * outs, net.params(), net.logStdOffset(), aw, mbAct, r * aw, gLogp, gEnt,
                        dOut, grads, net.logStdOffset(), pair);
            } else {
                Distributions.categorical(out, r * outs, nvec, mbAct, r * aw, gLogp, gEnt, dOut, pair);
            }
            double newV = v[r];
            double diff = newV - ret[idx];
            double gV;
            if (config.clipVloss()) {
                double delta = newV - val[idx];
                double clippedV = val[idx] + Math.max(-clip, Math.min(clip, delta));
                double cdiff = clippedV - ret[idx];
                if (diff * diff >= cdiff * cdiff) {
                    vl += diff * diff;
                    gV = diff;
                } else {
                    vl += cdiff * cdiff;
                    gV = Math.abs(delta) < clip ? cdiff : 0;
                }
            } else {
                vl += diff * diff;
                gV = diff;
            }
            dValue[r] = (float) (config.vfCoef() * gV * inv);
        }
        Future<?> criticBackward = parallel ? CRITIC_LANE.submit(() -> net.critic().backward(dValue, grads, cws))
                : null;
        net.actor().backward(dOut, grads, aws);
        if (criticBackward == null) {
            net.critic().backward(dValue, grads, cws);
        } else {
            await(criticBackward);
        }
        stats[0] = pg;
        stats[1] = vl;
        stats[2] = ent;
        stats[3] = kl;
        stats[4] = oldKl;
        stats[5] = clipped;
        return pg * inv - config.entCoef() * ent * inv + config.vfCoef() * 0.5 * vl * inv;
    }

    /** Waits for a critic-lane task; its writes happen-before the return. */
    private static void await(Future<?> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrainerException("interrupted during the update", e);
        } catch (ExecutionException e) {
            throw new TrainerException("critic pass failed: " + e.getCause(), e.getCause());
        }
    }

    /** Sets the batch directly, normalized observations included (for tests). */
    void setBatch(float[] obs, float[] actions, float[] oldLogp, float[] oldValues, float[] advantages, float[] returns) {
        System.arraycopy(obs, 0, obsN, 0, obsN.length);
        System.arraycopy(actions, 0, act, 0, act.length);
        System.arraycopy(oldLogp, 0, logp, 0, n);
        System.arraycopy(oldValues, 0, val, 0, n);
        System.arraycopy(advantages, 0, adv, 0, n);
        System.arraycopy(returns, 0, ret, 0, n);
    }

    /** @return the gradient buffer (live) */
    float[] gradients() {
        return grads;
    }

    /** Sets the minibatch order to the identity (for tests). */
    void identityOrder() {
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
    }

    /** @return the minibatch size */
    int minibatchSize() {
        return mb;
    }

    private void shuffle() {
        for (int i = n - 1; i > 0; i--) {
            int j = (int) rng.integers(0, i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
    }

    private double explainedVariance() {
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanY += ret[i];
        }
        meanY /= n;
        double varY = 0;
        double meanD = 0;
        for (int i = 0; i < n; i++) {
            varY += (ret[i] - meanY) * (ret[i] - meanY);
            meanD += ret[i] - val[i];
        }
        meanD /= n;
        double varD = 0;
        for (int i = 0; i < n; i++) {
            double d = ret[i] - val[i] - meanD;
            varD += d * d;
        }
        return varY == 0 ? Double.NaN : 1 - varD / varY;
    }

    /** @return the names of the streams seen so far (sorted) */
    public List<String> streams() {
        return new ArrayList<>(episodeInProgress.keySet());
    }
}
