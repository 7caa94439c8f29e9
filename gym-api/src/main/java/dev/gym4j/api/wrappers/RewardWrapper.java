package dev.gym4j.api.wrappers;

import dev.gym4j.api.Env;
import dev.gym4j.api.StepResult;

/**
 * A wrapper that transforms every reward with {@link #reward}.
 *
 * <p>Thread safety: not thread-safe.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public abstract class RewardWrapper<O, A> extends Wrapper<O, A, O, A> {

    /** @param env the env to wrap */
    protected RewardWrapper(Env<O, A> env) {
        super(env);
    }

    /**
     * @param reward the wrapped env's reward
     * @return the transformed reward
     */
    protected abstract double reward(double reward);

    @Override
    @SuppressWarnings("unchecked")
    public StepResult<O> step(A action) {
        StepResult<O> r = env.step(action);
        return r.withReward(reward(r.reward()));
    }
}
