package dev.gym4j.trainer;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.random.Generator;
import dev.gym4j.api.random.PCG64;
import dev.gym4j.api.random.SeedSequence;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.bridge.experience.ExperienceSink;
import dev.gym4j.bridge.experience.ExperienceSource;
import dev.gym4j.bridge.experience.ExperienceTransports;
import dev.gym4j.bridge.experience.InMemoryExperience;
import dev.gym4j.bridge.experience.PolicyStore;
import dev.gym4j.bridge.experience.PolicyStores;
import dev.gym4j.bridge.experience.PolicyVersion;
import dev.gym4j.bridge.experience.Trajectory;
import dev.gym4j.replay.internal.json.GymJson;
import dev.gym4j.replay.internal.json.Json;
import dev.gym4j.trainer.internal.ActorCritic;
import dev.gym4j.trainer.internal.Checkpoint;
import dev.gym4j.trainer.internal.ConvSpec;
import dev.gym4j.trainer.internal.InProcessWorker;
import dev.gym4j.trainer.internal.OnnxExport;
import dev.gym4j.trainer.internal.Orthogonal;
import dev.gym4j.trainer.internal.PpoLearner;
import dev.gym4j.trainer.internal.RunningMeanStd;
import dev.gym4j.trainer.internal.SpaceAdapter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Trains a policy for one env with PPO: in-process rollout workers (one thread each, the sub-envs split among
 * them) take each policy version from an in-memory {@link dev.gym4j.bridge.experience.PolicyStore} and send their
 * trajectories through an {@link dev.gym4j.bridge.experience.ExperienceSink}; the learner reads them from the
 * matching {@link dev.gym4j.bridge.experience.ExperienceSource} (the same interfaces remote {@code gym4j worker}
 * processes use), in worker order, and updates the network on this thread.
 *
 * <p><b>Determinism.</b> The same env, configuration (seed included) and number of workers give bit-identical
 * weights and metrics: every random number comes from seeded generators, the arithmetic is fixed-order float
 * and {@link StrictMath}, and trajectories are consumed in worker order whatever the thread timing. Resuming
 * from a checkpoint continues the very same run.
 *
 * <p>Not thread-safe: one thread drives a trainer.
 */
public final class PpoTrainer implements AutoCloseable {

    /** Receives each iteration's report. */
    @FunctionalInterface
    public interface Listener {
        /** @param report the iteration just finished */
        void iteration(IterationReport report);
    }

    private static final int WINDOW = 100;

    private final String envId;
    private final Map<String, Object> envKwargs;
    private final PpoConfig config;
    private final SpaceAdapter spaces;
    private final PpoLearner learner;
    private final String experiment;
    private final ExperienceSource source;
    private final PolicyStore store;
    private final boolean localWorkers;
    private final List<InProcessWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ArrayDeque<Double> recentReturns = new ArrayDeque<>();
    private final ArrayDeque<Integer> recentLengths = new ArrayDeque<>();
    private long episodes;
    private int iteration;
    private long globalStep;
    private boolean started;
    private long updateNanos;
    private long publishNanos;
    private long startNanos;

