package dev.gym4j.api;

import java.util.Map;
import java.util.Objects;

/**
 * What {@link Env#reset} returns: the first observation of an episode and an info map.
 *
 * <p>Immutable as far as the record goes; array observations are not copied, so a caller that keeps
 * an observation across steps of an env that reuses buffers must copy it. Thread-safe to share once built.
 *
 * @param observation the first observation; never null
 * @param info auxiliary diagnostic information; never null (an empty map when there is none)
 * @param <O> the observation type
 */
public record ResetResult<O>(O observation, Map<String, Object> info) {
    /** Validates that neither component is null. */
    public ResetResult {
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(info, "info");
    }

    /**
     * @param observation the first observation
     * @param <O> the observation type
     * @return a result with an empty info map
     */
    public static <O> ResetResult<O> of(O observation) {
        return new ResetResult<>(observation, Map.of());
    }
}
