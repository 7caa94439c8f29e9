package dev.gym4j.envs.tracker;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.testkit.EnvContractTest;
import java.util.Map;
import java.util.function.Supplier;

/** The testkit's env contract for the continuous variant with a wandering Burger, distractors, noise and lighting. */
class ObjectTrackerContinuousContractTest extends EnvContractTest {
    @Override
    protected Supplier<Env<?, ?>> envFactory() {
        return () -> Gym.make("tracker/ObjectTracker-v0", Map.of("continuous", true, "target_motion", "wander",
                "distractors", 3, "camera_noise", 4.0, "randomize_lighting", true, "observation", "gray"));
    }
}
