package dev.gym4j.worker.bench;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.vector.SyncVectorEnv;
import dev.gym4j.api.vector.ThreadedVectorEnv;
import dev.gym4j.api.vector.VectorBatch;
import dev.gym4j.api.vector.VectorEnv;
import dev.gym4j.api.vector.VectorOptions;
import java.lang.reflect.Array;
import java.util.Map;
import java.util.Objects;

/**
 * The measuring loop behind both the JMH benchmarks and {@code gym4j bench}: steps an env (single,
 * sync vector, or threaded with EnvPool's {@code send} / {@code recv}) with actions sampled in advance
 * from its action space, resetting finished episodes, and counts env steps.
 *
 * <p>Sampling the actions in advance (a cycle of {@value #ACTION_CYCLE} per sub-env, seeded) keeps the
 * space sampler out of the figure; {@code SpaceSamplingBenchmark} measures it on its own. A vector env
 * counts one env step per sub-env and step; resets are part of the loop's cost but are not counted, as
 * in EnvPool's and Gymnasium's figures. Episodes that end are counted (a vector loop scans the flags
 * of each batch, which costs far less than the steps).
 *
 * <p>Thread safety: not thread-safe; one loop per thread.
 */
public abstract class StepLoop implements AutoCloseable {

    /** How many pre-sampled actions (or action batches) the loop cycles through. */
    public static final int ACTION_CYCLE = 64;

    private long episodes;

    private StepLoop() {
    }

    /**
     * Builds the loop {@code gym4j bench} runs.
     *
     * @param id a registered env id
     * @param numEnvs 0 for a single env made by {@code Gym.make}, else the number of sub-envs
     * @param threads 0 for a {@link SyncVectorEnv}, else the worker threads of a {@link ThreadedVectorEnv}
     * @param batchSize for a threaded env, 0 to step all sub-envs together, else the {@code recv} batch
     *     size of a {@code send} / {@code recv} loop
     * @param seed seeds the envs and the action sampler
     * @return the loop, with its envs reset
     * @throws InvalidArgumentException if the combination is not meaningful
     */
    public static StepLoop of(String id, int numEnvs, int threads, int batchSize, long seed) {
        return of(id, Map.of(), numEnvs, threads, batchSize, seed);
    }

    /**
     * Builds the loop {@code gym4j bench --kwarg ...} runs: as {@link #of(String, int, int, int, long)}, with
     * every env made with {@code kwargs}.
     *
     * @param id a registered env id
     * @param kwargs the envs' kwargs, passed to {@code Gym.make} (possibly empty)
     * @param numEnvs 0 for a single env, else the number of sub-envs
     * @param threads 0 for a {@link SyncVectorEnv}, else worker threads
     * @param batchSize for a threaded env, 0 to step all together, else the {@code recv} batch size
     * @param seed seeds the envs and the action sampler
     * @return the loop, with its envs reset
     * @throws InvalidArgumentException if the combination or a kwarg is not accepted
     */
    public static StepLoop of(String id, Map<String, ?> kwargs, int numEnvs, int threads, int batchSize, long seed) {
        if (numEnvs < 0 || threads < 0 || batchSize < 0) {
            throw new InvalidArgumentException("num_envs, threads and batch_size must not be negative");
        }
        if (numEnvs == 0) {
            if (threads != 0 || batchSize != 0) {
                throw new InvalidArgumentException("threads and batch_size need a vector env: set num_envs");
            }
            return single(Gym.make(id, kwargs), seed);
        }
        if (threads == 0) {
            if (batchSize != 0 && batchSize != numEnvs) {
                throw new InvalidArgumentException("batch_size needs worker threads: set threads");
            }
            return vector(Gym.makeVec(id, numEnvs, VectorOptions.DEFAULTS, kwargs), seed);
        }
        VectorEnv<Object, Object> envs = Gym.makeVec(id, numEnvs, VectorOptions.async(threads, batchSize), kwargs);
        return batchSize == 0 || batchSize == numEnvs ? vector(envs, seed) : sendRecv((ThreadedVectorEnv<?, ?>) envs, seed);
    }

