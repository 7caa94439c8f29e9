package dev.gym4j.worker.cli;

import dev.gym4j.Gym;
import dev.gym4j.api.random.Generator;
import dev.gym4j.api.random.SeedSequence;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.MultiDiscrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.vector.AutoresetMode;
import dev.gym4j.api.vector.VectorBatch;
import dev.gym4j.api.vector.VectorEnv;
import dev.gym4j.api.vector.VectorOptions;
import dev.gym4j.bridge.experience.ExperienceSink;
import dev.gym4j.bridge.experience.ExperienceTransports;
import dev.gym4j.bridge.experience.PolicyStore;
import dev.gym4j.bridge.experience.PolicyStores;
import dev.gym4j.bridge.experience.PolicyVersion;
import dev.gym4j.bridge.experience.TensorData;
import dev.gym4j.bridge.experience.Trajectory;
import dev.gym4j.policy.OnnxPolicy;
import dev.gym4j.policy.Policy;
import dev.gym4j.policy.PolicyException;
import dev.gym4j.policy.PolicyStep;
import dev.gym4j.video.RecordVideoVector;
import dev.gym4j.video.VideoSchedules;
import java.io.PrintWriter;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The rollout worker's loop: a vector env (same-step autoreset), a policy (ONNX from the store, or random until
 * one arrives), fragments per sub-env shipped to an {@link ExperienceSink}. Stops on SIGTERM (a shutdown hook) or
 * after the configured number of fragments: the fragments in progress are shipped as they are (shorter), the sink
 * is flushed, and only then may the JVM exit.
 *
 * <p>Not thread-safe: one thread runs it.
 */
final class RolloutWorker {

