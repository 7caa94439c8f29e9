package dev.gym4j.envs.robotics;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.testkit.EnvContractTest;
import java.util.function.Supplier;

/** The testkit's env contract, checker included, for {@code planar/Humanoid-v0} made through {@code Gym.make}. */
class HumanoidContractTest extends EnvContractTest {
    @Override
    protected Supplier<Env<?, ?>> envFactory() {
        return () -> Gym.make("planar/Humanoid-v0");
    }
}