    /**
     * @param env a single env; the loop owns it and closes it
     * @param seed seeds the env's first reset and the action sampler
     * @return a loop calling {@code env.step}
     */
    public static StepLoop single(Env<?, ?> env, long seed) {
        return new Single<>(env, seed);
    }

    /**
     * @param envs a vector env; the loop owns it and closes it
     * @param seed seeds the first reset and the action sampler
     * @return a loop calling {@code envs.step} with all sub-envs
     */
    public static StepLoop vector(VectorEnv<?, ?> envs, long seed) {
        return new Vector<>(envs, seed);
    }

    /**
     * @param envs a threaded vector env; the loop owns it and closes it
     * @param seed seeds the first reset and the action sampler
     * @return a loop of EnvPool's {@code recv} then {@code send} to the received sub-envs
     */
    public static StepLoop sendRecv(ThreadedVectorEnv<?, ?> envs, long seed) {
        return new SendRecv<>(envs, seed);
    }

    /**
     * Runs at least {@code envSteps} env steps (exactly that many when it is a multiple of
     * {@link #stepsPerCall()}).
     *
     * @param envSteps the number of env steps to run
     * @return the number run
     */
    public final long run(long envSteps) {
        long done = 0;
        while (done < envSteps) {
            done += call();
        }
        return done;
    }

    /**
     * Runs the loop for about {@code seconds} after {@code warmupSeconds} of warm-up.
     *
     * @param warmupSeconds seconds run and discarded first (for the JIT)
     * @param seconds seconds measured
     * @return env steps per second
     */
    public final double stepsPerSecond(double warmupSeconds, double seconds) {
        return measure(warmupSeconds, seconds).stepsPerSecond();
    }

    /**
     * Runs the loop for about {@code seconds} after {@code warmupSeconds} of warm-up, checking the clock
     * every 4096 env steps.
     *
     * @param warmupSeconds seconds run and discarded first (for the JIT)
     * @param seconds seconds measured
     * @return the env steps, the time and the episodes finished in the measured part
     */
    public final Measurement measure(double warmupSeconds, double seconds) {
        timed(warmupSeconds);
        return timed(seconds);
    }

    private Measurement timed(double seconds) {
        long episodesBefore = episodes;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long steps = 0;
        long now;
        do {
            steps += run(4096);
            now = System.nanoTime();
        } while (now < end);
        return new Measurement(steps, (now - start) / 1e9, episodes - episodesBefore);
    }

    /**
     * What {@link #measure} found.
     *
     * @param steps env steps run
     * @param seconds wall-clock seconds they took
     * @param episodes episodes that ended (terminated or truncated) meanwhile
     */
    public record Measurement(long steps, double seconds, long episodes) {
        /** @return env steps per second */
        public double stepsPerSecond() {
            return steps / seconds;
        }
    }

    /** @return the episodes that ended (terminated or truncated) since the loop was built */
    public final long episodes() {
        return episodes;
    }

    final void countEpisode() {
        episodes++;
    }

    /** Counts the ended episodes among the first {@code rows} rows of a batch. */
    final void countEpisodes(VectorBatch<?> batch) {
        boolean[] terminations = batch.terminations();
        boolean[] truncations = batch.truncations();
        int rows = batch.size();
        for (int i = 0; i < rows; i++) {
            if (terminations[i] | truncations[i]) {
                episodes++;
            }
        }
    }

    /** @return the env steps one internal call runs: 1, the number of sub-envs, or the batch size */
    public abstract int stepsPerCall();

    /** @return a short description, such as {@code SyncVectorEnv(CartPole-v1, num_envs=8)} */
    public abstract String description();

    /** Runs one internal call and returns the env steps it ran. */
    abstract int call();

    @Override
    public abstract void close();

    @Override
    public String toString() {
        return description();
    }

