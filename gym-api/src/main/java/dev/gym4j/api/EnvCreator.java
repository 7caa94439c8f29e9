package dev.gym4j.api;

import dev.gym4j.api.Env;
import java.util.Map;

/**
 * Builds an env from keyword arguments: the Java form of a Gymnasium entry point.
 *
 * <p>Implementations must be thread-safe (the registry may call them from any thread); each call
 * returns a new, independent env.
 */
@FunctionalInterface
public interface EnvCreator {
    /**
     * @param kwargs the spec's kwargs overlaid with the caller's; includes {@code render_mode} when asked for
     * @return a new env
     * @throws dev.gym4j.api.InvalidArgumentException if a kwarg is unknown or has a bad value
     */
    Env<?, ?> create(Map<String, Object> kwargs);
}
