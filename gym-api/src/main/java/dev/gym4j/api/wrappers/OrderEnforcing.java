package dev.gym4j.api.wrappers;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.Frame;
import dev.gym4j.api.ResetNeededException;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepOutcome;
import dev.gym4j.api.StepResult;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses {@code step} (and, unless disabled, {@code render}) before the first {@code reset}, as
 * Gymnasium's {@code OrderEnforcing}. {@code Gym.make} adds it when the spec's {@code order_enforce} is set.
 *
 * <p>Both step paths ({@code step} and the allocation-free {@code stepInto}) check through the same hook.
 *
 * <p>Thread safety: not thread-safe.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public final class OrderEnforcing<O, A> extends Wrapper<O, A, O, A> {

    private final boolean disableRenderOrderEnforcing;
    private boolean hasReset;

    /** @param env the env to wrap; render is order-enforced too */
    public OrderEnforcing(Env<O, A> env) {
        this(env, false);
    }

    /**
     * @param env the env to wrap
     * @param disableRenderOrderEnforcing whether {@code render} may be called before {@code reset}
     */
    public OrderEnforcing(Env<O, A> env, boolean disableRenderOrderEnforcing) {
        super(env);
        this.disableRenderOrderEnforcing = disableRenderOrderEnforcing;
    }

    /** @return whether {@code reset} has been called */
    public boolean hasReset() {
        return hasReset;
    }

    @Override
    public ResetResult<O> reset(Long seed, Map<String, ?> options) {
        ResetResult<O> r = resetInner(seed, options);
        hasReset = true;
        return r;
    }

    @Override
    public Map<String, Object> resetInto(Long seed, Map<String, ?> options, Object observations, int offset) {
        Map<String, Object> info = env.resetInto(seed, options, observations, offset);
        hasReset = true;
        return info;
    }

    @Override
    public StepResult<O> step(A action) {
        requireReset();
        return env.step(action);
    }

    @Override
    public void stepInto(A action, Object observations, int offset, StepOutcome outcome) {
        requireReset();
        env.stepInto(action, observations, offset, outcome);
    }

    @Override
    public Optional<Frame> render() {
        if (!disableRenderOrderEnforcing && !hasReset) {
            throw new ResetNeededException("Cannot call render() before reset() on " + env
                    + ": call reset() first, or make the wrapper with disableRenderOrderEnforcing");
        }
        return env.render();
    }

    private void requireReset() {
        if (!hasReset) {
            throw new ResetNeededException("Cannot call step() before reset() on " + env + ": call reset() first");
        }
    }
}
