package dev.gym4j.envs.robotics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gym4j.api.random.Generator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reset draws its noise from the env's NumPy-compatible generator in v5's order. */
class ResetNoiseTest {

    @Test
    void hopperAddsUniformNoiseToPositionsThenVelocities() {
        HopperEnv env = new HopperEnv(Map.of());
        env.reset(2024L);
        Generator g = Generator.fromSeed(2024L);
        double[] ref = HopperEnv.MODEL.referenceQpos();
        double[] q = env.qpos();
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i] + g.uniform(-5e-3, 5e-3), q[i], 1e-6, "qpos[" + i + "]");
        }
        double[] v = env.qvel();
        for (int i = 0; i < v.length; i++) {
            assertEquals(g.uniform(-5e-3, 5e-3), v[i], 1e-6, "qvel[" + i + "]");
        }
    }

    @Test
    void halfCheetahDrawsNormalVelocityNoise() {
        HalfCheetahEnv env = new HalfCheetahEnv(Map.of());
        env.reset(7L);
        Generator g = Generator.fromSeed(7L);
        for (int i = 0; i < HalfCheetahEnv.MODEL.nq(); i++) {
            g.uniform(-0.1, 0.1);
        }
        double[] v = env.qvel();
        for (int i = 0; i < v.length; i++) {
            assertEquals(0.1 * g.standardNormal(), v[i], 1e-5, "qvel[" + i + "]");
        }
    }

    @Test
    void reacherDrawsJointsThenTargetUntilInsideThenVelocities() {
        ReacherEnv env = new ReacherEnv(Map.of());
        double[] obs = env.reset(11L).observation();
        Generator g = Generator.fromSeed(11L);
        double q0 = g.uniform(-0.1, 0.1);
        double q1 = g.uniform(-0.1, 0.1);
        g.uniform(-0.1, 0.1);
        g.uniform(-0.1, 0.1);
        double tx;
        double ty;
        do {
            tx = g.uniform(-0.2, 0.2);
            ty = g.uniform(-0.2, 0.2);
        } while (!(Math.hypot(tx, ty) < 0.2));
        double w0 = g.uniform(-0.005, 0.005);
        double w1 = g.uniform(-0.005, 0.005);
        assertEquals(Math.cos(q0), obs[0], 1e-6);
        assertEquals(Math.sin(q1), obs[3], 1e-6);
        assertEquals(tx, obs[4], 0.0);
        assertEquals(ty, obs[5], 0.0);
        assertEquals(w0, obs[6], 1e-6);
        assertEquals(w1, obs[7], 1e-6);
    }
}
