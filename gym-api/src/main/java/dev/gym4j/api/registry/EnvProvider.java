package dev.gym4j.api.registry;

import dev.gym4j.api.EnvSpec;
import java.util.Collection;

/**
 * The service through which a module registers its envs, discovered with {@link java.util.ServiceLoader}.
 *
 * <p>An env module declares {@code provides dev.gym4j.api.registry.EnvProvider with ...} in its
 * {@code module-info.java} and lists the class in {@code META-INF/services/dev.gym4j.api.registry.EnvProvider}
 * so that it is found on both the module path and the class path. Implementations need a public
 * no-argument constructor and must be thread-safe.
 */
public interface EnvProvider {
    /** @return the specs this module registers; ids must be unique across all providers */
    Collection<EnvSpec> specs();
}
