package dev.gym4j.api.vector;

import dev.gym4j.Gym;

/**
 * How {@code Gym.makeVec} runs the sub-envs, as Gymnasium's {@code vectorization_mode}.
 *
 * <p>Thread-safe (an enum).
 */
public enum VectorMode {
    /** One after another on the caller's thread: a {@link SyncVectorEnv}. */
    SYNC,
    /** On worker threads, with EnvPool's {@code send} / {@code recv}: a {@link ThreadedVectorEnv}. */
    ASYNC
}
