package dev.gym4j.api.wrappers;

import dev.gym4j.api.Env;
import dev.gym4j.api.spaces.Space;
import java.util.Objects;
import java.util.function.Function;

/**
 * A wrapper that applies a function to every observation, on reset and on step, as Gymnasium's
 * {@code TransformObservation}.
 *
 * <p>The function must map every observation of the wrapped env into {@code observationSpace}; the
 * wrapper does not check it (wrap the result in a {@link PassiveEnvChecker} or run the env checker for
 * that). The function may be called with arrays the env reuses, so it must not keep them.
 *
 * <p>Thread safety: not thread-safe, like the env it wraps.
 *
 * @param <WO> the transformed observation type
 * @param <O> the wrapped env's observation type
 * @param <A> the action type
 */
public final class TransformObservation<WO, O, A> extends ObservationWrapper<WO, O, A> {

    private final Function<? super O, ? extends WO> function;
    private final Space<WO> observationSpace;

    /**
     * @param env the env to wrap; not null
     * @param function the transformation; not null
     * @param observationSpace the space of transformed observations; null to keep the wrapped env's
     *     space, which is only correct when {@code function} keeps observations in that space (so
     *     {@code WO} must then be {@code O})
     */
    @SuppressWarnings("unchecked")
    public TransformObservation(Env<O, A> env, Function<? super O, ? extends WO> function, Space<WO> observationSpace) {
        super(env);
        this.function = Objects.requireNonNull(function, "function");
        this.observationSpace = observationSpace != null ? observationSpace : (Space<WO>) env.observationSpace();
    }

    @Override
    protected WO observation(O observation) {
        return function.apply(observation);
    }

    @Override
    public Space<WO> observationSpace() {
        return observationSpace;
    }
}
