package dev.gym4j.envs.robotics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.AbstractEnv;
import dev.gym4j.api.StepResult;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The physics behaves as a body should: things fall, stand, stay put without gravity, and move when pushed. */
class DynamicsTest {

    @ParameterizedTest
    @ValueSource(strings = {"Hopper", "Walker2d", "Humanoid"})
    void withZeroActionsTheWalkersFallAndTerminate(String name) {
        for (long seed = 0; seed < 3; seed++) {
            AbstractEnv<double[], float[]> env = Trajectories.create(name, Map.of());
            env.reset(seed);
            double z0 = Trajectories.qpos(env)[1];
            float[] zero = new float[env.actionSpace().shape()[0]];
            int steps = 0;
            StepResult<double[]> s;
            do {
                s = env.step(zero);
                steps++;
            } while (!s.terminated() && steps < 1000);
            assertTrue(s.terminated(), name + " stood for 1000 steps with no torque");
            assertTrue((double) s.info().get("reward_survive") == 0.0, "no healthy reward on the dying step (v5)");
            double z = Trajectories.qpos(env)[1];
            assertTrue(z < z0, name + " ended higher than it started: " + z + " >= " + z0);
        }
    }

    @Test
    void humanoidFeetReportGroundContact() {
        AbstractEnv<double[], float[]> env = Trajectories.create("Humanoid", Map.of());
        double[] obs = env.reset(2L).observation();
        assertEquals(0.0, obs[27], "right foot starts clear of the floor");
        for (int t = 0; t < 10; t++) {
            obs = env.step(new float[11]).observation();
        }
        assertEquals(1.0, obs[27], "right foot on the floor");
        assertEquals(1.0, obs[28], "left foot on the floor");
    }

    @Test
    void withZeroActionsTheHalfCheetahStaysOnTheGround() {
        AbstractEnv<double[], float[]> env = Trajectories.create("HalfCheetah", Map.of());
        env.reset(4L);
        float[] zero = new float[6];
        for (int t = 0; t < 1000; t++) {
            StepResult<double[]> s = env.step(zero);
            assertTrue(!s.terminated());
            double z = s.observation()[0];
            double angle = s.observation()[1];
            assertTrue(z > 0.2 && z < 0.9, "torso height " + z + " at step " + t);
            assertTrue(Math.abs(angle) < 0.6, "torso angle " + angle + " at step " + t);
        }
        double[] q = Trajectories.qpos(env);
        assertTrue(Math.abs(q[0]) < 0.5, "slid to x = " + q[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hopper", "Walker2d", "HalfCheetah", "Humanoid"})
    void withoutGravityNothingFalls(String name) {
        AbstractEnv<double[], float[]> env = Trajectories.create(name, Map.of("gravity", 0.0, "reset_noise_scale", 0.0));
        env.reset(1L);
        double[] start = Trajectories.qpos(env);
        float[] zero = new float[env.actionSpace().shape()[0]];
        for (int t = 0; t < 300; t++) {
            assertTrue(!env.step(zero).terminated(), name + " terminated without gravity");
        }
        double[] end = Trajectories.qpos(env);
        for (int i = 0; i < start.length; i++) {
            assertEquals(start[i], end[i], 1e-4, name + " qpos[" + i + "] moved");
        }
    }

    @Test
    void reachersDistanceTermIsTheFingertipGeometry() {
        AbstractEnv<double[], float[]> env = Trajectories.create("Reacher", Map.of());
        double[] obs = env.reset(8L).observation();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(8);
        float[] action = new float[2];
        for (int t = 0; t < 50; t++) {
            double q0 = Math.atan2(obs[2], obs[0]);
            double q1 = Math.atan2(obs[3], obs[1]);
            double fx = 0.1 * Math.cos(q0) + 0.11 * Math.cos(q0 + q1);
            double fy = 0.1 * Math.sin(q0) + 0.11 * Math.sin(q0 + q1);
            double geometric = Math.hypot(fx - obs[4], fy - obs[5]);
            assertEquals(fx - obs[4], obs[8], 1e-4, "fingertip x - target x");
            assertEquals(fy - obs[5], obs[9], 1e-4, "fingertip y - target y");
            Trajectories.uniform(rng, action, 1.0);
            StepResult<double[]> s = env.step(action);
            double distance = (double) s.info().get("distance");
            assertEquals(Math.hypot(obs[8], obs[9]), distance, 0.0, "distance is taken before the step, as v5");
            assertEquals(geometric, distance, 1e-4);
            assertEquals(-distance, (double) s.info().get("reward_dist"), 0.0);
            double squares = action[0] * (double) action[0] + action[1] * (double) action[1];
            assertEquals(-squares, (double) s.info().get("reward_ctrl"), 1e-12);
            assertEquals(-distance - squares, s.reward(), 1e-12);
            obs = s.observation();
        }
    }

    @Test
    void aScriptedGaitMovesTheHalfCheetahForward() {
        for (long seed = 0; seed < 3; seed++) {
            AbstractEnv<double[], float[]> env = Trajectories.create("HalfCheetah", Map.of());
            env.reset(seed);
            float[] action = new float[6];
            double sum = 0;
            for (int t = 0; t < 200; t++) {
                for (int i = 0; i < 3; i++) {
                    // back and front legs in anti-phase, each leg's joints slightly delayed down the leg
                    action[i] = (float) -Math.sin(0.8 * t + 0.5 * i);
                    action[3 + i] = (float) -Math.sin(0.8 * t + Math.PI + 0.5 * i);
                }
                sum += (double) env.step(action).info().get("x_velocity");
            }
            double mean = sum / 200;
            assertTrue(mean > 0, "mean x_velocity " + mean + " with seed " + seed);
            assertTrue(Trajectories.qpos(env)[0] > 0, "x " + Trajectories.qpos(env)[0]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Reacher", "Hopper", "Walker2d", "HalfCheetah", "Humanoid"})
    void actionsOutsideTheRangeAreClampedLikeMuJoCo(String name) {
        AbstractEnv<double[], float[]> a = Trajectories.create(name, Map.of());
        AbstractEnv<double[], float[]> b = Trajectories.create(name, Map.of());
        a.reset(3L);
        b.reset(3L);
        int n = a.actionSpace().shape()[0];
        double high = ((dev.gym4j.api.spaces.Box<?>) a.actionSpace()).high()[0];
        float[] big = new float[n];
        float[] clamped = new float[n];
        for (int i = 0; i < n; i++) {
            big[i] = (float) (i % 2 == 0 ? 7 * high : -1e6);
            clamped[i] = (float) (i % 2 == 0 ? high : -high);
        }
        for (int t = 0; t < 20; t++) {
            double[] oa = a.step(big).observation();
            double[] ob = b.step(clamped).observation();
            for (int i = 0; i < oa.length; i++) {
                assertEquals(ob[i], oa[i], 0.0, name + " obs[" + i + "] at step " + t);
            }
        }
    }
}
