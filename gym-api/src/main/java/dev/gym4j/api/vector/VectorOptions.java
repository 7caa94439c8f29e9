package dev.gym4j.api.vector;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.InvalidArgumentException;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * How to build a vector env: {@code Gym.makeVec}'s options besides the id, the number of sub-envs and
 * the env kwargs.
 *
 * <p>Immutable and thread-safe.
 *
 * @param mode sync (caller's thread) or async (worker threads)
 * @param autoresetMode what happens to a sub-env whose episode ended
 * @param threads worker threads for {@link VectorMode#ASYNC}, 0 for the number of cores; must be 0 or
 *     1 for {@link VectorMode#SYNC}
 * @param batchSize how many sub-envs an async env's {@code recv} returns, 0 for all; must be 0 (or
 *     {@code numEnvs}) for sync
 */
public record VectorOptions(VectorMode mode, AutoresetMode autoresetMode, int threads, int batchSize) {

    /** Sync, {@link AutoresetMode#NEXT_STEP}, default threads and batch size. */
    public static final VectorOptions DEFAULTS = new VectorOptions(VectorMode.SYNC, AutoresetMode.NEXT_STEP, 0, 0);

    /** Validates the values that do not depend on the number of sub-envs. */
    public VectorOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(autoresetMode, "autoresetMode");
        if (threads < 0) {
            throw new InvalidArgumentException("threads must be at least 1 (or 0 for the number of cores), got " + threads);
        }
        if (batchSize < 0) {
            throw new InvalidArgumentException("batch_size must be at least 1 (or 0 for num_envs), got " + batchSize);
        }
        if (mode == VectorMode.SYNC && threads > 1) {
            throw new InvalidArgumentException("threads=" + threads + " needs the async mode; the sync mode steps on the caller's thread");
        }
    }

    /**
     * @param threads worker threads, 0 for the number of cores
     * @param batchSize the recv batch size, 0 for all sub-envs
     * @return async options with those values and {@link AutoresetMode#NEXT_STEP}
     */
    public static VectorOptions async(int threads, int batchSize) {
        return new VectorOptions(VectorMode.ASYNC, AutoresetMode.NEXT_STEP, threads, batchSize);
    }

    /**
     * @param newMode the autoreset mode
     * @return a copy with that autoreset mode
     */
    public VectorOptions withAutoreset(AutoresetMode newMode) {
        return new VectorOptions(mode, newMode, threads, batchSize);
    }

    /**
     * Builds the vector env.
     *
     * @param numEnvs the number of sub-envs, at least 1
     * @param factory makes sub-env {@code i}, on the caller's thread
     * @param <O> the batched observation type
     * @param <A> the batched action type
     * @return a {@link SyncVectorEnv} or a {@link ThreadedVectorEnv}
     * @throws InvalidArgumentException if {@code numEnvs} or the batch size is out of range
     */
    public <O, A> VectorEnv<O, A> create(int numEnvs, IntFunction<? extends Env<?, ?>> factory) {
        if (numEnvs < 1) {
            throw new InvalidArgumentException("num_envs must be at least 1, got " + numEnvs);
        }
        if (batchSize > numEnvs || (mode == VectorMode.SYNC && batchSize != 0 && batchSize != numEnvs)) {
            throw new InvalidArgumentException("batch_size=" + batchSize + " must be at most num_envs=" + numEnvs
                    + (mode == VectorMode.SYNC ? " and equal to it in the sync mode (use the async mode for smaller batches)" : ""));
        }
        if (mode == VectorMode.SYNC) {
            return SyncVectorEnv.of(numEnvs, factory, autoresetMode);
        }
        return ThreadedVectorEnv.of(numEnvs, factory, autoresetMode, threads, batchSize);
    }
}
