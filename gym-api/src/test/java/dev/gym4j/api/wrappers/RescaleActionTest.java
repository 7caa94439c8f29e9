package dev.gym4j.api.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gym4j.api.InvalidActionException;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.testenvs.JsonFixtures;
import dev.gym4j.testkit.fixtures.RandomWalkEnv;
import dev.gym4j.testkit.fixtures.ScriptedEnv;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RescaleAction against what Gymnasium's own RescaleAction returns (wrapper_golden.json, see make_wrapper_golden.py). */
class RescaleActionTest {

    @SuppressWarnings("unchecked")
    static Map<String, Object> golden() {
        return (Map<String, Object>) JsonFixtures.resource(RescaleActionTest.class, "wrapper_golden.json");
    }

    private static <T> ScriptedEnv<float[], T> envWithActions(Box<T> actionSpace, int steps) {
        return new ScriptedEnv<>(Box.float32(-1f, 1f, 1), actionSpace, new float[] {0f},
                Collections.nCopies(steps, ScriptedEnv.Step.of(new float[] {0f}, 0.0)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void matchesGymnasiumBitForBit() {
        List<Object> cases = (List<Object>) golden().get("rescale_action");
        assertEquals(4, cases.size());
        for (Object c : cases) {
            Map<String, Object> k = (Map<String, Object>) c;
            String name = (String) k.get("name");
            DType dtype = DType.fromNumpyName((String) k.get("dtype"));
            double[] low = JsonFixtures.doubles(k.get("low"));
            double[] high = JsonFixtures.doubles(k.get("high"));
            List<Object> actions = (List<Object>) k.get("actions");
            List<Object> outputs = (List<Object>) k.get("outputs");
            Box<Object> box = BoxSupport.box(dtype, low, high, new int[] {low.length});
            ScriptedEnv<float[], Object> inner = envWithActions(box, actions.size());
            RescaleAction<float[], Object> env = new RescaleAction<>(inner,
                    JsonFixtures.doubles(k.get("min_action")), JsonFixtures.doubles(k.get("max_action")));
            Box<?> space = (Box<?>) env.actionSpace();
            assertArrayEquals(JsonFixtures.doubles(k.get("space_low")), space.low(), name);
            assertArrayEquals(JsonFixtures.doubles(k.get("space_high")), space.high(), name);
            assertEquals(dtype, space.dtype());
            env.reset(0);
            for (int i = 0; i < actions.size(); i++) {
                Object action = BoxSupport.toArray(JsonFixtures.doubles(actions.get(i)), dtype);
                env.step(action);
                Object received = inner.actions().get(i);
                Object expected = BoxSupport.toArray(JsonFixtures.doubles(outputs.get(i)), dtype);
                if (dtype == DType.FLOAT32) {
                    assertArrayEquals((float[]) expected, (float[]) received, 0f, name + " action " + i);
                } else {
                    assertArrayEquals((double[]) expected, (double[]) received, 0.0, name + " action " + i);
                }
            }
        }
    }

    @Test
    void theScalarFormFillsEveryElement() {
        ScriptedEnv<float[], float[]> inner = envWithActions(Box.float32(new float[] {-2f, 0f}, new float[] {2f, 10f}), 3);
        RescaleAction<float[], float[]> env = new RescaleAction<>(inner, -1, 1);
        env.reset(0);
        env.step(new float[] {-1f, -1f});
        env.step(new float[] {1f, 1f});
        env.step(new float[] {0f, 0.5f});
        assertArrayEquals(new float[] {-2f, 0f}, inner.actions().get(0));
        assertArrayEquals(new float[] {2f, 10f}, inner.actions().get(1));
        assertArrayEquals(new float[] {0f, 7.5f}, inner.actions().get(2));
    }

    @Test
    void rejectsBadBounds() {
        Box<float[]> box = Box.float32(-2f, 2f, 2);
        assertThrows(InvalidArgumentException.class, () -> new RescaleAction<>(envWithActions(box, 0), 1, -1));
        assertThrows(InvalidArgumentException.class, () -> new RescaleAction<>(envWithActions(box, 0), new double[] {0}, new double[] {1}));
        assertThrows(InvalidArgumentException.class,
                () -> new RescaleAction<>(envWithActions(box, 0), Double.NEGATIVE_INFINITY, 1));
        Box<float[]> open = Box.float32(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 1);
        assertThrows(InvalidArgumentException.class, () -> new RescaleAction<>(envWithActions(open, 0), -1, 1));
        assertThrows(InvalidArgumentException.class, () -> new RescaleAction<>(new RandomWalkEnv(), -1, 1));
        Box<int[]> ints = BoxSupport.box(DType.INT32, new double[] {0}, new double[] {10}, new int[] {1});
        assertThrows(InvalidArgumentException.class, () -> new RescaleAction<>(envWithActions(ints, 0), -1, 1));
    }

    @Test
    void rejectsAnActionOfTheWrongLength() {
        RescaleAction<float[], float[]> env = new RescaleAction<>(envWithActions(Box.float32(-2f, 2f, 2), 1), -1, 1);
        env.reset(0);
        InvalidActionException e = assertThrows(InvalidActionException.class, () -> env.step(new float[] {0f}));
        assertEquals(true, e.getMessage().contains("float[] of length 1"), e.getMessage());
    }
}