    private PpoTrainer(String envId, Map<String, ?> envKwargs, PpoConfig config, Transport transport) {
        this.envId = envId;
        this.envKwargs = new TreeMap<>(envKwargs);
        this.config = config;
        Env<?, ?> probe = Gym.make(envId, envKwargs);
        try {
            spaces = new SpaceAdapter(envId, probe.observationSpace(), probe.actionSpace(), config.actionTransform());
        } finally {
            probe.close();
        }
        ActorCritic net = new ActorCritic(spaces.obsDim(), spaces.kind(), spaces.nvec(), spaces.actDim(), config.hiddenSizes(),
                ConvSpec.forTraining(spaces.observationSpace(), config));
        net.initialize(new Orthogonal(Generator.fromSeed(config.seed())));
        Generator shuffle = new Generator(new PCG64(new SeedSequence(BigInteger.valueOf(config.seed())
                .add(BigInteger.ONE.shiftLeft(64)))));
        learner = new PpoLearner(config, net, shuffle);
        Transport tr = transport == null ? Transport.IN_MEMORY : transport;
        experiment = tr.experiment() != null ? tr.experiment() : defaultExperiment(tr.experienceUri());
        localWorkers = tr.localWorkers();
        InMemoryExperience memory = null;
        if (tr.experienceUri() == null) {
            memory = new InMemoryExperience(2 * config.numEnvs());
            source = memory.source();
        } else {
            source = ExperienceTransports.openSource(tr.experienceUri(), experiment);
        }
        if (tr.policyStoreUri() != null) {
            store = PolicyStores.openPublisher(tr.policyStoreUri());
        } else if (memory != null) {
            store = memory;
        } else if (localWorkers) {
            store = new InMemoryExperience(1);
        } else {
            source.close();
            throw new TrainerException("remote workers need a policy store both sides can reach (--policy-store dir:PATH, "
                    + "redis://... or zmq://HOST:PORT)");
        }
        if (localWorkers) {
            int w = config.numWorkers();
            for (int i = 0; i < w; i++) {
                int from = i * config.numEnvs() / w;
                int to = (i + 1) * config.numEnvs() / w;
                ExperienceSink[] sinks = new ExperienceSink[to - from];
                for (int k = 0; k < sinks.length; k++) {
                    String id = InProcessWorker.workerId(from + k);
                    sinks[k] = memory != null ? memory.sink() : ExperienceTransports.openSink(tr.experienceUri(), experiment, id);
                }
                workers.add(new InProcessWorker(experiment, envId, config.seed(), from, to - from, () -> Gym.make(envId, envKwargs),
                        spaces, config.numSteps(), sinks, store));
            }
        }
    }

    /**
     * Where experience comes from and policies go.
     *
     * @param experienceUri {@code zmq://...} or {@code redis://...} ({@code ExperienceTransports}), or null for the
     *     in-memory channel
     * @param policyStoreUri {@code dir:PATH}, {@code redis://...} or {@code zmq://HOST:PORT} (bound here:
     *     {@code PolicyStores.openPublisher}), or null for an
     *     in-memory store (only in-process workers reach it)
     * @param experiment the experiment name, or null for {@code train-<env>}
     * @param localWorkers whether this process runs {@code num_workers} rollout worker threads itself; without
     *     them, {@code num_envs} trajectories of each policy version are expected from remote workers
     */
    public record Transport(String experienceUri, String policyStoreUri, String experiment, boolean localWorkers) {
        /** The default: in-process workers over an in-memory channel. */
        public static final Transport IN_MEMORY = new Transport(null, null, null, true);
    }

    /**
     * Whether an env's action space is a Box (which picks CleanRL's continuous defaults).
     *
     * @param envId a registered env id
     * @param envKwargs its kwargs
     * @return true for a Box action space
     */
    public static boolean continuousActions(String envId, Map<String, ?> envKwargs) {
        Env<?, ?> probe = Gym.make(envId, envKwargs);
        try {
            return !(probe.actionSpace() instanceof Discrete)
                    && !(probe.actionSpace() instanceof dev.gym4j.api.spaces.MultiDiscrete);
        } finally {
            probe.close();
        }
    }

    /**
     * A fresh run.
     *
     * @param envId a registered env id
     * @param envKwargs kwargs of {@code Gym.make}
     * @param config the configuration
     * @return the trainer, not yet started
     * @throws TrainerException if the env's spaces are not supported
     */
    public static PpoTrainer create(String envId, Map<String, ?> envKwargs, PpoConfig config) {
        return new PpoTrainer(envId, envKwargs, config, Transport.IN_MEMORY);
    }

    /**
     * A fresh run whose experience and policies go through the given transport.
     *
     * @param transport where experience comes from and policies go
     * @return the trainer, not yet started
     * @throws TrainerException if the env's spaces are not supported
     * @throws dev.gym4j.bridge.experience.ExperienceException if a transport cannot be opened
     */
    public static PpoTrainer create(String envId, Map<String, ?> envKwargs, PpoConfig config, Transport transport) {
        return new PpoTrainer(envId, envKwargs, config, transport);
    }