    record Config(String envId, String experience, String experiment, String workerId, int numEnvs,
            String policyStore, int fragmentLength, Long seed, long maxFragments, boolean waitForPolicy,
            double metricsIntervalSeconds, long maxPolicyLag, Path videoDir, Long videoEvery, Map<String, Object> kwargs) {
        Config {
            kwargs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kwargs));
        }
    }

    private final Config config;
    private final PrintWriter out;
    private final PrintWriter err;
    private volatile boolean stop;
    private final CountDownLatch done = new CountDownLatch(1);

    RolloutWorker(Config config, PrintWriter out, PrintWriter err) {
        this.config = config;
        this.out = out;
        this.err = err;
    }

    /** Runs until SIGTERM or the fragment limit; returns the exit status (0: everything acknowledged). */
    int runUntilStopped() throws InterruptedException {
        Thread hook = new Thread(() -> {
            stop = true;
            out.println("gym4j worker " + config.workerId() + ": stopping (SIGTERM), shipping what it holds");
            out.flush();
            try {
                done.await(); // let the loop ship and flush what it holds before the JVM goes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gym4j-worker-sigterm");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run();
        } catch (RuntimeException | Error e) {
            if (stop) {
                // The JVM exits as soon as this method lets the hook go: say why here, picocli would be too late.
                err.println("gym4j worker: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                err.flush();
            }
            throw e;
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that done is counted down
            }
        }
    }

    private int run() throws InterruptedException {
        Config c = config;
        VectorOptions options = VectorOptions.DEFAULTS.withAutoreset(AutoresetMode.SAME_STEP);
        try (VectorEnv<Object, Object> env = makeEnv(c, options);
                PolicyStore store = c.policyStore() == null ? null : PolicyStores.open(c.policyStore());
                ExperienceSink sink = ExperienceTransports.openSink(c.experience(),
                        c.experience().startsWith("redis") && WorkerCommand.redisExperiment(c.experience()) != null
                                && c.experiment().equals(WorkerCommand.redisExperiment(c.experience())) ? null
                                : c.experiment(), c.workerId())) {
            Space<?> obsSpace = env.singleObservationSpace();
            Space<?> actSpace = env.singleActionSpace();
            Generator generator = c.seed() != null ? Generator.fromSeed(c.seed())
                    : Generator.fromSeed(SeedSequence.fromOsEntropy().entropy());
            Acting acting = new Acting(new RandomPolicy(actSpace), 0);
            out.println("gym4j worker " + c.workerId() + ": " + c.envId() + " x " + c.numEnvs() + " -> "
                    + redact(c.experience()) + " (experiment " + c.experiment() + ", fragments of "
                    + c.fragmentLength() + " steps" + (store == null ? ", random actions" : ", policies from "
                    + redact(c.policyStore())) + (c.videoDir() == null ? "" : ", videos of sub-env 0 to "
                    + c.videoDir()) + ")");
            out.flush();
            if (store != null) {
                acting = refresh(store, acting, obsSpace, actSpace, c.waitForPolicy(), false);
            }
            VectorBatch<Object> batch = c.seed() != null ? env.reset(c.seed()) : env.reset();
            Object obs = copy(batch.observations());
            int n = c.numEnvs();
            int obsSize = Math.max(1, Array.getLength(obs) / n);
            long[] episodeIds = new long[n];
            for (int i = 0; i < n; i++) {
                episodeIds[i] = (long) i << 32; // unique per worker; +1 per episode of a sub-env
            }
            Metrics metrics = new Metrics(c, out);
            long sequence = 0;
            long fragments = 0;
            long fragmentsOfVersion = 0; // fragments shipped with acting.version()
            while (!stop && fragments < c.maxFragments()) {
                if (store != null) {
                    long before = acting.version();
                    // with a bounded policy lag, a version serves at most maxPolicyLag + 1 fragments
                    boolean needNewer = fragmentsOfVersion > c.maxPolicyLag();
                    acting = refresh(store, acting, obsSpace, actSpace, false, needNewer);
                    if (acting.version() != before) {
                        fragmentsOfVersion = 0;
                    }
                    if (stop) {
                        break;
                    }
                }
                Fragment fragment = new Fragment(n, c.fragmentLength());
                for (int t = 0; t < c.fragmentLength() && !stop; t++) {
                    PolicyStep step;
                    try {
                        step = acting.policy().act(obs, n, generator);
                    } catch (RuntimeException e) {
                        if (stop) {
                            break; // the JVM is going down (ONNX Runtime's own hook may close it): ship what we have
                        }
                        throw e;
                    }
                    batch = env.step(step.actions());
                    Object next = copy(batch.observations());
                    Object[] finals = new Object[n];
                    for (int i = 0; i < n; i++) {
                        boolean doneI = batch.terminations()[i] || batch.truncations()[i];
                        metrics.step(i, batch.rewards()[i], doneI, acting.version());
                        if (doneI) {
                            finals[i] = batch.info(i).get("final_obs");
                        }
                    }
                    fragment.add(obs, step, batch.rewards(), batch.terminations(), batch.truncations(), finals);
                    obs = next;
                }
                if (fragment.length() == 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    Trajectory traj = fragment.trajectory(i, c, sequence++, acting.version(), episodeIds[i],
                            obs, obsSize, obsSpace, actSpace);
                    for (boolean d : fragment.dones(i)) {
                        if (d) {
                            episodeIds[i]++;
                        }
                    }
                    sink.send(traj);
                }
                fragments++;
                fragmentsOfVersion++;
                metrics.fragmentShipped(fragment.length() * n, sink.unacknowledged());
            }
            boolean flushed = sink.flush(Duration.ofSeconds(30));
            metrics.print(true);
            out.println("gym4j worker " + c.workerId() + ": shipped " + sequence + " trajectories ("
                    + metrics.steps + " steps) with policy v" + acting.version() + "; "
                    + (flushed ? "all acknowledged" : sink.unacknowledged() + " NOT acknowledged"));
            out.flush();
            try {
                acting.policy().close();
            } catch (RuntimeException e) {
                // closed already by ONNX Runtime's shutdown hook
            }
            return flushed ? 0 : 1;
        }
    }

    /** The vector env, its sub-env 0 recorded to MP4 files with {@code --video}. */
    private static VectorEnv<Object, Object> makeEnv(Config c, VectorOptions options) {
        if (c.videoDir() == null) {
            return Gym.makeVec(c.envId(), c.numEnvs(), options, c.kwargs());
        }
        Map<String, Object> withRender = new java.util.LinkedHashMap<>(c.kwargs());
        withRender.put("render_mode", "rgb_array");
        VectorEnv<Object, Object> env = Gym.makeVec(c.envId(), c.numEnvs(), options, withRender);
        try {
            return RecordVideoVector.builder(env, c.videoDir())
                    .episodeTrigger(c.videoEvery() == null ? VideoSchedules.cappedCubic()
                            : VideoSchedules.every(c.videoEvery()))
                    .build();
        } catch (RuntimeException e) {
            env.close();
            throw e;
        }
    }

    private static String redact(String uri) {
        return uri.replaceAll("://([^@/]*):[^@/]*@", "://$1:***@");
    }

    private record Acting(Policy policy, long version) {
    }

    /**
     * Takes a newer policy version if there is one, waiting when told to ({@code wait}: for a first version;
     * {@code needNewer}: for one newer than the current) or when below the minimum; a stop ends the wait.
     */
    private Acting refresh(PolicyStore store, Acting current, Space<?> obsSpace, Space<?> actSpace, boolean wait,
            boolean needNewer) throws InterruptedException {
        Acting acting = current;
        long start = current.version();
        while (true) {
            long minimum = store.minimumVersion(config.experiment());
            boolean mustWait = (wait && acting.version() == 0) || acting.version() < minimum
                    || (needNewer && acting.version() == start);
            Optional<PolicyVersion> newer = store.awaitNewer(config.experiment(), Math.max(acting.version(),
                    refusedUpTo), mustWait ? Duration.ofSeconds(1) : Duration.ZERO);
            if (newer.isPresent()) {
                PolicyVersion pv = newer.get();
                try {
                    // Refuses a version for other spaces (printing both; float32-max bounds match infinite ones)
                    // or not ONNX.
                    Policy p = OnnxPolicy.fromPolicyVersion(pv, obsSpace, actSpace);
                    acting.policy().close();
                    acting = new Acting(p, pv.version());
                    out.println("gym4j worker " + config.workerId() + ": now acting with policy v" + pv.version());
                    out.flush();
                } catch (PolicyException e) {
                    refusedUpTo = pv.version();
                    err.println("gym4j worker: refused policy v" + pv.version() + ": " + e.getMessage());
                    err.flush();
                }
                continue;
            }
            if (!mustWait || stop) {
                return acting;
            }
        }
    }

    private long refusedUpTo;

    private static Object copy(Object array) {
        int len = Array.getLength(array);
        Object c = Array.newInstance(array.getClass().getComponentType(), len);
        System.arraycopy(array, 0, c, 0, len);
        return c;
    }

    /** The steps of one fragment for all sub-envs, kept as batches. */
    private static final class Fragment {
        final int n;
        final List<Object> observations = new ArrayList<>();
        final List<PolicyStep> steps = new ArrayList<>();
        final List<double[]> rewards = new ArrayList<>();
        final List<boolean[]> terminated = new ArrayList<>();
        final List<boolean[]> truncated = new ArrayList<>();
        final List<Object[]> finals = new ArrayList<>();

        Fragment(int n, int capacity) {
            this.n = n;
        }

        void add(Object obs, PolicyStep step, double[] r, boolean[] term, boolean[] trunc, Object[] fin) {
            observations.add(obs);
            steps.add(step);
            rewards.add(r.clone());
            terminated.add(term.clone());
            truncated.add(trunc.clone());
            finals.add(fin);
        }

        int length() {
            return steps.size();
        }

        boolean[] dones(int i) {
            boolean[] d = new boolean[length()];
            for (int t = 0; t < d.length; t++) {
                d[t] = terminated.get(t)[i] || truncated.get(t)[i];
            }
            return d;
        }

        Trajectory trajectory(int i, Config c, long sequence, long version, long episodeId, Object nextObs,
                int obsSize, Space<?> obsSpace, Space<?> actSpace) {
            int steps = length();
            Object obsRows = Array.newInstance(observations.get(0).getClass().getComponentType(), steps * obsSize);
            for (int t = 0; t < steps; t++) {
                System.arraycopy(observations.get(t), i * obsSize, obsRows, t * obsSize, obsSize);
            }
            Object firstActions = this.steps.get(0).actions();
            int actSize = Array.getLength(firstActions) / n;
            Object actRows = Array.newInstance(firstActions.getClass().getComponentType(), steps * actSize);
            float[] rew = new float[steps];
            boolean[] term = new boolean[steps];
            boolean[] trunc = new boolean[steps];
            float[] logp = this.steps.get(0).logProbs() == null ? null : new float[steps];
            float[] value = this.steps.get(0).values() == null ? null : new float[steps];
            for (int t = 0; t < steps; t++) {
                PolicyStep s = this.steps.get(t);
                System.arraycopy(s.actions(), i * actSize, actRows, t * actSize, actSize);
                rew[t] = (float) rewards.get(t)[i];
                term[t] = terminated.get(t)[i];
                trunc[t] = truncated.get(t)[i];
                if (logp != null && s.logProbs() != null) {
                    logp[t] = s.logProbs()[i];
                }
                if (value != null && s.values() != null) {
                    value[t] = s.values()[i];
                }
            }
            Object last;
            boolean lastDone = term[steps - 1] || trunc[steps - 1];
            if (lastDone && finals.get(steps - 1)[i] != null) {
                last = finals.get(steps - 1)[i];
                if (last instanceof Number num) {
                    last = new long[] {num.longValue()};
                }
            } else {
                last = Array.newInstance(nextObs.getClass().getComponentType(), obsSize);
                System.arraycopy(nextObs, i * obsSize, last, 0, obsSize);
            }
            int[] single = shapeOf(obsSpace);
            Map<String, TensorData> extras = new LinkedHashMap<>();
            if (logp != null) {
                extras.put(Trajectory.LOGPROB, TensorData.ofFloats(new int[] {steps}, logp));
            }
            if (value != null) {
                extras.put(Trajectory.VALUE, TensorData.ofFloats(new int[] {steps}, value));
            }
            return new Trajectory(c.experiment(), c.workerId(), sequence, version, c.envId(), episodeId,
                    tensor(obsRows, prepend(steps, single), obsSpace), tensor(actRows, prepend(steps, actShape(actSpace)),
                    actSpace), rew, term, trunc, tensor(last, single, obsSpace), extras);
        }
    }

    static int[] shapeOf(Space<?> space) {
        return space instanceof Discrete ? new int[0] : space.shape();
    }

    static int[] actShape(Space<?> space) {
        if (space instanceof Discrete) {
            return new int[0];
        }
        if (space instanceof MultiDiscrete md) {
            return new int[] {md.nvec().length};
        }
        return space.shape();
    }

    static int[] prepend(int first, int[] rest) {
        int[] s = new int[rest.length + 1];
        s[0] = first;
        System.arraycopy(rest, 0, s, 1, rest.length);
        return s;
    }

    static TensorData tensor(Object array, int[] shape, Space<?> space) {
        if (array instanceof float[] f) {
            return TensorData.ofFloats(shape, f);
        }
        if (array instanceof double[] d) {
            return TensorData.ofDoubles(shape, d);
        }
        if (array instanceof long[] l) {
            return TensorData.ofLongs(shape, l);
        }
        if (array instanceof int[] i) {
            return TensorData.ofInts(shape, i);
        }
        if (array instanceof byte[] b) {
            return TensorData.ofBytes(space.dtype() == DType.INT8 ? DType.INT8 : DType.UINT8, shape, b);
        }
        throw new CliException("the worker cannot ship values of type " + array.getClass().getSimpleName()
                + " (space " + space + "); expected a Box, Discrete or MultiDiscrete space");
    }

    /** Uniformly random actions, laid out as a policy's, for the time before the first policy version. */
    static final class RandomPolicy implements Policy {
        private final Space<?> actionSpace;

        RandomPolicy(Space<?> actionSpace) {
            if (!(actionSpace instanceof Discrete || actionSpace instanceof MultiDiscrete
                    || actionSpace instanceof Box<?> b && b.dtype().isFloat())) {
                throw new CliException("the random policy cannot act in " + actionSpace
                        + ": expected Discrete, MultiDiscrete or a float Box");
            }
            this.actionSpace = actionSpace;
        }

        @Override
        public Space<?> observationSpace() {
            return null;
        }

        @Override
        public Space<?> actionSpace() {
            return actionSpace;
        }

        @Override
        public dev.gym4j.policy.PolicyMetadata metadata() {
            return dev.gym4j.policy.PolicyMetadata.empty();
        }

        @Override
        public dev.gym4j.policy.PolicyMetadata.Distribution distribution() {
            return null;
        }

        @Override
        public int observationSize() {
            return 0;
        }

        @Override
        public PolicyStep act(Object observations, int batchSize, Generator g) {
            if (actionSpace instanceof Discrete d) {
                long[] a = new long[batchSize];
                float[] logp = new float[batchSize];
                for (int i = 0; i < batchSize; i++) {
                    a[i] = d.start() + g.integers(d.n());
                    logp[i] = (float) -Math.log(d.n());
                }
                return new PolicyStep(batchSize, actionSpace, a, logp, null);
            }
            if (actionSpace instanceof MultiDiscrete md) {
                long[] nvec = md.nvec();
                long[] start = md.start();
                long[] a = new long[batchSize * nvec.length];
                for (int i = 0; i < a.length; i++) {
                    a[i] = start[i % nvec.length] + g.integers(nvec[i % nvec.length]);
                }
                return new PolicyStep(batchSize, actionSpace, a, null, null);
            }
            Box<?> box = (Box<?>) actionSpace;
            double[] low = box.low();
            double[] high = box.high();
            boolean[] below = box.boundedBelow();
            boolean[] above = box.boundedAbove();
            int k = low.length;
            double[] v = new double[batchSize * k];
            for (int i = 0; i < v.length; i++) {
                int e = i % k;
                v[i] = below[e] && above[e] ? g.uniform(low[e], high[e]) : g.standardNormal();
            }
            if (box.dtype() == DType.FLOAT64) {
                return new PolicyStep(batchSize, actionSpace, v, null, null);
            }
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                f[i] = (float) v[i];
            }
            return new PolicyStep(batchSize, actionSpace, f, null, null);
        }

        @Override
        public PolicyStep actDeterministic(Object observations, int batchSize) {
            throw new UnsupportedOperationException("the random policy has no mode");
        }

        @Override
        public void close() {
        }
    }

    /** Episode statistics, printed as SageMaker's default metric regexes read them. */
    private static final class Metrics {
        final Config config;
        final PrintWriter out;
        final double[] running;
        final int[] lengths;
        long steps;
        long episodes;
        long fragments;
        double sum;
        double max = Double.NEGATIVE_INFINITY;
        int count;
        long version;
        long lastPrint = System.nanoTime();
        final long start = System.nanoTime();

        Metrics(Config config, PrintWriter out) {
            this.config = config;
            this.out = out;
            this.running = new double[config.numEnvs()];
            this.lengths = new int[config.numEnvs()];
        }

        void step(int i, double reward, boolean done, long policyVersion) {
            running[i] += reward;
            lengths[i]++;
            steps++;
            version = policyVersion;
            if (done) {
                episodes++;
                sum += running[i];
                max = Math.max(max, running[i]);
                count++;
                running[i] = 0;
                lengths[i] = 0;
            }
        }

        void fragmentShipped(long stepsInFragment, int unacknowledged) {
            fragments++;
            print(false);
        }

        void print(boolean force) {
            long now = System.nanoTime();
            if (!force && now - lastPrint < config.metricsIntervalSeconds() * 1e9) {
                return;
            }
            lastPrint = now;
            if (count > 0) {
                double mean = sum / count;
                out.println("Training> Name=main_level/agent, Worker=" + config.workerId() + ", Episode=" + episodes
                        + ", Total reward=" + fmt(mean) + ", Steps=" + steps + ", Training iteration=" + version);
                out.println("episode_reward_mean: " + fmt(mean));
                out.println("episode_reward_max: " + fmt(max));
            }
            double secs = (now - start) / 1e9;
            out.println("gym4j worker " + config.workerId() + ": " + steps + " steps, " + episodes + " episodes, "
                    + fragments + " fragments, policy v" + version + ", " + String.format(Locale.ROOT, "%.0f", steps / secs)
                    + " steps/s");
            out.flush();
            sum = 0;
            count = 0;
            max = Double.NEGATIVE_INFINITY;
        }

        static String fmt(double v) {
            return String.format(Locale.ROOT, "%.4f", v);
        }
    }
}
