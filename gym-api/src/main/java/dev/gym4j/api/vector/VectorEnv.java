package dev.gym4j.api.vector;

import dev.gym4j.Gym;
import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.spaces.Space;
import java.util.Map;

/**
 * Many sub-envs of one kind stepped as a batch, with Gymnasium 1.x's vector semantics and EnvPool's
 * memory layout. Not an {@code Env}: it has its own batched types.
 *
 * <p><b>Batches.</b> Observations, rewards and the two end flags live in arrays the vector env
 * allocates once and overwrites on every {@code reset} and {@code step}: row {@code i} of the returned
 * {@link VectorBatch} is sub-env {@code i}. A float32 {@code Box} observation of {@code k} elements
 * batches into one {@code float[numEnvs * k]}; a {@code Discrete} into a {@code long[numEnvs]}. Actions
 * are passed the same way: a {@code long[numEnvs]} for {@code Discrete} (the values of the batched
 * {@code MultiDiscrete} action space, so {@code actionSpace().sample()} can be passed to
 * {@code step}), a {@code float[numEnvs * k]} for a float32 {@code Box}. The arrays are exposed without
 * copying: copy what you keep past the next call. With envs that override the allocation-free
 * {@link dev.gym4j.api.Env#stepInto} (CartPole and the wrappers {@code Gym.make} adds do), the steady-state
 * step allocates nothing.
 *
 * <p><b>Seeding.</b> {@code reset(seed)} resets sub-env {@code i} with {@code seed + i}; {@code reset()}
 * continues every sub-env's random stream, so each sub-env's trajectory depends only on its seed and
 * its actions, whatever the vectorization mode or thread count.
 *
 * <p><b>Autoreset.</b> See {@link AutoresetMode}; {@link AutoresetMode#NEXT_STEP} is the default.
 *
 * <p><b>Infos.</b> {@link VectorBatch#info(int)} is sub-env {@code i}'s own info map, exactly what the
 * single env returned; {@link VectorBatch#infos()} is Gymnasium's dict of per-key arrays with
 * {@code _key} masks, built on first call.
 *
 * <p>Thread safety: not thread-safe; call it from one thread at a time. Implementations may step
 * sub-envs on their own threads.
 *
 * @param <O> the batched observation type, such as {@code float[]}
 * @param <A> the batched action type, such as {@code long[]} or {@code float[]}
 */
public interface VectorEnv<O, A> extends AutoCloseable {

    /** The reset option holding a {@code boolean[numEnvs]}: true for the sub-envs to reset. */
    String RESET_MASK = "reset_mask";

    /** @return the number of sub-envs, at least 1 */
    int numEnvs();

    /** @return one sub-env's observation space */
    Space<?> singleObservationSpace();

    /** @return one sub-env's action space */
    Space<?> singleActionSpace();

    /**
     * @return Gymnasium's batched observation space ({@code batch_space(single, numEnvs)}): a
     *     {@code Box} with a leading {@code numEnvs} dimension for array spaces, a {@code MultiDiscrete}
     *     for {@code Discrete}
     */
    Space<?> observationSpace();

    /** @return Gymnasium's batched action space, built as {@link #observationSpace()} is */
    Space<?> actionSpace();

    /** @return what happens to a sub-env whose episode ended */
    AutoresetMode autoresetMode();

    /**
     * Resets every sub-env, sub-env {@code i} with seed {@code seed + i}.
     *
     * @param seed a non-negative seed
     * @return the first observations and the reset infos; rewards 0 and flags false
     * @throws dev.gym4j.api.GymException naming the sub-env if one fails, or if the env is closed
     */
    default VectorBatch<O> reset(long seed) {
        return reset(seed, Map.of());
    }

    /**
     * Resets every sub-env, continuing each one's random stream.
     *
     * @return the first observations and the reset infos
     * @throws dev.gym4j.api.GymException naming the sub-env if one fails, or if the env is closed
     */
    default VectorBatch<O> reset() {
        return reset(null, Map.of());
    }

    /**
     * Resets sub-envs, as Gymnasium's {@code reset(seed=..., options=...)}.
     *
     * @param seed null to continue each sub-env's stream, else sub-env {@code i} gets {@code seed + i}
     * @param options passed to every sub-env's reset, except {@link #RESET_MASK} which selects the
     *     sub-envs to reset (the others keep their observation and get an empty info)
     * @return the observations and the reset infos; rewards 0 and flags false in every row, reset or not
     * @throws dev.gym4j.api.InvalidArgumentException if the mask is not a {@code boolean[numEnvs]}
     * @throws dev.gym4j.api.GymException naming the sub-env if one fails, or if the env is closed
     */
    VectorBatch<O> reset(Long seed, Map<String, ?> options);

    /**
     * Steps every sub-env with its row of {@code actions}, applying the autoreset mode.
     *
     * @param actions one action per sub-env in the batched action type; read during the call only
     * @return the batch; its arrays are overwritten by the next call
     * @throws dev.gym4j.api.InvalidArgumentException if {@code actions} has the wrong type or length
     * @throws dev.gym4j.api.ResetNeededException if called before the first reset
     * @throws dev.gym4j.api.GymException naming the sub-env if one fails (an invalid action, say), or
     *     if the env is closed
     */
    VectorBatch<O> step(A actions);

    /** @return the spec the sub-envs were made from, or null */
    default EnvSpec spec() {
        return null;
    }

    /** @return the sub-envs' metadata */
    default Map<String, Object> metadata() {
        return Map.of("autoreset_mode", autoresetMode());
    }

    /**
     * Closes every sub-env and stops any worker threads. Idempotent; after it every other call but the
     * accessors throws {@link dev.gym4j.api.EnvClosedException}.
     */
    @Override
    void close();
}
