package dev.gym4j.envs.robotics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gym4j.api.AbstractEnv;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins a hash of 1000 steps per env, so that any change in the physics (jbox2d version or settings, the
 * model, the actuators, the solver iterations) shows up. The start state and the actions are fixed
 * formulas, independent of the random generator, so only the physics is pinned. If a change is meant,
 * bump the env's version and update the hash.
 */
class GoldenTrajectoryTest {

    @ParameterizedTest
    @CsvSource({
        "Reacher,     635d21855b348a0b9c9c2baca2b3e745",
        "Hopper,      9eadca934eb2748f754bcc310278cdba",
        "Walker2d,    1f1913f36158ecd83a5fb99832d8e190",
        "HalfCheetah, eadf6fdadde89ccc4b0997ed2cc0e3be",
        "Humanoid,    ea9337e26bdc09e2dc63e80223737a77",
    })
    void thousandStepsHashAsPinned(String name, String expected) {
        assertEquals(expected, goldenHash(name));
    }

    static String goldenHash(String name) {
        AbstractEnv<double[], float[]> env = Trajectories.create(name, Map.of());
        env.reset(0L);
        Trajectories.Hash h = new Trajectories.Hash();
        if (env instanceof ReacherEnv r) {
            h.add(r.startFrom(new double[] {0.3, -0.4}, new double[] {0.1, 0.0}, 0.1, -0.05).observation());
        } else {
            LocomotionEnv l = (LocomotionEnv) env;
            double[] q = l.model().referenceQpos();
            for (int i = 0; i < q.length; i++) {
                q[i] += 0.01 * Math.sin(i + 1.0);
            }
            h.add(l.startFrom(q, new double[q.length]).observation());
        }
        float[] action = new float[env.actionSpace().shape()[0]];
        for (int t = 0; t < 1000; t++) {
            for (int i = 0; i < action.length; i++) {
                // a smooth gait-like pattern that also saturates and leaves the bounds now and then
                action[i] = (float) (1.3 * Math.sin(0.07 * t * (i + 1) + i));
            }
            h.add(env.step(action));
        }
        return h.hex();
    }
}
