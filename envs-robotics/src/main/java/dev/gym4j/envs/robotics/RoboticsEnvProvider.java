package dev.gym4j.envs.robotics;

import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.registry.EnvProvider;
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
                EnvSpec.of("planar/Reacher-v0", ReacherEnv.class.getName(), ReacherEnv::new, 50, -3.75),
                EnvSpec.of("planar/Reacher-v1", ReacherEnv.class.getName(), kwargs -> new ReacherEnv(kwargs, 1), 50,
                        -3.75),
                EnvSpec.of("planar/Hopper-v0", HopperEnv.class.getName(), HopperEnv::new, 1000, 3000.0),
                EnvSpec.of("planar/Walker2d-v0", Walker2dEnv.class.getName(), Walker2dEnv::new, 1000, 4000.0),
                EnvSpec.of("planar/HalfCheetah-v0", HalfCheetahEnv.class.getName(), HalfCheetahEnv::new, 1000, 4800.0),
                EnvSpec.of("planar/Humanoid-v0", HumanoidEnv.class.getName(), HumanoidEnv::new, 1000, 6000.0));
    }
}
