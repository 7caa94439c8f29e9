package dev.gym4j.envs.robotics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.check.CheckReport;
import dev.gym4j.api.check.EnvChecker;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The env checker passes with rendering on too (the contract tests make the envs without a render mode). */
class RenderCheckTest {

    static java.util.List<String> names() {
        return Trajectories.NAMES;
    }

    @ParameterizedTest
    @MethodSource("names")
    void envCheckerPassesInRgbArrayMode(String name) {
        try (Env<?, ?> env = Gym.make(Trajectories.id(name), Map.of("render_mode", "rgb_array"))) {
            CheckReport report = EnvChecker.check(env);
            assertTrue(report.passed(), () -> report.toString());
            assertTrue(report.toString().contains("render"), () -> report.toString());
        }
    }
}