    /**
     * Continues a run from its checkpoint.
     *
     * @param checkpoint a file {@link #saveCheckpoint} wrote
     * @param totalTimesteps a new total ({@code > 0}), or 0 to keep the checkpoint's; a new total changes the
     *     learning-rate schedule, so only the same total reproduces the uninterrupted run
     * @return the trainer, ready to {@link #train}
     * @throws TrainerException if the checkpoint is missing or corrupt
     */
    @SuppressWarnings("unchecked")
    public static PpoTrainer resume(Path checkpoint, long totalTimesteps) {
        Checkpoint.Reader in = new Checkpoint.Reader(checkpoint);
        try {
            String envId = in.utf();
            Map<String, Object> kwargs = Json.parseObject(in.utf());
            PpoConfig config = PpoConfig.fromMap(Json.parseObject(in.utf()));
            if (totalTimesteps > 0) {
                config = config.with(Map.of("total_timesteps", totalTimesteps));
            }
            PpoTrainer t = new PpoTrainer(envId, kwargs, config, Transport.IN_MEMORY);
            t.restore(in);
            return t;
        } catch (ClassCastException | IllegalArgumentException
                | IllegalStateException e) {
            throw new TrainerException("checkpoint " + checkpoint + " is corrupt: " + e.getMessage(), e);
        }
    }

    /** @return the configuration */
    public PpoConfig config() {
        return config;
    }

    /** @return the env id */
    public String envId() {
        return envId;
    }

    /** @return the env kwargs */
    public Map<String, Object> envKwargs() {
        return envKwargs;
    }

    /** @return iterations done */
    public int iteration() {
        return iteration;
    }

    /** @return env steps done */
    public long globalStep() {
        return globalStep;
    }

    /** @return whether every iteration has run */
    public boolean finished() {
        return iteration >= config.numIterations();
    }

    /**
     * Trains until {@code total_timesteps} (or until {@code stopAfterSteps} steps are done, as if interrupted;
     * then {@link #saveCheckpoint} and {@link #resume} continue the same run).
     *
     * @param listener gets every iteration's report, on this thread
     * @param stopAfterSteps stop once this many steps are done; {@code Long.MAX_VALUE} for no limit
     * @param checkpoint where {@code checkpoint_every} writes checkpoints, or null for none
     * @throws TrainerException if a worker fails (an env throws, for example)
     * @throws InterruptedException if interrupted
     */
    public void train(Listener listener, long stopAfterSteps, Path checkpoint) throws InterruptedException {
        if (!started) {
            started = true;
            startNanos = System.nanoTime();
            if (iteration == 0) {
                workers.forEach(InProcessWorker::start);
            }
            for (int i = 0; i < workers.size(); i++) {
                Thread th = new Thread(workers.get(i), "gym4j-rollout-worker-" + i);
                th.setDaemon(true);
                threads.add(th);
                th.start();
            }
        }
        while (!finished() && globalStep < stopAfterSteps) {
            long p0 = System.nanoTime();
            store.publish(PolicyVersion.onnx(experiment, nextVersion(), policyOnnx(), spaces.observationSpace(),
                    spaces.actionSpace(), policyJson()));
            store.setMinimumVersion(experiment, versionOffset + iteration + 1);
            publishNanos += System.nanoTime() - p0;
            List<Trajectory> fragments = receive(versionOffset + iteration + 1);
            long t0 = System.nanoTime();
            List<Double> returns = new ArrayList<>();
            List<Integer> lengths = new ArrayList<>();
            learner.collect(fragments, returns, lengths);
            iteration++;
            Map<String, Object> losses = learner.update(iteration);
            updateNanos += System.nanoTime() - t0;
            globalStep += config.batchSize();
            for (int i = 0; i < returns.size(); i++) {
                recentReturns.addLast(returns.get(i));
                recentLengths.addLast(lengths.get(i));
                if (recentReturns.size() > WINDOW) {
                    recentReturns.removeFirst();
                    recentLengths.removeFirst();
                }
            }
            episodes += returns.size();
            IterationReport report = new IterationReport(metrics(losses), timing());
            if (checkpoint != null && config.checkpointEvery() > 0 && iteration % config.checkpointEvery() == 0) {
                saveCheckpoint(checkpoint);
            }
            listener.iteration(report);
        }
    }

