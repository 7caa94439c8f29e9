package dev.gym4j.envs.classic;

import dev.gym4j.Gym;
import dev.gym4j.testkit.AllRegisteredEnvsContractTest;
import java.util.Set;

/** The testkit's env contract for the six classic-control ids, each made by {@code Gym.make}. */
class ClassicEnvsContractTest extends AllRegisteredEnvsContractTest {

    private static final Set<String> IDS = Set.of("CartPole-v0", "CartPole-v1", "MountainCar-v0",
            "MountainCarContinuous-v0", "Acrobot-v1", "Pendulum-v1");

    @Override
    protected boolean include(String id) {
        return IDS.contains(id);
    }
}
