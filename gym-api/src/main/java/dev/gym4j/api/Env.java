package dev.gym4j.api;

import dev.gym4j.Gym;
import dev.gym4j.api.spaces.Space;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;

/**
 * A reinforcement-learning environment with Gymnasium 1.x semantics.
 *
 * <p>The lifecycle is {@code reset} (optionally with a seed), then {@code step} until the returned
 * {@link StepResult} says {@code terminated} or {@code truncated}, then {@code reset} again.
 * {@code terminated} (the MDP reached a terminal state) and {@code truncated} (the episode was cut
 * short, for example by a time limit) are reported separately and never merged.
 *
 * <p>Seeding follows Gymnasium: {@code reset(seed)} re-creates the env's NumPy-compatible generator
 * from {@code seed}; {@code reset()} without a seed continues the current stream, so a seeded reset
 * followed by unseeded resets gives the same sequence of episodes as Gymnasium.
 *
 * <p>Thread safety: an {@code Env} is not thread-safe. Confine each instance to one thread at a time;
 * vector envs run many envs on many threads by giving each env its own thread.
 *
 * @param <O> the observation type (for example {@code float[]} for a float32 {@code Box})
 * @param <A> the action type (for example {@code Integer} for {@code Discrete})
 */
public interface Env<O, A> extends AutoCloseable {

    /** @return the space every observation belongs to; never null */
    Space<O> observationSpace();

    /** @return the space every valid action belongs to; never null */
    Space<A> actionSpace();

    /**
     * Starts a new episode, continuing the env's random stream (or seeding it from OS entropy if the
     * env was never seeded, as Gymnasium does).
     *
     * @return the first observation and an info map
     * @throws EnvClosedException if the env was closed
     */
    default ResetResult<O> reset() {
        return reset(null, Map.of());
    }

    /**
     * Starts a new episode after re-seeding the env's generator with {@code seed}.
     *
     * @param seed a non-negative seed
     * @return the first observation and an info map
     * @throws IllegalArgumentException if {@code seed} is negative
     * @throws EnvClosedException if the env was closed
     */
    default ResetResult<O> reset(long seed) {
        return reset(seed, Map.of());
    }

    /**
     * Starts a new episode, as Gymnasium's {@code reset(seed=..., options=...)}.
     *
     * @param seed null to continue the current random stream, else a non-negative seed
     * @param options env-specific reset options (for example {@code low} and {@code high}); never null
     * @return the first observation and an info map
     * @throws GymException if the options are not understood or the env was closed
     */
    ResetResult<O> reset(Long seed, Map<String, ?> options);

    /**
     * Starts a new episode with a seed of any size, as Gymnasium's {@code reset(seed=...)} does for any
     * non-negative Python int (NumPy's {@code SeedSequence}, and so
     * {@link dev.gym4j.api.random.Generator#fromSeed(BigInteger)}, takes seeds of {@code 2^64} and more).
     *
     * <p>A null seed, or one below {@code 2^63}, goes to {@link #reset(Long, Map)}. A larger seed travels down
     * the wrapper chain once: each {@link dev.gym4j.api.wrappers.Wrapper} runs its own reset logic (it sees a null
     * seed) around the inner env's {@code resetWithSeed}, and the base env ({@link AbstractEnv}) re-creates its
     * generator from the seed and resets, so the episode is the one Gymnasium's {@code reset(seed=seed)} starts.
     * This default takes only seeds below {@code 2^63}; an env with a generator of its own, or that forwards the
     * seed elsewhere (a remote env), overrides it.
     *
     * @param seed null to continue the random stream, else a non-negative integer of any size
     * @param options env-specific reset options; never null
     * @return the first observation and an info map
     * @throws InvalidArgumentException if {@code seed} is negative, or is {@code 2^63} or more and this env
     *     does not override this method
     * @throws EnvClosedException if the env was closed
     */
    default ResetResult<O> resetWithSeed(BigInteger seed, Map<String, ?> options) {
        if (seed == null) {
            return reset((Long) null, options);
        }
        if (seed.signum() < 0) {
            throw new InvalidArgumentException("Seed must be a non-negative integer, got " + seed);
        }
        if (seed.bitLength() <= 63) {
            return reset(seed.longValue(), options);
        }
        throw new InvalidArgumentException("seed " + seed + " is 2^63 or more, and " + this + " cannot take it: "
                + getClass().getName() + " does not extend AbstractEnv or Wrapper and does not override resetWithSeed");
    }

