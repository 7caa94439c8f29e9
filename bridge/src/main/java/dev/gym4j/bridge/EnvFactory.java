package dev.gym4j.bridge;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.EnvSpec;
import java.util.Map;

/**
 * Makes the env an {@link EnvServer} gives a client, from the id and kwargs of its handshake.
 *
 * <p>Implementations are called from the server's thread only.
 */
@FunctionalInterface
public interface EnvFactory {

    /**
     * @param envId the id the client asked for (the server's default when it named none)
     * @param kwargs the kwargs the client sent over the server's defaults
     * @return a new env, owned by the server from then on
     * @throws dev.gym4j.api.GymException if no env can be made (an unknown id, bad kwargs)
     */
    Env<?, ?> make(String envId, Map<String, Object> kwargs);

    /**
     * The ids this factory can make, with their specs, for clients that ask ({@code ListEnvs}, used by
     * Python's {@code gym4j_bridge.register}). The default knows none: a factory of its own making
     * cannot tell.
     *
     * @return the specs by id; empty when unknown
     */
    default Map<String, EnvSpec> specs() {
        return Map.of();
    }

    /** @return the factory that uses {@link Gym#make(String, Map)} and lists {@link Gym#registry()} */
    static EnvFactory registry() {
        return new EnvFactory() {
            @Override
            public Env<?, ?> make(String envId, Map<String, Object> kwargs) {
                return Gym.make(envId, kwargs);
            }

            @Override
            public Map<String, EnvSpec> specs() {
                return Gym.registry();
            }
        };
    }
}
