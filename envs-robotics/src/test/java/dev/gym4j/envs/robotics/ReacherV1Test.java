package dev.gym4j.envs.robotics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.StepResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code planar/Reacher-v1}: MuJoCo's pace per unit of action, and v5's distance after the step. */
class ReacherV1Test {

    @Test
    void registeredWithTheLimitsOfV0() {
        assertEquals(50, Gym.spec("planar/Reacher-v1").maxEpisodeSteps());
        assertEquals(-3.75, Gym.spec("planar/Reacher-v1").rewardThreshold());
        assertThrows(IllegalArgumentException.class, () -> new ReacherEnv(Map.of(), 2));
    }

    /** A constant 0.1 from rest turns joint 0 by about as much as MuJoCo's arm (0.37 rad in 0.2 s), v0 by a third. */
    @Test
    void theArmMovesAtMujocosPace() {
        double v1 = turnAfterTenSteps(new ReacherEnv(Map.of(), 1));
        double v0 = turnAfterTenSteps(new ReacherEnv(Map.of(), 0));
        assertTrue(v1 > 0.3 && v1 < 0.45, "v1 turned " + v1);
        assertTrue(v0 < 0.15, "v0 turned " + v0);
    }

    private static double turnAfterTenSteps(ReacherEnv env) {
        env.reset(1L);
        double before = env.qpos()[0];
        for (int t = 0; t < 10; t++) {
            env.step(new float[] {0.1f, 0f});
        }
        return env.qpos()[0] - before;
    }

    /** The distance term is that of the state after the step (v5), as the observation's fingertip-target vector. */
    @Test
    void distanceIsTakenAfterTheStep() {
        Env<double[], float[]> env = Gym.make("planar/Reacher-v1");
        env.reset(3L);
        StepResult<double[]> s = env.step(new float[] {1f, -1f});
        double[] o = s.observation();
        assertEquals(-Math.hypot(o[8], o[9]), (double) s.info().get("reward_dist"), 1e-12);
        assertEquals((double) s.info().get("reward_dist") + (double) s.info().get("reward_ctrl"), s.reward(), 1e-12);
        Env<double[], float[]> v0 = Gym.make("planar/Reacher-v0");
        v0.reset(3L);
        StepResult<double[]> s0 = v0.step(new float[] {1f, -1f});
        assertNotEquals(-Math.hypot(s0.observation()[8], s0.observation()[9]), (double) s0.info().get("reward_dist"));
    }
}
