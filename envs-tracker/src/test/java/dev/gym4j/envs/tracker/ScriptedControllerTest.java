package dev.gym4j.envs.tracker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.registry.ExpertPolicy;
import dev.gym4j.api.registry.Experts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The task is solvable: the env's scripted expert ({@link TrackerExpert}, found through {@link Experts} as
 * {@code gym4j rollout --policy expert} finds it), a bearing follower with the five discrete actions only, reaches
 * the Burger (terminates with {@code d < 0.2}) in at least 95 of 100 seeded episodes.
 */
class ScriptedControllerTest {

    /** One episode's return, length and whether it reached the Burger. */
    private record Outcome(double ret, int length, boolean reached) {
    }

    private static Outcome episode(Map<String, Object> kwargs, long seed) {
        try (Env<Object, Object> env = Gym.make("tracker/ObjectTracker-v0", kwargs)) {
            ExpertPolicy expert = Experts.create("tracker/ObjectTracker-v0", env);
            ResetResult<Object> start = env.reset(seed);
            Object obs = start.observation();
            Map<String, Object> info = start.info();
            double ret = 0;
            int length = 0;
            while (true) {
                StepResult<Object> r = env.step(expert.act(obs, info));
                ret += r.reward();
                length++;
                obs = r.observation();
                info = r.info();
                if (r.terminated() || r.truncated()) {
                    return new Outcome(ret, length, r.terminated() && (Double) r.info().get("distance") < 0.2);
                }
            }
        }
    }

    @Test
    void theExpertReachesTheBurgerIn95Of100Episodes() {
        int reached = 0;
        double total = 0;
        long steps = 0;
        for (long seed = 0; seed < 100; seed++) {
            Outcome o = episode(Map.of("observation", "state"), seed);
            reached += o.reached() ? 1 : 0;
            total += o.ret();
            steps += o.length();
        }
        System.out.printf("scripted expert: reached the Burger in %d/100 episodes, mean return %.1f, mean length %.1f steps%n",
                reached, total / 100, steps / 100.0);
        assertTrue(reached >= 95, "reached " + reached + "/100");
        assertTrue(total / 100 > 200, "the mean return should beat the reward threshold 200: " + total / 100);
    }

    @Test
    void theExpertActsTheSameOnCameraPicturesAsOnTheStateAndDrivesTheContinuousActionsAlike() {
        Outcome state = episode(Map.of("observation", "state"), 7);
        Outcome gray = episode(Map.of("observation", "gray", "image_size", List.of(32, 24), "renderer", "software"), 7);
        Outcome continuous = episode(Map.of("observation", "state", "continuous", true), 7);
        assertTrue(state.reached(), state.toString());
        assertEquals(state, gray);
        // the Box carries float32 (0.6f is not 0.6): the same actions, returns equal to about 1e-6
        assertEquals(state.length(), continuous.length());
        assertEquals(state.ret(), continuous.ret(), 1e-2);
    }

    @Test
    void theBearingRuleAndItsErrors() {
        assertEquals(2, TrackerExpert.action(0, 0, 0, 3.5, 0));
        assertEquals(0, TrackerExpert.action(0, 0, 0, 0, 1));      // target on the left: hard left
        assertEquals(3, TrackerExpert.action(0, 0, 0, 3.5, 0.5));  // atan(0.5/3.5) = 0.142: gently left
        assertEquals(1, TrackerExpert.action(0, 0, 0, 0, -1));
        assertEquals(4, TrackerExpert.action(0, 0, 0, 3.5, -0.5));
        assertEquals(2, TrackerExpert.action(0, 0, 2 * Math.PI, 3.5, 0)); // headings wrap
        ExpertPolicy continuous = new TrackerExpert(true);
        Object a = continuous.act(null, Map.of("waffle_pose", new double[3], "burger_pose", new double[] {0, 1, 0}));
        assertArrayEquals(new float[] {0.6f, 0.1f}, assertInstanceOf(float[].class, a));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> continuous.act(null, Map.of("distance", 1.0)));
        assertTrue(e.getMessage().contains("info['waffle_pose']"), e.getMessage());
        InvalidArgumentException box = assertThrows(InvalidArgumentException.class, () -> new TrackerExpertProvider()
                .create("tracker/ObjectTracker-v0", new ObjectTrackerEnv().observationSpace(), new dev.gym4j.api.spaces.Discrete(3)));
        assertTrue(box.getMessage().contains("Discrete(5) or the continuous Box"), box.getMessage());
        assertEquals(List.of("tracker/ObjectTracker-v0"), Experts.envIds());
    }
}
