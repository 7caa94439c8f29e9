package dev.gym4j.api.wrappers;

import dev.gym4j.api.Env;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Space;

/**
 * A wrapper that transforms every action with {@link #action} before the wrapped env sees it.
 *
 * <p>Thread safety: not thread-safe.
 *
 * @param <O> the observation type (unchanged)
 * @param <WA> the action type this wrapper accepts
 * @param <A> the wrapped env's action type
 */
public abstract class ActionWrapper<O, WA, A> extends Wrapper<O, WA, O, A> {

    /** @param env the env to wrap */
    protected ActionWrapper(Env<O, A> env) {
        super(env);
    }

    /**
     * @param action an action of {@link #actionSpace()}
     * @return the action to pass to the wrapped env
     */
    protected abstract A action(WA action);

    /** @return the space of actions this wrapper accepts; subclasses that change it must override */
    @Override
    public abstract Space<WA> actionSpace();

    @Override
    public StepResult<O> step(WA action) {
        return env.step(action(action));
    }
}