    /**
     * Advances the env by one step.
     *
     * @param action an element of {@link #actionSpace()}
     * @return the next observation, the reward, the two end flags and an info map
     * @throws ResetNeededException if called before the first {@code reset} (where order is enforced)
     * @throws InvalidActionException if the action is not of the action space's type or shape, or is NaN
     * @throws EnvClosedException if the env was closed
     */
    StepResult<O> step(A action);

    /**
     * Resets as {@link #reset(Long, Map)} does and writes the first observation into a caller's batch
     * array instead of returning it: the allocation-free reset that vector envs use.
     *
     * <p>The batch array has the observation space's batch type: for a {@code Box}, {@code MultiDiscrete}
     * or {@code MultiBinary} the primitive array type of one observation ({@code float[]} for float32),
     * for a {@code Discrete} a {@code long[]}; the observation takes the elements
     * {@code offset .. offset + size - 1}. The two reset paths behave alike: same checks, same state
     * changes, same values.
     *
     * <p>The default calls {@link #reset(Long, Map)} and copies the observation. An env or wrapper on the
     * hot path overrides it (and {@link #stepInto}) without allocating; a wrapper's logic then lives in
     * hooks that both of its paths call, so that it is written once.
     *
     * @param seed null to continue the random stream, else a non-negative seed
     * @param options reset options; never null
     * @param observations the batch array
     * @param offset the index of the observation's first element in {@code observations}
     * @return the reset info; never null
     * @throws GymException as {@link #reset(Long, Map)}, or if the observation space cannot be batched
     */
    default Map<String, Object> resetInto(Long seed, Map<String, ?> options, Object observations, int offset) {
        ResetResult<O> r = reset(seed, options);
        StepOutcome.writeObservation(r.observation(), observations, offset);
        return r.info();
    }

    /**
     * Steps as {@link #step} does, writes the observation into a caller's batch array (laid out as for
     * {@link #resetInto}) and the reward, flags and info into {@code outcome}: the allocation-free step
     * that vector envs use. The default calls {@link #step} and copies.
     *
     * @param action an action of the action space; not kept after the call
     * @param observations the batch array
     * @param offset the index of the observation's first element in {@code observations}
     * @param outcome receives the reward, the flags and the info
     * @throws GymException as {@link #step}
     */
    default void stepInto(A action, Object observations, int offset, StepOutcome outcome) {
        outcome.setFrom(step(action), observations, offset);
    }

    /**
     * Renders the current state in the render mode chosen when the env was made.
     *
     * @return a frame for {@code "rgb_array"}; empty when the env has no render mode
     */
    default Optional<Frame> render() {
        return Optional.empty();
    }

    /** @return the render mode chosen at construction, or null when none */
    default String renderMode() {
        return null;
    }

    /**
     * Releases resources. Idempotent: a second call does nothing. After close, {@code reset} and
     * {@code step} throw {@link EnvClosedException}.
     */
    @Override
    void close();

    /** @return the spec the env was made from by {@code Gym.make}, or null for a directly built env */
    default EnvSpec spec() {
        return null;
    }

    /**
     * @return Gymnasium's metadata map: at least {@code render_modes} (a {@code List<String>}) and
     *     {@code render_fps} (an {@code Integer}, or absent when the env does not render)
     */
    default Map<String, Object> metadata() {
        return Map.of("render_modes", java.util.List.of());
    }

    /** @return the innermost env under any wrappers; an unwrapped env returns itself */
    default Env<?, ?> unwrapped() {
        return this;
    }
}
