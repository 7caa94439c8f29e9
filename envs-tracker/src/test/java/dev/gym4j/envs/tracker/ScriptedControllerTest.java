package dev.gym4j.envs.tracker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.Env;
import dev.gym4j.api.Gym;
import dev.gym4j.api.StepResult;
import dev.gym4j.envs.tracker.internal.DiffDrive;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The task is solvable: a bearing-following controller on the {@code state} observation, with the five discrete
 * actions only, reaches the Burger (terminates with {@code d < 0.2}) in at least 95 of 100 seeded episodes.
 */
class ScriptedControllerTest {

    /** Picks the discrete action whose turn rate best cancels the bearing error. */
    static int expert(float[] s) {
        double bearing = StrictMath.atan2(s[4] - s[1], s[3] - s[0]);
        double error = DiffDrive.wrap(bearing - s[2]);
        if (error > 0.25) {
            return 0;
        } else if (error > 0.06) {
            return 3;
        } else if (error < -0.25) {
            return 1;
        } else if (error < -0.06) {
            return 4;
        }
        return 2;
    }

    @Test
    void aScriptedControllerReachesTheBurgerIn95Of100Episodes() {
        int reached = 0;
        double total = 0;
        long steps = 0;
        for (long seed = 0; seed < 100; seed++) {
            Env<Object, Object> env = Gym.make("tracker/ObjectTracker-v0", Map.of("observation", "state"));
            float[] obs = (float[]) env.reset(seed).observation();
            double ret = 0;
            while (true) {
                StepResult<Object> r = env.step(expert(obs));
                ret += r.reward();
                steps++;
                obs = (float[]) r.observation();
                if (r.terminated()) {
                    if ((Double) r.info().get("distance") < 0.2) {
                        reached++;
                    }
                    break;
                }
                if (r.truncated()) {
                    break;
                }
            }
            total += ret;
            env.close();
        }
        System.out.printf("scripted controller: reached the Burger in %d/100 episodes, mean return %.1f, mean length %.1f steps%n",
                reached, total / 100, steps / 100.0);
        assertTrue(reached >= 95, "reached " + reached + "/100");
        assertTrue(total / 100 > 200, "the mean return should beat the reward threshold 200: " + total / 100);
    }
}
