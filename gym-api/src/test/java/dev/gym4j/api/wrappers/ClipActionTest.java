package dev.gym4j.api.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.InvalidActionException;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.testkit.fixtures.RandomWalkEnv;
import dev.gym4j.testkit.fixtures.ScriptedEnv;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClipActionTest {

    static ScriptedEnv<float[], float[]> envWithActions(Box<float[]> actionSpace, int steps) {
        Box<float[]> obs = Box.float32(-1f, 1f, 1);
        return new ScriptedEnv<>(obs, actionSpace, new float[] {0f},
                Collections.nCopies(steps, ScriptedEnv.Step.of(new float[] {0f}, 0.0)));
    }

    @Test
    void clipsEachElementToTheBoundsWithoutTouchingTheCallersArray() {
        ScriptedEnv<float[], float[]> inner = envWithActions(Box.float32(new float[] {-1f, 0f}, new float[] {1f, 2f}), 3);
        ClipAction<float[], float[]> env = new ClipAction<>(inner);
        env.reset(0);
        float[] action = {5f, -3f};
        env.step(action);
        env.step(new float[] {0.5f, 1.5f});
        env.step(new float[] {-1e30f, 1e30f});
        assertArrayEquals(new float[] {5f, -3f}, action);
        assertArrayEquals(new float[] {1f, 0f}, inner.actions().get(0));
        assertArrayEquals(new float[] {0.5f, 1.5f}, inner.actions().get(1));
        assertArrayEquals(new float[] {-1f, 2f}, inner.actions().get(2));
    }

    @Test
    void exposesAnUnboundedBoxOfTheSameShapeAndDtype() {
        ClipAction<float[], float[]> env = new ClipAction<>(envWithActions(Box.float32(-2f, 2f, 3), 0));
        Box<?> space = (Box<?>) env.actionSpace();
        assertEquals(DType.FLOAT32, space.dtype());
        assertArrayEquals(new int[] {3}, space.shape());
        for (int i = 0; i < 3; i++) {
            assertEquals(Double.NEGATIVE_INFINITY, space.low()[i]);
            assertEquals(Double.POSITIVE_INFINITY, space.high()[i]);
        }
    }

    @Test
    void worksOnFloat64Boxes() {
        Box<float[]> obs = Box.float32(-1f, 1f, 1);
        ScriptedEnv<float[], double[]> inner = new ScriptedEnv<>(obs, Box.float64(-0.5, 0.5, 2), new float[] {0f},
                List.of(ScriptedEnv.Step.of(new float[] {0f}, 0.0)));
        ClipAction<float[], double[]> env = new ClipAction<>(inner);
        env.reset(0);
        env.step(new double[] {0.75, -0.25});
        assertArrayEquals(new double[] {0.5, -0.25}, inner.actions().get(0));
        assertEquals("<ClipAction<ScriptedEnv instance>>", env.toString());
    }

    @Test
    void rejectsAnActionOfTheWrongLength() {
        ClipAction<float[], float[]> env = new ClipAction<>(envWithActions(Box.float32(-2f, 2f, 2), 1));
        env.reset(0);
        InvalidActionException e = assertThrows(InvalidActionException.class, () -> env.step(new float[] {0f, 1f, 2f}));
        assertTrue(e.getMessage().contains("float[] of length 3"), e.getMessage());
    }

    @Test
    void rejectsANonBoxActionSpace() {
        assertThrows(InvalidArgumentException.class, () -> new ClipAction<>(new RandomWalkEnv()));
        assertEquals(new Discrete(2), new RandomWalkEnv().actionSpace());
    }
}
