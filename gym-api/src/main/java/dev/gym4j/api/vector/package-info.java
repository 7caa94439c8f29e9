/**
 * Vector envs: many sub-envs of one kind stepped as a batch, with Gymnasium 1.x's semantics and
 * EnvPool's memory layout and asynchronous form.
 *
 * <ul>
 * <li>{@link dev.gym4j.api.vector.VectorEnv}: the interface ({@code reset(seed)} seeds sub-env
 * {@code i} with {@code seed + i}; batches in preallocated primitive arrays; Gymnasium's info dict) and
 * {@link dev.gym4j.api.vector.AutoresetMode} ({@code NEXT_STEP}, {@code SAME_STEP}, {@code DISABLED},
 * each with a worked example).
 * <li>{@link dev.gym4j.api.vector.SyncVectorEnv} (caller's thread) and
 * {@link dev.gym4j.api.vector.ThreadedVectorEnv} (worker threads, plus {@code send} / {@code recv});
 * {@code Gym.makeVec} builds either from {@link dev.gym4j.api.vector.VectorOptions}.
 * <li>Sub-envs are stepped through {@link dev.gym4j.api.Env#stepInto} and {@link dev.gym4j.api.Env#resetInto},
 * which write straight into a batch, so that the steady-state vector step allocates nothing.
 * <li>{@link dev.gym4j.api.vector.VectorWrapper}: the base of the vector wrappers, which live in
 * {@code dev.gym4j.api.wrappers.vector} (as Gymnasium's {@code gymnasium.wrappers.vector}).
 * </ul>
 *
 * <p>Every sub-env's trajectory depends only on its seed and its actions, whatever the mode, the
 * thread count or the order in which a threaded env's sub-envs finish; the tests compare each vector
 * env with separately stepped single envs. Vector envs are not thread-safe for their callers (one
 * calling thread at a time); the threaded env's workers are internal.
 */
package dev.gym4j.api.vector;

import dev.gym4j.Gym;