    /**
     * Version numbers continue after what the store already holds (a persistent store from an earlier run), so
     * that publishing never goes backwards.
     */
    private long versionOffset = -1;

    private long nextVersion() {
        if (versionOffset < 0) {
            long latest = store.latest(experiment).map(PolicyVersion::version).orElse(0L);
            versionOffset = Math.max(0, latest - iteration);
        }
        return versionOffset + iteration + 1;
    }

    private List<Trajectory> receive(long version) throws InterruptedException {
        List<Trajectory> got = new ArrayList<>();
        while (got.size() < config.numEnvs()) {
            Optional<Trajectory> t = source.poll(Duration.ofMillis(200));
            if (t.isEmpty()) {
                for (InProcessWorker w : workers) {
                    if (w.failure() != null) {
                        Throwable f = w.failure();
                        throw new TrainerException("a rollout worker failed: " + f.getMessage(), f);
                    }
                }
                continue;
            }
            Trajectory tr = t.get();
            source.acknowledge(tr);
            if (tr.policyVersion() != version) {
                if (localWorkers && tr.policyVersion() > version) {
                    throw new TrainerException("a trajectory of policy version " + tr.policyVersion() + " arrived while "
                            + version + " was expected");
                }
                continue; // on-policy: experience of an older version is dropped
            }
            got.add(tr);
        }
        got.sort(Comparator.comparing(PpoTrainer::order).thenComparingLong(Trajectory::sequence));
        return got;
    }

    /** Local workers sort by sub-env number; remote ones by id. */
    private static String order(Trajectory t) {
        String id = t.workerId();
        if (id.startsWith("local-")) {
            try {
                return String.format("local-%09d", Integer.parseInt(id.substring(6)));
            } catch (NumberFormatException e) {
                return id;
            }
        }
        return id;
    }

