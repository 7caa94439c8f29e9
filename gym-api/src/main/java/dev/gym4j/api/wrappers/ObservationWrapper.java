package dev.gym4j.api.wrappers;

import dev.gym4j.api.Env;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Space;
import java.util.Map;

/**
 * A wrapper that transforms every observation with {@link #observation}, on reset and on step.
 *
 * <p>Thread safety: not thread-safe.
 *
 * @param <WO> the transformed observation type
 * @param <O> the wrapped env's observation type
 * @param <A> the action type (unchanged)
 */
public abstract class ObservationWrapper<WO, O, A> extends Wrapper<WO, A, O, A> {

    /** @param env the env to wrap */
    protected ObservationWrapper(Env<O, A> env) {
        super(env);
    }

    /**
     * @param observation an observation of the wrapped env
     * @return the transformed observation, an element of {@link #observationSpace()}
     */
    protected abstract WO observation(O observation);

    /** @return the space of transformed observations; subclasses that change it must override */
    @Override
    public abstract Space<WO> observationSpace();

    @Override
    public ResetResult<WO> reset(Long seed, Map<String, ?> options) {
        ResetResult<O> r = resetInner(seed, options);
        return new ResetResult<>(observation(r.observation()), r.info());
    }

    @Override
    public StepResult<WO> step(A action) {
        StepResult<O> r = env.step(action);
        return r.withObservation(observation(r.observation()));
    }
}
