package dev.gym4j.api.wrappers;

import dev.gym4j.api.Env;
import dev.gym4j.api.spaces.Space;
import java.util.Objects;
import java.util.function.Function;

/**
 * A wrapper that applies a function to every action before the wrapped env sees it, as Gymnasium's
 * {@code TransformAction}.
 *
 * <p>The wrapper accepts actions of {@code actionSpace} and passes {@code function(action)} on; it does
 * not check either (the wrapped env checks what it receives).
 *
 * <p>Thread safety: not thread-safe, like the env it wraps.
 *
 * @param <O> the observation type
 * @param <WA> the action type this wrapper accepts
 * @param <A> the wrapped env's action type
 */
public final class TransformAction<O, WA, A> extends ActionWrapper<O, WA, A> {

    private final Function<? super WA, ? extends A> function;
    private final Space<WA> actionSpace;

    /**
     * @param env the env to wrap; not null
     * @param function the transformation from this wrapper's actions to the env's; not null
     * @param actionSpace the space of actions this wrapper accepts; null to keep the wrapped env's space,
     *     which is only correct when {@code WA} is {@code A}
     */
    @SuppressWarnings("unchecked")
    public TransformAction(Env<O, A> env, Function<? super WA, ? extends A> function, Space<WA> actionSpace) {
        super(env);
        this.function = Objects.requireNonNull(function, "function");
        this.actionSpace = actionSpace != null ? actionSpace : (Space<WA>) env.actionSpace();
    }

    @Override
    protected A action(WA action) {
        return function.apply(action);
    }

    @Override
    public Space<WA> actionSpace() {
        return actionSpace;
    }
}
