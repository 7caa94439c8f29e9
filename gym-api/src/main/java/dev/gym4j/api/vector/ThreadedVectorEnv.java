package dev.gym4j.api.vector;

import dev.gym4j.api.Env;
import dev.gym4j.api.GymException;
import dev.gym4j.api.InvalidArgumentException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntFunction;

/**
 * Steps its sub-envs on worker threads, with both Gymnasium's batched {@code step} and EnvPool's
 * asynchronous {@code send} / {@code recv}.
 *
 * <p><b>Threads.</b> {@code threads} (by default as many as there are cores, at most one per sub-env)
 * threads step the sub-envs. A sub-env is stepped by one thread at a time, with a happens-before edge
 * between its steps, and its trajectory depends only on its seed and its actions: results do not depend
 * on the thread count or on timing (the tests compare them with single envs). A waiting thread spins
 * briefly, then yields a few times, then parks.
 *
 * <p><b>Synchronous use</b> ({@link #reset}, {@link #step}): like {@link SyncVectorEnv}, all sub-envs
 * at once, shared out in chunks that the calling thread and {@code threads - 1} workers claim as they
 * come: a worker that is slow to wake never holds the step up, since the caller then steps the
 * remaining chunks itself. With one thread the caller does everything and nothing is handed off. Threads
 * pay off when a chunk's work is well above the hand-off cost (microseconds idle, tens of microseconds on
 * a loaded machine): heavy envs, or many sub-envs; for a cheap env like CartPole prefer
 * {@link SyncVectorEnv}.
 *
 * <p><b>Asynchronous use</b>, as EnvPool: the sub-envs are split into contiguous blocks, one per worker
 * thread; {@link #send} hands actions for some sub-envs to their workers and returns at once; {@link #recv} waits for the first {@link #batchSize()} sub-envs to finish
 * and returns their rows with their ids in {@link VectorBatch#envIds()}. {@link #asyncReset} starts a
 * reset of every sub-env the same way. The usual loop:
 *
 * <pre>{@code
 * envs.asyncReset(42);
 * while (training) {
 *     VectorBatch<float[]> batch = envs.recv();            // batchSize rows, any sub-envs
 *     long[] actions = policy(batch.observations());
 *     envs.send(actions, batch.envIds());
 * }
 * }</pre>
 *
 * A sub-env has at most one request in flight: sending to a sub-env whose result has not been received
 * is an error, as is calling {@code reset} or {@code step} while results are outstanding.
 *
 * <p><b>Failures.</b> An exception in a sub-env is caught on its worker and thrown by the {@code recv},
 * {@code step} or {@code reset} that collects it, as a {@link SubEnvException} naming the sub-env; the
 * other rows of that batch are dropped, and the sub-env should be reset.
 *
 * <p>Thread safety: the public methods must be called from one thread at a time; {@link #close} stops
 * the workers. The worker threads are daemons, so an unclosed env does not keep the JVM alive.
 *
 * @param <O> the batched observation type, such as {@code float[]}
 * @param <A> the batched action type, such as {@code long[]}
 */
public final class ThreadedVectorEnv<O, A> extends CoreVectorEnv<O, A> {

    private static final int IDLE = 0;
    private static final int IN_FLIGHT = 1;

    private final int batchSize;
    private final Worker[] workers;
    private final int[] owner;
    private final AtomicIntegerArray state;
    private final Object stagedActions;
    private final boolean[] resetRequested;
    private final Long[] resetSeeds;
    private final Map<String, ?>[] resetOptions;
    private final Throwable[] errors;
    private final boolean[] claimed;
    private final CompletionQueue completions;
    private final Round round;
    private final Runnable wakeRoundWorkers = this::wakeRoundWorkers;
    private final VectorBatch<O> received;
    private final java.util.function.BooleanSupplier isClosed = () -> this.closed;
    private int inFlight;
    private volatile boolean closed;

