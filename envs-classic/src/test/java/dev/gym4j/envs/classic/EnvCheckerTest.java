package dev.gym4j.envs.classic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.check.CheckReport;
import dev.gym4j.api.check.EnvChecker;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code gym4j check ID} runs: the env checker passes for every classic-control id, rendering included. */
class EnvCheckerTest {

    @ParameterizedTest
    @ValueSource(strings = {"CartPole-v0", "CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1",
        "Pendulum-v1"})
    void envCheckerPasses(String id) {
        CheckReport plain = EnvChecker.check(() -> Gym.make(id));
        assertTrue(plain.passed(), id + ": " + plain);
        CheckReport rendering = EnvChecker.check(() -> Gym.make(id, Map.of("render_mode", "rgb_array")));
        assertTrue(rendering.passed(), id + " with rgb_array: " + rendering);
    }
}
