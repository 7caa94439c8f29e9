package dev.gym4j.envs.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.GymException;
import dev.gym4j.api.InvalidActionException;
import dev.gym4j.api.InvalidArgumentException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad actions and kwargs are one clear error each, and leave the env usable. */
class BadInputTest {

    @Test
    void actionsOutsideDiscrete5AreRefused() {
        try (Env<Object, Object> env = Gym.make("tracker/ObjectTracker-v0", Map.of("observation", "state"))) {
            env.reset(0L);
            for (int bad : new int[] {-1, 5, 6}) {
                InvalidActionException e = assertThrows(InvalidActionException.class, () -> env.step(bad));
                assertTrue(e.getMessage().contains("Discrete(5)"), e.getMessage());
            }
            assertEquals(0.0, env.step(2).reward() >= 0 ? 0.0 : 1.0, "still usable");
        }
    }

    @Test
    void continuousActionsOutsideTheBoxOrNaNAreRefused() {
        try (ObjectTrackerEnv env = ObjectTrackerEnv.fromKwargs(Map.of("observation", "state", "continuous", true))) {
            env.reset(0L);
            float[][] bad = {{1.5f, 0.5f}, {0f, -0.1f}, {0f, 1.01f}, {Float.NaN, 0.5f}, {0f, Float.NaN}, {Float.POSITIVE_INFINITY, 0f}};
            for (float[] a : bad) {
                InvalidActionException e = assertThrows(InvalidActionException.class, () -> env.step(a));
                assertTrue(e.getMessage().contains("Box") || e.getMessage().contains("NaN") || e.getMessage().contains("finite"),
                        e.getMessage());
            }
            assertThrows(InvalidActionException.class, () -> env.step(new float[] {0f}));
            double x = env.waffleDrive().x();
            assertEquals(0.0, x, "refused actions do not move the robot");
            env.step(new float[] {0f, 1f});
        }
    }

    @Test
    void unknownKwargsAndValuesAreRefusedWithWhatIsAccepted() {
        Map<Map<String, ?>, String> cases = Map.of(
                Map.of("observation", "depth"), "\"rgb\", \"gray\", \"state\"",
                Map.of("target_motion", "fly"), "\"static\", \"wander\", \"evade\"",
                Map.of("renderer", "vulkan"), "\"auto\", \"gl\", \"software\"",
                Map.of("image_size", List.of(160)), "two integers",
                Map.of("image_size", List.of(0, 120)), "two integers",
                Map.of("camera_noise", Double.NaN), "camera_noise",
                Map.of("distractors", 99), "[0, 20]",
                Map.of("continuous", "yes"), "Boolean",
                Map.of("colour", "red"), "unexpected kwarg 'colour'",
                Map.of("render_mode", "human"), "render_mode");
        cases.forEach((kwargs, expected) -> {
            GymException e = assertThrows(InvalidArgumentException.class, () -> Gym.make("tracker/ObjectTracker-v0", kwargs));
            assertTrue(e.getMessage().contains(expected), kwargs + ": " + e.getMessage());
        });
    }

    @Test
    void imageSizeShapesTheObservation() {
        try (ObjectTrackerEnv env = ObjectTrackerEnv.fromKwargs(Map.of("image_size", List.of(84, 64), "observation", "gray",
                "renderer", "software"))) {
            assertEquals("[64, 84, 1]", java.util.Arrays.toString(((dev.gym4j.api.spaces.Box<?>) env.observationSpace()).shape()));
            assertEquals(64 * 84, ((byte[]) env.reset(0L).observation()).length);
        }
    }
}
