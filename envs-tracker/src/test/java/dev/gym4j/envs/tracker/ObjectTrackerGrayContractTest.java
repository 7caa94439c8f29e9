package dev.gym4j.envs.tracker;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.testkit.EnvContractTest;
import java.util.Map;
import java.util.function.Supplier;

/** The testkit's env contract, checker included, for {@code tracker/ObjectTracker-v0} with {@code observation="gray"}. */
class ObjectTrackerGrayContractTest extends EnvContractTest {
    @Override
    protected Supplier<Env<?, ?>> envFactory() {
        return () -> Gym.make("tracker/ObjectTracker-v0", Map.of("observation", "gray"));
    }
}
