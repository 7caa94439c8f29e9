package dev.gym4j.trainer.internal;

import dev.gym4j.api.Env;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.random.Generator;
import dev.gym4j.api.random.PCG64;
import dev.gym4j.api.random.SeedSequence;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.bridge.experience.ExperienceException;
import dev.gym4j.bridge.experience.ExperienceSink;
import dev.gym4j.bridge.experience.PolicyStore;
import dev.gym4j.bridge.experience.PolicyVersion;
import dev.gym4j.bridge.experience.TensorData;
import dev.gym4j.bridge.experience.Trajectory;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A rollout worker inside the trainer's process, with the contract of a remote {@code gym4j worker}: it waits
 * for each new policy version in the {@link PolicyStore}, decodes the ONNX model, steps its sub-envs for
 * {@code numSteps} steps with it and sends one {@link Trajectory} per sub-env to that sub-env's
 * {@link ExperienceSink} (worker id {@code local-<global sub-env index>}; in memory, or a ZeroMQ or Redis
 * transport when the trainer is given one).
 *
 * <p>Episode {@code e} of global sub-env {@code k} is reset with seed {@link #episodeSeed}, so that a sub-env's
 * state is a function of its episode number and the actions taken since that reset: a checkpoint stores
 * those and {@link #restore} replays them (deterministic envs give the very same state).
 *
 * <p>Runs on its own thread ({@link #run}); {@link #state} may be read by another thread only while this one
 * waits for a new policy version (after its fragments were received).
 */
public final class InProcessWorker implements Runnable {

    private final String experiment;
    private final String envId;
    private final long seed;
    private final int firstEnv;
    private final Env<Object, Object>[] envs;
    private final SpaceAdapter spaces;
    private final int numSteps;
    private final ExperienceSink[] sinks;
    private final PolicyStore store;
    private final Generator[] rng;
    private final long[] episode;
    private final long[] sequence;
    private final FloatList[] actionLog;
    private final float[] obs;
    private final float[] norm;
    private final int actWidth;
    private final float[][] lastFinal;
    private long haveVersion;
    private volatile boolean stopped;
    private volatile Throwable failure;
    /** Nanoseconds spent in env steps and resets, and in inference (forward passes and sampling). */
    private volatile long envNanos;
    private volatile long inferenceNanos;

    /**
     * @param globalFirstEnv global index of this worker's first sub-env
     * @param count number of sub-envs
     * @param factory makes one env
     */
    @SuppressWarnings("unchecked")
    public InProcessWorker(String experiment, String envId, long seed, int globalFirstEnv, int count,
            Supplier<Env<?, ?>> factory, SpaceAdapter spaces, int numSteps, ExperienceSink[] sinks, PolicyStore store) {
        this.experiment = experiment;
        this.envId = envId;
        this.seed = seed;
        this.firstEnv = globalFirstEnv;
        this.spaces = spaces;
        this.numSteps = numSteps;
        this.sinks = sinks.clone();
        this.store = store;
        envs = (Env<Object, Object>[]) new Env<?, ?>[count];
        rng = new Generator[count];
        episode = new long[count];
        sequence = new long[count];
        actionLog = new FloatList[count];
        lastFinal = new float[count][];
        actWidth = spaces.actDim();
        obs = new float[count * spaces.obsDim()];
        norm = new float[count * spaces.obsDim()];
        for (int k = 0; k < count; k++) {
            envs[k] = (Env<Object, Object>) factory.get();
            rng[k] = new Generator(new PCG64(new SeedSequence(BigInteger.valueOf(seed).shiftLeft(32)
                    .add(BigInteger.valueOf(globalFirstEnv + k)).add(BigInteger.ONE.shiftLeft(96)))));
            actionLog[k] = new FloatList();
        }
    }

    /**
     * The seed of episode {@code e} of global sub-env {@code k}: a SplitMix64 mix of the run's seed, {@code k}
     * and {@code e}, non-negative.
     */
    public static long episodeSeed(long seed, int k, long e) {
        long z = seed * 0x9E3779B97F4A7C15L + (k + 1) * 0xBF58476D1CE4E5B9L + e * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }

    /** Resets every sub-env for its first episode (a fresh run). */
    public void start() {
        for (int k = 0; k < envs.length; k++) {
            resetEnv(k);
        }
    }

    private void resetEnv(int k) {
        ResetResult<Object> r = envs[k].reset(episodeSeed(seed, firstEnv + k, episode[k]));
        spaces.observation(r.observation(), obs, k * spaces.obsDim());
        actionLog[k].clear();
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                Optional<PolicyVersion> p = store.awaitNewer(experiment, haveVersion, Duration.ofMillis(200));
                if (p.isEmpty()) {
                    continue;
                }
                PolicyVersion v = p.get();
                haveVersion = v.version();
                ActorCritic net = OnnxImport.read(v.model(), "policy version " + v.version()).net();
                collect(net, v.version());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExperienceException e) {
            if (!stopped) {
                failure = e;
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    private void collect(ActorCritic net, long version) throws InterruptedException {
        int n = envs.length;
        int od = spaces.obsDim();
        float[][] obsBuf = new float[n][numSteps * od];
        float[][] actBuf = new float[n][numSteps * actWidth];
        float[][] rew = new float[n][numSteps];
        boolean[][] term = new boolean[n][numSteps];
        boolean[][] trunc = new boolean[n][numSteps];
        float[][] logp = new float[n][numSteps];
        float[][] val = new float[n][numSteps];
        long[] firstEpisode = episode.clone();
        Mlp.Workspace aws = net.actor().workspace(n);
        Mlp.Workspace cws = net.critic().workspace(n);
        boolean gaussian = net.kind() == ActorCritic.Kind.GAUSSIAN;
        int[] nvec = net.nvec();
        int[] chosen = new int[actWidth];
        float[] row = new float[actWidth];
        int outs = net.actorOutputs();
        long tEnv = 0;
        long tInf = 0;
        for (int t = 0; t < numSteps; t++) {
            long t0 = System.nanoTime();
            net.normalize(obs, 0, n, norm, 0);
            net.actor().forward(net.params(), norm, 0, n, aws);
            net.critic().forward(net.params(), norm, 0, n, cws);
            float[] out = aws.output();
            float[] v = cws.output();
            for (int k = 0; k < n; k++) {
                double lp;
                if (gaussian) {
                    lp = Distributions.sampleGaussian(out, k * outs, net.params(), net.logStdOffset(), actWidth, false,
                            rng[k], row, 0);
                } else {
                    lp = Distributions.sampleCategorical(out, k * outs, nvec, false, rng[k], chosen, 0);
                    for (int j = 0; j < actWidth; j++) {
                        row[j] = chosen[j];
                    }
                }
                System.arraycopy(obs, k * od, obsBuf[k], t * od, od);
                System.arraycopy(row, 0, actBuf[k], t * actWidth, actWidth);
                logp[k][t] = (float) lp;
                val[k][t] = v[k];
            }
            long t1 = System.nanoTime();
            for (int k = 0; k < n; k++) {
                float[] a = Arrays.copyOfRange(actBuf[k], t * actWidth, (t + 1) * actWidth);
                StepResult<Object> r = envs[k].step(spaces.envAction(a, 0));
                rew[k][t] = (float) r.reward();
                term[k][t] = r.terminated();
                trunc[k][t] = r.truncated();
                if (r.terminated() || r.truncated()) {
                    if (t == numSteps - 1) {
                        // the fragment's last observation is the episode's final one
                        spaces.observation(r.observation(), obs, k * od);
                        lastFinal[k] = Arrays.copyOfRange(obs, k * od, (k + 1) * od);
                    }
                    episode[k]++;
                    resetEnv(k);
                } else {
                    actionLog[k].add(a);
                    spaces.observation(r.observation(), obs, k * od);
                }
            }
            tInf += t1 - t0;
            tEnv += System.nanoTime() - t1;
        }
        inferenceNanos += tInf;
        envNanos += tEnv;
        for (int k = 0; k < n; k++) {
            float[] last = Arrays.copyOfRange(obs, k * od, (k + 1) * od);
            if (lastFinal[k] != null) {
                last = lastFinal[k];
                lastFinal[k] = null;
            }
            Trajectory tr = new Trajectory(experiment, workerId(firstEnv + k), sequence[k]++, version, envId, firstEpisode[k],
                    TensorData.ofFloats(new int[] {numSteps, od}, obsBuf[k]), actions(actBuf[k]), rew[k], term[k],
                    trunc[k], TensorData.ofFloats(new int[] {od}, last),
                    Map.of(Trajectory.LOGPROB, TensorData.ofFloats(new int[] {numSteps}, logp[k]),
                            Trajectory.VALUE, TensorData.ofFloats(new int[] {numSteps}, val[k])));
            sinks[k].send(tr);
        }
    }


    private TensorData actions(float[] a) {
        if (spaces.kind() == ActorCritic.Kind.GAUSSIAN) {
            return TensorData.ofFloats(new int[] {numSteps, actWidth}, a);
        }
        long[] l = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            l[i] = (long) a[i];
        }
        boolean discrete = spaces.actionSpace().dtype() == DType.INT64 && spaces.actionSpace().shape().length == 0;
        return TensorData.ofLongs(discrete ? new int[] {numSteps} : new int[] {numSteps, actWidth}, l);
    }

    /** @return the worker id of global sub-env {@code k} */
    public static String workerId(int k) {
        return "local-" + k;
    }

    /** Asks the worker to stop at its next wait. */
    public void stop() {
        stopped = true;
    }

    /** @return the failure that ended {@link #run}, or null */
    public Throwable failure() {
        return failure;
    }

    /** @return nanoseconds in env steps and resets so far */
    public long envNanos() {
        return envNanos;
    }

    /** @return nanoseconds in inference so far */
    public long inferenceNanos() {
        return inferenceNanos;
    }

    /** Closes the envs and the sinks. */
    public void closeEnvs() {
        for (Env<?, ?> e : envs) {
            e.close();
        }
        for (ExperienceSink s : sinks) {
            s.close();
        }
    }

    /** The resumable state of one sub-env. */
    public record EnvState(long episode, long sequence, float[] actions, BigInteger rngState, BigInteger rngInc,
            boolean hasUint32, int uinteger) {
    }

    /** @return the state of each sub-env (call only while the worker waits for a version) */
    public EnvState[] state() {
        EnvState[] s = new EnvState[envs.length];
        for (int k = 0; k < envs.length; k++) {
            PCG64 g = rng[k].bitGenerator();
            s[k] = new EnvState(episode[k], sequence[k], actionLog[k].toArray(), g.state(), g.increment(), g.hasUint32(),
                    g.uinteger());
        }
        return s;
    }

    /**
     * Restores a checkpoint's state (instead of {@link #start}): resets each sub-env with its episode's seed and
     * replays the recorded actions.
     *
     * @param states one per sub-env
     * @param version the policy version the worker had
     * @throws IllegalStateException if a replayed episode ends early (the env is not deterministic or changed)
     */
    public void restore(EnvState[] states, long version) {
        haveVersion = version;
        for (int k = 0; k < envs.length; k++) {
            EnvState s = states[k];
            episode[k] = s.episode;
            sequence[k] = s.sequence;
            rng[k].bitGenerator().setState(s.rngState, s.rngInc, s.hasUint32, s.uinteger);
            resetEnv(k);
            float[] a = s.actions;
            for (int i = 0; i + actWidth <= a.length; i += actWidth) {
                float[] row = Arrays.copyOfRange(a, i, i + actWidth);
                StepResult<Object> r = envs[k].step(spaces.envAction(row, 0));
                if (r.terminated() || r.truncated()) {
                    throw new IllegalStateException("replaying the checkpoint's actions ended an episode of sub-env "
                            + (firstEnv + k) + " early: the env is not deterministic, or not the one trained");
                }
                actionLog[k].add(row);
                spaces.observation(r.observation(), obs, k * spaces.obsDim());
            }
        }
    }

    /** A growable float array. */
    static final class FloatList {
        private float[] a = new float[64];
        private int size;

        void add(float[] row) {
            if (size + row.length > a.length) {
                a = Arrays.copyOf(a, Math.max(a.length * 2, size + row.length));
            }
            System.arraycopy(row, 0, a, size, row.length);
            size += row.length;
        }

        void clear() {
            size = 0;
        }

        float[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
