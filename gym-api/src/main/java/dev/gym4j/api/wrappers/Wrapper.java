package dev.gym4j.api.wrappers;

import dev.gym4j.api.Env;
import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.Frame;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Space;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The base of every wrapper, as Gymnasium's {@code gymnasium.Wrapper}: each method forwards to the
 * wrapped env unless a subclass overrides it.
 *
 * <p>Subclasses that change the observation or action type override the spaces as well as
 * {@link #reset} and {@link #step}; the three one-method bases {@link ObservationWrapper},
 * {@link ActionWrapper} and {@link RewardWrapper} cover the common cases.
 *
 * <p>{@code toString()} prints the chain in Gymnasium's form, such as
 * {@code <TimeLimit<OrderEnforcing<PassiveEnvChecker<CartPoleEnv<CartPole-v1>>>>>}.
 *
 * <p>Thread safety: not thread-safe, like the env it wraps.
 *
 * @param <WO> the observation type this wrapper exposes
 * @param <WA> the action type this wrapper accepts
 * @param <O> the wrapped env's observation type
 * @param <A> the wrapped env's action type
 */
public abstract class Wrapper<WO, WA, O, A> implements Env<WO, WA> {

    /** The wrapped env. */
    protected final Env<O, A> env;

    /** A seed of 2^63 or more on its way down the chain, between resetWithSeed and resetInner. */
    private BigInteger pendingSeed;

    /**
     * @param env the env to wrap; not null
     */
    protected Wrapper(Env<O, A> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /** @return the env directly inside this wrapper */
    public Env<O, A> env() {
        return env;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Space<WO> observationSpace() {
        return (Space<WO>) env.observationSpace();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Space<WA> actionSpace() {
        return (Space<WA>) env.actionSpace();
    }

    @Override
    @SuppressWarnings("unchecked")
    public ResetResult<WO> reset(Long seed, Map<String, ?> options) {
        return (ResetResult<WO>) resetInner(seed, options);
    }

    /**
     * {@inheritDoc} A seed of {@code 2^63} or more goes down the chain once: this wrapper's {@link #reset} runs
     * with a null seed, and where it resets the wrapped env ({@link #resetInner}) the seed is passed on to the
     * wrapped env's {@code resetWithSeed}.
     */
    @Override
    public final ResetResult<WO> resetWithSeed(BigInteger seed, Map<String, ?> options) {
        if (seed == null || seed.signum() < 0 || seed.bitLength() <= 63) {
            return Env.super.resetWithSeed(seed, options);
        }
        pendingSeed = seed;
        try {
            return reset((Long) null, options);
        } finally {
            pendingSeed = null;
        }
    }

    /**
     * Resets the wrapped env: what a subclass's {@link #reset} calls instead of {@code env.reset}, so that a seed
     * of any size given to {@link #resetWithSeed} reaches the base env.
     *
     * @param seed the seed {@code reset} was given
     * @param options the options to pass on
     * @return the wrapped env's first observation and info
     */
    protected final ResetResult<O> resetInner(Long seed, Map<String, ?> options) {
        BigInteger big = pendingSeed;
        if (big != null) {
            pendingSeed = null;
            return env.resetWithSeed(big, options);
        }
        return env.reset(seed, options);
    }

    @Override
    @SuppressWarnings("unchecked")
    public StepResult<WO> step(WA action) {
        return (StepResult<WO>) env.step((A) action);
    }

    @Override
    public Optional<Frame> render() {
        return env.render();
    }

    @Override
    public String renderMode() {
        return env.renderMode();
    }

    @Override
    public void close() {
        env.close();
    }

    @Override
    public EnvSpec spec() {
        return env.spec();
    }

    @Override
    public Map<String, Object> metadata() {
        return env.metadata();
    }

    @Override
    public Env<?, ?> unwrapped() {
        return env.unwrapped();
    }

    /**
     * Finds the outermost wrapper of a given class in the chain starting at {@code env}.
     *
     * @param env the outermost env of a chain
     * @param type the wrapper class to look for
     * @param <W> its type
     * @return the wrapper, or empty when the chain has none
     */
    public static <W> Optional<W> find(Env<?, ?> env, Class<W> type) {
        Env<?, ?> e = env;
        while (true) {
            if (type.isInstance(e)) {
                return Optional.of(type.cast(e));
            }
            if (e instanceof Wrapper<?, ?, ?, ?> w) {
                e = w.env;
            } else {
                return Optional.empty();
            }
        }
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + env + ">";
    }
}