    private static Object[] sampleActions(Space<?> space, long seed, int count) {
        space.seed(seed);
        Object[] actions = new Object[count];
        for (int i = 0; i < count; i++) {
            actions[i] = space.sample();
        }
        return actions;
    }

    /**
     * One pre-sampled action batch per cycle position, rows sampled from the single action space and laid
     * out as {@link VectorEnv} takes them: a {@code long} per row for {@code Discrete}, else the row's
     * array elements one row after another.
     */
    private static Object[] sampleBatches(Space<?> single, int rows, long seed) {
        single.seed(seed);
        Object[] batches = new Object[ACTION_CYCLE];
        for (int k = 0; k < ACTION_CYCLE; k++) {
            for (int r = 0; r < rows; r++) {
                Object action = single.sample();
                if (action instanceof Integer i) {
                    if (batches[k] == null) {
                        batches[k] = new long[rows];
                    }
                    ((long[]) batches[k])[r] = i;
                } else {
                    int size = Array.getLength(action);
                    if (batches[k] == null) {
                        batches[k] = Array.newInstance(action.getClass().getComponentType(), rows * size);
                    }
                    System.arraycopy(action, 0, batches[k], r * size, size);
                }
            }
        }
        return batches;
    }

    private static final class Single<A> extends StepLoop {
        private final Env<?, A> env;
        private final Object[] actions;
        private int k;

        @SuppressWarnings("unchecked")
        Single(Env<?, ?> env, long seed) {
            this.env = (Env<?, A>) Objects.requireNonNull(env, "env");
            this.actions = sampleActions(env.actionSpace(), seed, ACTION_CYCLE);
            env.reset(seed);
        }

        @Override
        @SuppressWarnings("unchecked")
        int call() {
            StepResult<?> r = env.step((A) actions[k++ & (ACTION_CYCLE - 1)]);
            if (r.terminated() || r.truncated()) {
                env.reset();
                countEpisode();
            }
            return 1;
        }

        @Override
        public int stepsPerCall() {
            return 1;
        }

        @Override
        public String description() {
            return env.toString();
        }

        @Override
        public void close() {
            env.close();
        }
    }

    private static final class Vector<A> extends StepLoop {
        private final VectorEnv<?, A> envs;
        private final Object[] batches;
        private int k;

        @SuppressWarnings("unchecked")
        Vector(VectorEnv<?, ?> envs, long seed) {
            this.envs = (VectorEnv<?, A>) Objects.requireNonNull(envs, "envs");
            this.batches = sampleBatches(envs.singleActionSpace(), envs.numEnvs(), seed);
            envs.reset(seed);
        }

        @Override
        @SuppressWarnings("unchecked")
        int call() {
            countEpisodes(envs.step((A) batches[k++ & (ACTION_CYCLE - 1)]));
            return envs.numEnvs();
        }

        @Override
        public int stepsPerCall() {
            return envs.numEnvs();
        }

        @Override
        public String description() {
            return envs.toString();
        }

        @Override
        public void close() {
            envs.close();
        }
    }

    private static final class SendRecv<A> extends StepLoop {
        private final ThreadedVectorEnv<?, A> envs;
        private final Object[] batches;
        private int k;

        @SuppressWarnings("unchecked")
        SendRecv(ThreadedVectorEnv<?, ?> envs, long seed) {
            this.envs = (ThreadedVectorEnv<?, A>) Objects.requireNonNull(envs, "envs");
            this.batches = sampleBatches(envs.singleActionSpace(), envs.batchSize(), seed);
            envs.asyncReset(seed);
        }

        @Override
        @SuppressWarnings("unchecked")
        int call() {
            VectorBatch<?> batch = envs.recv();
            countEpisodes(batch);
            envs.send((A) batches[k++ & (ACTION_CYCLE - 1)], batch.envIds());
            return batch.size();
        }

        @Override
        public int stepsPerCall() {
            return envs.batchSize();
        }

        @Override
        public String description() {
            return envs + " send/recv";
        }

        @Override
        public void close() {
            envs.close();
        }
    }
}
