package dev.gym4j.api.wrappers;

import dev.gym4j.api.Env;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.spaces.Spaces;

/**
 * A wrapper that flattens every observation into a one-dimensional primitive array, as Gymnasium's
 * {@code FlattenObservation}.
 *
 * <p>The observation space is {@link Spaces#flattenSpace} of the env's, a one-dimensional {@code Box},
 * and each observation is {@link Spaces#flatten}{@code (space, obs)}: a fresh primitive array of that
 * Box's dtype ({@code float[]} for a float32 Box, {@code long[]} one-hot for a {@code Discrete}, ...).
 * {@link Spaces#unflatten} turns it back. Because the flat array type depends on the space, observations
 * are typed {@code Object}; cast them to the array type of {@code observationSpace().dtype()}.
 *
 * <p>Thread safety: not thread-safe, like the env it wraps.
 *
 * @param <O> the wrapped env's observation type
 * @param <A> the action type
 */
public final class FlattenObservation<O, A> extends ObservationWrapper<Object, O, A> {

    private final Space<Object> observationSpace;

    /** @param env the env to wrap; not null */
    @SuppressWarnings("unchecked")
    public FlattenObservation(Env<O, A> env) {
        super(env);
        this.observationSpace = (Space<Object>) (Space<?>) Spaces.flattenSpace(env.observationSpace());
    }

    @Override
    protected Object observation(O observation) {
        return Spaces.flatten(env.observationSpace(), observation);
    }

    /** @return the flattened Box of the env's observation space */
    @Override
    public Space<Object> observationSpace() {
        return observationSpace;
    }
}
