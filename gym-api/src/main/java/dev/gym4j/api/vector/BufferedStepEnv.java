package dev.gym4j.api.vector;

import dev.gym4j.api.Env;
import java.util.Map;

/**
 * An env that can reset and step straight into a caller's batch array, so that a vector env steps it
 * without allocating: the observation is written at an offset of a preallocated primitive array and
 * the reward, flags and info go into a reused {@link StepOutcome}.
 *
 * <p>Optional: any {@link Env} can be stepped this way through {@link #adapt}, which copies from the
 * env's {@code StepResult} (and so allocates what the env's {@code step} allocates). Envs on the hot path
 * (CartPole and the other classic envs) and the pass-through wrappers {@code Gym.make} adds
 * ({@code TimeLimit}, {@code OrderEnforcing}) implement it directly.
 *
 * <p>The batch array has the observation space's batch type: for a {@code Box} the same primitive array
 * type as one observation ({@code float[]} for float32), for a {@code Discrete} a {@code long[]}. The
 * observation takes the elements {@code offset .. offset + size - 1}. Both methods must behave exactly as
 * {@code reset} and {@code step} of the same env: same checks, same state changes, same values; the
 * vector env tests compare the two paths.
 *
 * <p>Thread safety: as the env; not thread-safe.
 *
 * @param <B> the batch array type, such as {@code float[]}
 * @param <A> the single action type, such as {@code Integer}
 */
public interface BufferedStepEnv<B, A> {

    /**
     * Resets as {@code Env.reset(seed, options)} does and writes the first observation into the batch.
     *
     * @param seed null to continue the random stream, else a non-negative seed
     * @param options reset options; never null
     * @param observations the batch array
     * @param offset the index of the observation's first element in {@code observations}
     * @return the reset info; never null
     */
    Map<String, Object> resetInto(Long seed, Map<String, ?> options, B observations, int offset);

    /**
     * Steps as {@code Env.step(action)} does, writes the observation into the batch and the rest into
     * {@code outcome}.
     *
     * @param action an action of the env's action space; not kept after the call
     * @param observations the batch array
     * @param offset the index of the observation's first element in {@code observations}
     * @param outcome receives the reward, the flags and the info
     */
    void stepInto(A action, B observations, int offset, StepOutcome outcome);

    /**
     * Returns {@code env} itself when it implements this interface, else an adapter that calls
     * {@code reset} and {@code step} and copies the observation into the batch.
     *
     * @param env any env
     * @param <B> the batch array type
     * @param <A> the action type
     * @return a buffered view of {@code env}, stepping the same env
     * @throws dev.gym4j.api.InvalidArgumentException if the observation space cannot be batched
     *     (tuple and dict spaces)
     */
    @SuppressWarnings("unchecked")
    static <B, A> BufferedStepEnv<B, A> adapt(Env<?, A> env) {
        if (env instanceof BufferedStepEnv<?, ?> buffered) {
            return (BufferedStepEnv<B, A>) buffered;
        }
        return new CopyingStepEnv<>(env);
    }

    /**
     * Returns an adapter that always goes through {@code env.reset} and {@code env.step} and copies the
     * observation, even when {@code env} implements this interface: for a wrapper whose buffered path
     * must sometimes take its ordinary path (a checker on its first step, say).
     *
     * @param env any env
     * @param <B> the batch array type
     * @param <A> the action type
     * @return a copying adapter of {@code env}
     * @throws dev.gym4j.api.InvalidArgumentException if the observation space cannot be batched
     */
    static <B, A> BufferedStepEnv<B, A> copying(Env<?, A> env) {
        return new CopyingStepEnv<>(env);
    }
}
