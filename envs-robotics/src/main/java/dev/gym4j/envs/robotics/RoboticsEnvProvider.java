package dev.gym4j.envs.robotics;

import dev.gym4j.api.registry.EnvProvider;
import dev.gym4j.api.registry.EnvSpec;
import java.util.Collection;
import java.util.List;

/**
 * Registers the planar robotics envs under the namespace {@code planar/}. Found by
 * {@link java.util.ServiceLoader}; stateless and thread-safe.
 */
public final class RoboticsEnvProvider implements EnvProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public RoboticsEnvProvider() {
    }

    @Override
    public Collection<EnvSpec> specs() {
        return List.of(
                EnvSpec.of("planar/Hopper-v0", HopperEnv.class.getName(), HopperEnv::new, 1000, 3000.0));
    }
}