    private Map<String, Object> metrics(Map<String, Object> losses) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iteration", iteration);
        m.put("global_step", globalStep);
        if (recentReturns.isEmpty()) {
            m.put("episode_reward_mean", null);
            m.put("episode_reward_max", null);
            m.put("episode_reward_min", null);
            m.put("episode_length_mean", null);
        } else {
            m.put("episode_reward_mean", recentReturns.stream().mapToDouble(Double::doubleValue).sum() / recentReturns.size());
            m.put("episode_reward_max", recentReturns.stream().mapToDouble(Double::doubleValue).max().getAsDouble());
            m.put("episode_reward_min", recentReturns.stream().mapToDouble(Double::doubleValue).min().getAsDouble());
            m.put("episode_length_mean", recentLengths.stream().mapToDouble(Integer::doubleValue).sum() / recentLengths.size());
        }
        m.put("episodes", episodes);
        for (Map.Entry<String, Object> e : losses.entrySet()) {
            Object v = e.getValue();
            m.put(e.getKey(), v instanceof Double d && !Double.isFinite(d) ? null : v);
        }
        return m;
    }

    /** @return wall-clock figures so far (see {@link IterationReport#timing()}) */
    public Map<String, Object> timing() {
        Map<String, Object> t = new LinkedHashMap<>();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        t.put("seconds", seconds);
        t.put("steps_per_second", seconds > 0 ? globalStep / seconds : 0.0);
        long env = 0;
        long inf = 0;
        for (InProcessWorker w : workers) {
            env += w.envNanos();
            inf += w.inferenceNanos();
        }
        t.put("env_seconds", env / 1e9);
        t.put("inference_seconds", inf / 1e9);
        t.put("update_seconds", updateNanos / 1e9);
        t.put("publish_seconds", publishNanos / 1e9);
        return t;
    }

    /** @return the current policy as ONNX bytes ({@code docs/POLICY.md}) */
    public byte[] policyOnnx() {
        return OnnxExport.write(learner.net(), policyJson());
    }

    /** @return the current policy's {@code policy.json} metadata */
    public String policyJson() {
        ActorCritic net = learner.net();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "gym4j.policy.v1");
        m.put("env_id", envId);
        m.put("observation_space", GymJson.space(spaces.observationSpace()));
        m.put("action_space", GymJson.space(spaces.actionSpace()));
        Map<String, Object> outputs = new LinkedHashMap<>();
        if (net.kind() == ActorCritic.Kind.GAUSSIAN) {
            m.put("distribution", "diag_gaussian");
            outputs.put("mean", "mean");
            outputs.put("log_std", "log_std");
        } else {
            m.put("distribution", spaces.actionSpace() instanceof Discrete ? "categorical" : "multi_categorical");
            outputs.put("logits", "logits");
        }
        outputs.put("value", "value");
        m.put("outputs", outputs);
        m.put("action", Map.of("transform", config.actionTransform()));
        m.put("observation", Map.of("layout", "flat"));
        Map<String, Object> trainer = new LinkedHashMap<>();
        trainer.put("name", "gym4j-ppo");
        trainer.put("steps", globalStep);
        trainer.put("iteration", iteration);
        trainer.put("seed", config.seed());
        trainer.put("hidden_sizes", net.hidden());
        trainer.put("nvec", net.nvec());
        trainer.put("normalize_observation", net.normalizesObservations());
        if (net.conv() != null) {
            trainer.put("conv", net.conv().toJson());
        }
        m.put("trainer", trainer);
        return Json.write(m);
    }

    /** @return the current policy, run by the trainer's own network (a copy) */
    public TrainedPolicy policy() {
        String json = policyJson();
        return new TrainedPolicy(learner.net().copy(), Json.parseObject(json), json);
    }

    /**
     * Evaluates the current policy on a fresh env.
     *
     * @param episodes how many episodes
     * @param deterministic the most likely action, else sampled
     * @param seed seeds resets and sampling
     * @return the returns
     */
    public Evaluation evaluate(int episodes, boolean deterministic, long seed) {
        return policy().evaluate(envId, envKwargs, episodes, deterministic, seed);
    }

    /** @return the flat parameters (a copy): actor, critic, log-std */
    public float[] parameters() {
        return learner.net().params().clone();
    }

    /**
     * Writes a checkpoint: configuration, network, optimizer state, normalization statistics, generators, episode
     * bookkeeping and every sub-env's episode number and actions since its reset. Call between iterations.
     *
     * @param file where (written atomically)
     * @throws UncheckedIOException if it cannot be written
     */
    public void saveCheckpoint(Path file) {
        Checkpoint.Writer out = new Checkpoint.Writer();
        out.utf(envId).utf(Json.write(envKwargs)).utf(Json.write(config.toMap()));
        out.i32(iteration).i64(globalStep).i64(episodes);
        out.floats(learner.net().params());
        out.i64(learner.adam().steps()).floats(learner.adam().firstMoment()).floats(learner.adam().secondMoment());
        PCG64 g = learner.rng().bitGenerator();
        out.big(g.state()).big(g.increment()).bool(g.hasUint32()).i32(g.uinteger());
        writeRms(out, learner.obsRms());
        writeRms(out, learner.retRms());
        out.i32(learner.discounted().size());
        learner.discounted().forEach((k, v) -> out.utf(k).f64(v));
        out.i32(learner.episodesInProgress().size());
        learner.episodesInProgress().forEach((k, v) -> out.utf(k).f64(v[0]).f64(v[1]));
        out.i32(recentReturns.size());
        for (double r : recentReturns) {
            out.f64(r);
        }
        for (int l : recentLengths) {
            out.i32(l);
        }
        for (InProcessWorker w : workers) {
            for (InProcessWorker.EnvState s : w.state()) {
                out.i64(s.episode()).i64(s.sequence()).floats(s.actions()).big(s.rngState()).big(s.rngInc())
                        .bool(s.hasUint32()).i32(s.uinteger());
            }
        }
        try {
            out.writeTo(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRms(Checkpoint.Writer out, RunningMeanStd rms) {
        out.bool(rms != null);
        if (rms != null) {
            out.doubles(rms.mean()).doubles(rms.var()).f64(rms.count());
        }
    }

    private static void readRms(Checkpoint.Reader in, RunningMeanStd rms) {
        boolean present = in.bool();
        if (present != (rms != null)) {
            throw new IllegalStateException("normalization statistics do not match the configuration");
        }
        if (rms != null) {
            double[] m = in.doubles();
            double[] v = in.doubles();
            if (m.length != rms.size() || v.length != rms.size()) {
                throw new IllegalStateException("normalization statistics of the wrong size");
            }
            rms.restore(m, v, in.f64());
        }
    }

    private void restore(Checkpoint.Reader in) {
        iteration = in.i32();
        globalStep = in.i64();
        episodes = in.i64();
        float[] p = in.floats();
        if (p.length != learner.net().params().length) {
            throw new IllegalStateException("network of " + p.length + " parameters, expected " + learner.net().params().length);
        }
        System.arraycopy(p, 0, learner.net().params(), 0, p.length);
        learner.net().syncTranspose();
        long steps = in.i64();
        learner.adam().restore(steps, in.floats(), in.floats());
        learner.rng().bitGenerator().setState(in.big(), in.big(), in.bool(), in.i32());
        readRms(in, learner.obsRms());
        readRms(in, learner.retRms());
        learner.applyObsNormalization();
        int nd = in.i32();
        for (int i = 0; i < nd; i++) {
            learner.discounted().put(in.utf(), in.f64());
        }
        int ne = in.i32();
        for (int i = 0; i < ne; i++) {
            learner.episodesInProgress().put(in.utf(), new double[] {in.f64(), in.f64()});
        }
        int nr = in.i32();
        if (nr < 0 || nr > WINDOW) {
            throw new IllegalStateException("bad episode window " + nr);
        }
        for (int i = 0; i < nr; i++) {
            recentReturns.addLast(in.f64());
        }
        for (int i = 0; i < nr; i++) {
            recentLengths.addLast(in.i32());
        }
        for (InProcessWorker w : workers) {
            int count = w.state().length;
            InProcessWorker.EnvState[] states = new InProcessWorker.EnvState[count];
            for (int k = 0; k < count; k++) {
                states[k] = new InProcessWorker.EnvState(in.i64(), in.i64(), in.floats(), in.big(), in.big(), in.bool(), in.i32());
            }
            w.restore(states, iteration);
        }
    }

    /** Stops the workers and closes their envs. */
    @Override
    public void close() {
        workers.forEach(InProcessWorker::stop);
        source.close();
        store.close();
        for (Thread t : threads) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.forEach(InProcessWorker::closeEnvs);
    }

    @Override
    public String toString() {
        return "PpoTrainer[" + envId + ", iteration " + iteration + "/" + config.numIterations() + ", " + Arrays.toString(config.hiddenSizes()) + "]";
    }

    /**
     * The experiment when none is named: the EXPERIMENT of a {@code redis://HOST:PORT/EXPERIMENT} address, else
     * {@code gym4j}, the same default as {@code gym4j worker}'s, so a trainer and workers started with only an
     * address meet.
     */
    static String defaultExperiment(String experienceUri) {
        if (experienceUri != null && (experienceUri.startsWith("redis://") || experienceUri.startsWith("rediss://"))) {
            String rest = experienceUri.substring(experienceUri.indexOf("://") + 3);
            int q = rest.indexOf('?');
            if (q >= 0) {
                rest = rest.substring(0, q);
            }
            int slash = rest.indexOf('/');
            if (slash >= 0 && slash < rest.length() - 1) {
                return rest.substring(slash + 1);
            }
        }
        return "gym4j";
    }
}
