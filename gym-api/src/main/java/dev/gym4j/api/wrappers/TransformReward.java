package dev.gym4j.api.wrappers;

import dev.gym4j.api.Env;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * A wrapper that applies a function to every reward, as Gymnasium's {@code TransformReward}
 * (for example {@code r -> Math.max(-1, Math.min(1, r))} to clip rewards).
 *
 * <p>Thread safety: not thread-safe, like the env it wraps.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public final class TransformReward<O, A> extends RewardWrapper<O, A> {

    private final DoubleUnaryOperator function;

    /**
     * @param env the env to wrap; not null
     * @param function the transformation; not null
     */
    public TransformReward(Env<O, A> env, DoubleUnaryOperator function) {
        super(env);
        this.function = Objects.requireNonNull(function, "function");
    }

    @Override
    protected double reward(double reward) {
        return function.applyAsDouble(reward);
    }
}
