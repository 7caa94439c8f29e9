package dev.gym4j.api.registry;

import dev.gym4j.api.spaces.Space;
import java.util.Set;

/**
 * The service through which an env module offers scripted experts ({@link ExpertPolicy}) for its envs, discovered
 * with {@link java.util.ServiceLoader} as {@link EnvProvider} is: declare {@code provides
 * dev.gym4j.api.registry.ExpertProvider with ...} in {@code module-info.java} and list the class in
 * {@code META-INF/services/dev.gym4j.api.registry.ExpertProvider}. Tools such as {@code gym4j rollout --policy
 * expert} then find the expert by env id without depending on the env module.
 *
 * <p>Implementations need a public no-argument constructor and must be thread-safe.
 */
public interface ExpertProvider {

    /** @return the exact, versioned ids (such as {@code ns/Name-v0}) of the envs this provider has an expert for */
    Set<String> envIds();

    /**
     * @param envId one of {@link #envIds()}
     * @param observationSpace the observation space of the env the expert will act in (it depends on the kwargs)
     * @param actionSpace its action space
     * @return a new expert for that env
     * @throws dev.gym4j.api.InvalidArgumentException if the expert cannot act with these spaces (the message says
     *     which spaces it supports)
     */
    ExpertPolicy create(String envId, Space<?> observationSpace, Space<?> actionSpace);
}