    /**
     * @param envs the sub-envs, all with the same spaces; the vector env owns and closes them
     * @param mode the autoreset mode
     * @param threads the number of worker threads, or 0 for the number of cores; capped at the number
     *     of sub-envs
     * @param batchSize how many sub-envs {@link #recv} returns, {@code 1 <= batchSize <= numEnvs}, or 0
     *     for all of them
     * @throws InvalidArgumentException if the sub-envs cannot be batched or an argument is out of range
     */
    @SuppressWarnings("unchecked")
    public ThreadedVectorEnv(List<? extends Env<?, ?>> envs, AutoresetMode mode, int threads, int batchSize) {
        super(new VectorCore<>(List.copyOf(envs), mode));
        int n = core.numEnvs();
        if (threads < 0) {
            throw new InvalidArgumentException("threads must be at least 1 (or 0 for the number of cores), got " + threads);
        }
        if (batchSize < 0 || batchSize > n) {
            throw new InvalidArgumentException("batch_size must be between 1 and num_envs=" + n + " (or 0 for num_envs), got " + batchSize);
        }
        this.batchSize = batchSize == 0 ? n : batchSize;
        int workerCount = Math.min(n, threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
        state = new AtomicIntegerArray(n);
        stagedActions = core.actionLayout.newBatch(n);
        resetRequested = new boolean[n];
        resetSeeds = new Long[n];
        resetOptions = (Map<String, ?>[]) new Map<?, ?>[n];
        errors = new Throwable[n];
        claimed = new boolean[n];
        completions = new CompletionQueue(n);
        received = VectorBatch.allocate((O) core.observationLayout.newBatch(this.batchSize), this.batchSize);
        owner = new int[n];
        int[] owned = new int[workerCount];
        for (int i = 0; i < n; i++) {
            owner[i] = (int) ((long) i * workerCount / n);
            owned[owner[i]]++;
        }
        round = new Round(n, workerCount, this::processInRound);
        workers = new Worker[workerCount];
        for (int w = 0; w < workerCount; w++) {
            workers[w] = new Worker(owned[w], this::process, w == 0 ? null : round);
        }
        for (int w = 0; w < workerCount; w++) {
            workers[w].start("gym4j-vector-" + w);
        }
    }

    /**
     * @param numEnvs the number of sub-envs
     * @param factory makes sub-env {@code i} (on the caller's thread)
     * @param mode the autoreset mode
     * @param threads worker threads, 0 for the number of cores
     * @param batchSize the {@code recv} batch size, 0 for {@code numEnvs}
     * @param <O> the batched observation type
     * @param <A> the batched action type
     * @return the vector env
     */
    public static <O, A> ThreadedVectorEnv<O, A> of(int numEnvs, IntFunction<? extends Env<?, ?>> factory,
                                                    AutoresetMode mode, int threads, int batchSize) {
        return new ThreadedVectorEnv<>(SyncVectorEnv.makeAll(numEnvs, factory), mode, threads, batchSize);
    }

    /** Runs a single request on sub-env {@code env}'s worker thread and publishes its completion. */
    private void process(int env) {
        processInRound(env);
        completions.publish(env);
    }

    /**
     * Resets or steps sub-env {@code env} as requested, recording a failure instead of throwing; runs on
     * whichever thread (the caller or a worker) has the sub-env.
     */
    private void processInRound(int env) {
        SubEnvSlot slot = core.slots[env];
        try {
            if (resetRequested[env]) {
                slot.reset(resetSeeds[env], resetOptions[env]);
            } else {
                slot.step(stagedActions, env);
            }
        } catch (Throwable t) {
            errors[env] = t;
        }
    }

    /** Runs a round over every sub-env with the caller and the workers, and rethrows the first failure. */
    private void runRound(String phase) {
        round.run(wakeRoundWorkers, isClosed);
        if (closed) {
            throw new dev.gym4j.api.EnvClosedException("ThreadedVectorEnv was closed while waiting for results");
        }
        for (int env = 0; env < errors.length; env++) {
            if (errors[env] != null) {
                Throwable error = errors[env];
                java.util.Arrays.fill(errors, null);
                throw SubEnvException.of(core.slots[env], phase, error);
            }
        }
    }

    /**
     * Wakes the workers that help with rounds: all but worker 0, whose place the calling thread takes,
     * so that {@code threads} threads step a round.
     */
    private void wakeRoundWorkers() {
        for (int w = 1; w < workers.length; w++) {
            workers[w].wake();
        }
    }

    /** @return the number of worker threads */
    public int threads() {
        return workers.length;
    }

    /** @return how many sub-envs {@link #recv} returns */
    public int batchSize() {
        return batchSize;
    }

    @Override
    public VectorBatch<O> reset(Long seed, Map<String, ?> options) {
        core.checkOpen(this);
        checkNothingInFlight("reset()");
        boolean[] mask = core.resetMask(options);
        Map<String, ?> subOptions = VectorCore.subEnvOptions(options);
        if (!options.containsKey(RESET_MASK)) {
            for (int i = 0; i < mask.length; i++) {
                resetRequested[i] = true;
                resetSeeds[i] = VectorCore.subEnvSeed(seed, i);
                resetOptions[i] = subOptions;
            }
            runRound("reset");
        } else {
            int count = 0;
            for (int i = 0; i < mask.length; i++) {
                if (mask[i]) {
                    requestReset(i, VectorCore.subEnvSeed(seed, i), subOptions);
                    count++;
                }
            }
            awaitAll(count, "reset");
        }
        core.clearUnmasked(mask);
        core.staging.invalidate(core.numEnvs());
        return core.staging;
    }

    /**
     * Starts resetting every sub-env (sub-env {@code i} with {@code seed + i}) without waiting; collect
     * the first observations with {@link #recv}.
     *
     * @param seed a non-negative seed
     * @throws GymException if results are outstanding or the env is closed
     */
    public void asyncReset(long seed) {
        asyncReset(Long.valueOf(seed));
    }

    /**
     * Starts resetting every sub-env, continuing their random streams, without waiting.
     *
     * @param seed null to continue each stream, else sub-env {@code i} gets {@code seed + i}
     * @throws GymException if results are outstanding or the env is closed
     */
    public void asyncReset(Long seed) {
        core.checkOpen(this);
        checkNothingInFlight("asyncReset()");
        core.resetMask(Map.of());
        for (int i = 0; i < core.numEnvs(); i++) {
            requestReset(i, VectorCore.subEnvSeed(seed, i), Map.of());
        }
    }

    private void requestReset(int env, Long seed, Map<String, ?> options) {
        resetRequested[env] = true;
        resetSeeds[env] = seed;
        resetOptions[env] = options;
        dispatch(env);
    }

    @Override
    public VectorBatch<O> step(A actions) {
        core.checkCanStep(this, actions);
        checkNothingInFlight("step()");
        System.arraycopy(actions, 0, stagedActions, 0, java.lang.reflect.Array.getLength(actions));
        java.util.Arrays.fill(resetRequested, false);
        runRound("step");
        core.staging.invalidate(core.numEnvs());
        return core.staging;
    }

    /**
     * Hands one action to each listed sub-env's worker and returns at once, as EnvPool's {@code send}.
     *
     * @param actions {@code envIds.length} rows in the batched action type: row {@code j} for sub-env
     *     {@code envIds[j]}; copied before returning
     * @param envIds distinct sub-env indices with no result outstanding
     * @throws InvalidArgumentException if the actions or ids are malformed
     * @throws GymException if a listed sub-env still has a request in flight, if no reset was done, or if
     *     the env is closed
     */
    public void send(A actions, int[] envIds) {
        core.checkHasReset(this);
        Objects.requireNonNull(envIds, "envIds");
        core.actionLayout.checkBatch(actions, envIds.length, "actions");
        checkSendable(envIds);
        for (int j = 0; j < envIds.length; j++) {
            int id = envIds[j];
            core.actionLayout.copyRows(actions, j, stagedActions, id, 1);
            resetRequested[id] = false;
            state.set(id, IN_FLIGHT);
            workers[owner[id]].enqueue(id);
        }
        inFlight += envIds.length;
        for (Worker w : workers) {
            w.publish();
        }
    }

    /** Checks that the ids are valid, distinct and idle, before anything is sent (so a bad call sends nothing). */
    private void checkSendable(int[] envIds) {
        String problem = null;
        for (int id : envIds) {
            if (id < 0 || id >= claimed.length) {
                problem = "Sub-env id " + id + " is out of range 0.." + (claimed.length - 1);
            } else if (claimed[id]) {
                problem = "Sub-env " + id + " is listed twice in envIds";
            } else if (state.get(id) != IDLE) {
                problem = "Sub-env " + id + " already has a request in flight: recv() its result before sending to it again";
            } else {
                claimed[id] = true;
                continue;
            }
            break;
        }
        for (int id : envIds) {
            if (id >= 0 && id < claimed.length) {
                claimed[id] = false;
            }
        }
        if (problem != null) {
            throw problem.contains("in flight") ? new GymException(problem) : new InvalidArgumentException(problem);
        }
    }


    /**
     * Waits for the first {@link #batchSize()} sub-envs to finish their requests and returns their rows,
     * as EnvPool's {@code recv}: row {@code j} is sub-env {@link VectorBatch#envIds()}{@code [j]}. The
     * batch is this env's own and is overwritten by the next {@code recv}.
     *
     * @return the batch
     * @throws GymException if fewer than {@code batchSize} requests are in flight, or the env is closed
     * @throws SubEnvException if one of the collected sub-envs failed
     */
    public VectorBatch<O> recv() {
        core.checkOpen(this);
        if (inFlight < batchSize) {
            throw new GymException("recv() needs " + batchSize + " requests in flight but there are " + inFlight
                    + ": send() to more sub-envs (or asyncReset()) first");
        }
        VectorCore<O> c = core;
        int[] ids = received.envIds();
        Throwable firstError = null;
        int firstErrorEnv = -1;
        for (int j = 0; j < batchSize; j++) {
            int env = take();
            ids[j] = env;
            c.observationLayout.copyRows(c.staging.observations(), env, received.observations(), j, 1);
            received.rewards()[j] = c.staging.rewards()[env];
            received.terminations()[j] = c.staging.terminations()[env];
            received.truncations()[j] = c.staging.truncations()[env];
            received.rowInfos()[j] = c.staging.rowInfos()[env];
            if (errors[env] != null && firstError == null) {
                firstError = errors[env];
                firstErrorEnv = env;
            }
            errors[env] = null;
        }
        received.invalidate(batchSize);
        if (firstError != null) {
            throw SubEnvException.of(c.slots[firstErrorEnv], "step", firstError);
        }
        return received;
    }

    private void dispatch(int env) {
        state.set(env, IN_FLIGHT);
        inFlight++;
        workers[owner[env]].submit(env);
    }

    private int take() {
        int env = completions.take(isClosed);
        if (env < 0) {
            throw new dev.gym4j.api.EnvClosedException("ThreadedVectorEnv was closed while waiting for results");
        }
        state.set(env, IDLE);
        inFlight--;
        return env;
    }

    private void awaitAll(int count, String phase) {
        Throwable firstError = null;
        int firstErrorEnv = -1;
        for (int k = 0; k < count; k++) {
            int env = take();
            if (errors[env] != null && firstError == null) {
                firstError = errors[env];
                firstErrorEnv = env;
            }
            errors[env] = null;
        }
        if (firstError != null) {
            throw SubEnvException.of(core.slots[firstErrorEnv], phase, firstError);
        }
    }

    private void checkNothingInFlight(String what) {
        if (inFlight != 0) {
            throw new GymException("Cannot call " + what + " while " + inFlight + " sub-envs have results outstanding: recv() them first");
        }
    }

    /** @return the number of requests sent whose results were not received yet */
    public int inFlight() {
        return inFlight;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Worker w : workers) {
            w.stop();
        }
        boolean interrupted = false;
        for (Worker w : workers) {
            try {
                w.join(10_000);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        core.close();
    }

    /** @return whether every worker thread has stopped (true after {@link #close()}) */
    boolean workersStopped() {
        for (Worker w : workers) {
            if (w.isAlive()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "ThreadedVectorEnv(" + (spec() == null ? core.slots[0].env() : spec().id()) + ", num_envs=" + numEnvs()
                + ", threads=" + threads() + ", batch_size=" + batchSize + ")";
    }
}
