package dev.gym4j.api.wrappers;

import dev.gym4j.api.Env;
import dev.gym4j.api.InvalidActionException;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Space;

/**
 * A wrapper that clips every action to the bounds of the env's {@code Box} action space, as Gymnasium's
 * {@code ClipAction}.
 *
 * <p>As in Gymnasium 1.x the wrapper's own action space is a Box of the same shape and dtype with
 * bounds {@code -inf} and {@code +inf}: any finite action is accepted and clipped element by element,
 * so the env always receives an action within its bounds. The caller's array is not modified. NaN is
 * not clipped; the env rejects it.
 *
 * <p>Thread safety: not thread-safe, like the env it wraps.
 *
 * @param <O> the observation type
 * @param <T> the action type, the Box's primitive array type ({@code float[]}, {@code double[]}, ...)
 */
public final class ClipAction<O, T> extends ActionWrapper<O, T, T> {

    private final Box<T> bounds;
    private final Box<T> actionSpace;

    /**
     * @param env an env with a Box action space; not null
     * @throws InvalidArgumentException if the action space is not a Box
     */
    public ClipAction(Env<O, T> env) {
        super(env);
        this.bounds = BoxSupport.requireBox(env.actionSpace(), "ClipAction", "action");
        this.actionSpace = BoxSupport.unbounded(bounds);
    }

    /**
     * @throws InvalidActionException if the action is not an array of the Box's type and size
     */
    @Override
    protected T action(T action) {
        if (action == null || !bounds.dtype().arrayType().isInstance(action)
                || java.lang.reflect.Array.getLength(action) != bounds.size()) {
            throw new InvalidActionException("ClipAction expects an action of " + actionSpace + ", got "
                    + BoxSupport.describe(action));
        }
        return bounds.clip(action);
    }

    /** @return a Box of the env's action shape and dtype with infinite bounds */
    @Override
    public Space<T> actionSpace() {
        return actionSpace;
    }
}
