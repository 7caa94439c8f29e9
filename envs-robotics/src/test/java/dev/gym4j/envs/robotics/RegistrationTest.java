package dev.gym4j.envs.robotics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ids are registered through ServiceLoader with their limits, spaces and v5-style info. */
class RegistrationTest {

    @ParameterizedTest
    @CsvSource({
        "Reacher,     50,   -3.75,  2, 10",
        "Hopper,      1000, 3000,   3, 11",
        "Walker2d,    1000, 4000,   6, 17",
        "HalfCheetah, 1000, 4800,   6, 17",
        "Humanoid,    1000, 6000,   11, 29",
    })
    void specAndSpaces(String name, int maxSteps, double threshold, int actions, int observations) {
        EnvSpec spec = Gym.spec(Trajectories.id(name));
        assertEquals(maxSteps, spec.maxEpisodeSteps());
        assertEquals(threshold, spec.rewardThreshold());
        Env<double[], float[]> env = Gym.make(Trajectories.id(name));
        assertArrayEquals(new int[] {actions}, env.actionSpace().shape());
        assertArrayEquals(new int[] {observations}, env.observationSpace().shape());
        ResetResult<double[]> reset = env.reset(0L);
        assertTrue(env.observationSpace().contains(reset.observation()));
        env.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hopper", "Walker2d", "HalfCheetah", "Humanoid"})
    void includingTheTorsoXAddsOneObservation(String name) {
        Env<double[], float[]> env = Gym.make(Trajectories.id(name), Map.of("exclude_current_positions_from_observation", false));
        double[] obs = env.reset(0L).observation();
        assertEquals(Gym.make(Trajectories.id(name)).observationSpace().shape()[0] + 1, obs.length);
        assertEquals(obs[0], (double) env.reset(0L).info().get("x_position"), 0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hopper", "Walker2d", "HalfCheetah", "Humanoid"})
    void walkerInfoHasTheV5Keys(String name) {
        Env<double[], float[]> env = Gym.make(Trajectories.id(name));
        assertTrue(env.reset(0L).info().keySet().containsAll(List.of("x_position", "z_distance_from_origin")));
        StepResult<double[]> s = env.step(new float[env.actionSpace().shape()[0]]);
        assertTrue(s.info().keySet().containsAll(List.of("x_position", "x_velocity", "reward_forward", "reward_ctrl")));
        double survive = (double) s.info().getOrDefault("reward_survive", 0.0);
        assertEquals((double) s.info().get("reward_forward") + (double) s.info().get("reward_ctrl") + survive, s.reward(), 1e-12);
    }

    @Test
    void reacherIsTruncatedAfterFiftySteps() {
        Env<double[], float[]> env = Gym.make("planar/Reacher-v0");
        env.reset(1L);
        for (int t = 1; t <= 50; t++) {
            StepResult<double[]> s = env.step(new float[2]);
            assertEquals(t == 50, s.truncated());
            assertTrue(!s.terminated());
        }
    }

    @Test
    void unknownOrBadKwargsAreRefused() {
        assertThrows(InvalidArgumentException.class, () -> Gym.make("planar/Hopper-v0", Map.of("no_such_kwarg", 1)));
        assertThrows(InvalidArgumentException.class, () -> Gym.make("planar/Hopper-v0", Map.of("frame_skip", 0)));
        assertThrows(InvalidArgumentException.class, () -> Gym.make("planar/Walker2d-v0", Map.of("healthy_z_range", List.of(2.0, 1.0))));
        assertThrows(InvalidArgumentException.class, () -> Gym.make("planar/Reacher-v0", Map.of("render_mode", "human")));
    }

    @Test
    void kwargsChangeTheEnv() {
        Env<double[], float[]> env = Gym.make("planar/Hopper-v0", Map.of("frame_skip", 8, "healthy_z_range", List.of(0.5, 5.0)));
        assertEquals(0.016, ((HopperEnv) env.unwrapped()).dt(), 1e-9);
        assertEquals(Map.of("render_modes", List.of("rgb_array"), "render_fps", 62), env.unwrapped().metadata());
    }
}
