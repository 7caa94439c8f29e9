package dev.gym4j.api.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.testkit.fixtures.ScriptedEnv;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameStackObservationTest {

    private static final Box<float[]> SPACE = Box.float32(new float[] {-10f, 0.5f}, new float[] {10f, 20f});

    private static ScriptedEnv<float[], Integer> env() {
        return new ScriptedEnv<>(SPACE, new Discrete(2), new float[] {1f, 2f}, List.of(
                ScriptedEnv.Step.of(new float[] {3f, 4f}, 0.0),
                ScriptedEnv.Step.of(new float[] {5f, 6f}, 0.0),
                ScriptedEnv.Step.of(new float[] {7f, 8f}, 0.0),
                ScriptedEnv.Step.of(new float[] {9f, 10f}, 0.0)));
    }

    @Test
    void stacksTheLastObservationsOldestFirstPaddingWithTheResetObservation() {
        FrameStackObservation<float[], Integer> env = new FrameStackObservation<>(env(), 3);
        assertEquals("reset", env.paddingType());
        assertArrayEquals(new float[] {1, 2, 1, 2, 1, 2}, env.reset(0).observation());
        assertArrayEquals(new float[] {1, 2, 1, 2, 3, 4}, env.step(0).observation());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, env.step(0).observation());
        assertArrayEquals(new float[] {3, 4, 5, 6, 7, 8}, env.step(0).observation());
        assertArrayEquals(new float[] {1, 2, 1, 2, 1, 2}, env.reset().observation(), "a reset pads again");
        assertArrayEquals(new float[] {1, 2, 1, 2, 9, 10}, env.step(0).observation());
    }

    @Test
    void zeroPaddingIsZeroClippedIntoTheBounds() {
        FrameStackObservation<float[], Integer> env = new FrameStackObservation<>(env(), 3, "zero");
        assertArrayEquals(new float[] {0, 0.5f, 0, 0.5f, 1, 2}, env.reset(0).observation());
        assertArrayEquals(new float[] {0, 0.5f, 1, 2, 3, 4}, env.step(0).observation());
    }

    @Test
    void aCustomPaddingValueIsUsedAfterEveryReset() {
        FrameStackObservation<float[], Integer> env = FrameStackObservation.withPaddingValue(env(), 2, new float[] {-1f, 1f});
        assertEquals("_custom", env.paddingType());
        assertArrayEquals(new float[] {-1, 1, 1, 2}, env.reset(0).observation());
        assertArrayEquals(new float[] {1, 2, 3, 4}, env.step(0).observation());
        assertThrows(InvalidArgumentException.class, () -> FrameStackObservation.withPaddingValue(env(), 2, new float[] {-1f, 0f}));
    }

    @Test
    void theObservationSpaceRepeatsTheBoxAlongANewLeadingAxis() {
        FrameStackObservation<float[], Integer> env = new FrameStackObservation<>(env(), 4);
        Box<?> space = (Box<?>) env.observationSpace();
        assertArrayEquals(new int[] {4, 2}, space.shape());
        assertEquals(DType.FLOAT32, space.dtype());
        assertArrayEquals(new double[] {-10, 0.5, -10, 0.5, -10, 0.5, -10, 0.5}, space.low());
        assertArrayEquals(new double[] {10, 20, 10, 20, 10, 20, 10, 20}, space.high());
        assertTrue(space.contains(env.reset(0).observation()));
        assertEquals(4, env.stackSize());
    }

    @Test
    void returnedArraysAreFreshCopies() {
        FrameStackObservation<float[], Integer> env = new FrameStackObservation<>(env(), 2);
        float[] first = env.reset(0).observation();
        first[0] = 99f;
        assertArrayEquals(new float[] {1, 2, 3, 4}, env.step(0).observation());
    }

    @Test
    void worksForUint8Boxes() {
        Box<byte[]> pixels = BoxSupport.box(DType.UINT8, new double[] {0, 0, 0}, new double[] {255, 255, 255}, new int[] {3});
        ScriptedEnv<byte[], Integer> inner = new ScriptedEnv<>(pixels, new Discrete(2), new byte[] {1, 2, (byte) 200},
                List.of(ScriptedEnv.Step.of(new byte[] {4, 5, 6}, 0.0)));
        FrameStackObservation<byte[], Integer> env = new FrameStackObservation<>(inner, 2, "zero");
        assertArrayEquals(new byte[] {0, 0, 0, 1, 2, (byte) 200}, env.reset(0).observation());
        assertArrayEquals(new byte[] {1, 2, (byte) 200, 4, 5, 6}, env.step(0).observation());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(InvalidArgumentException.class, () -> new FrameStackObservation<>(env(), 0));
        assertThrows(InvalidArgumentException.class, () -> new FrameStackObservation<>(env(), 2, "same"));
        assertThrows(InvalidArgumentException.class,
                () -> new FrameStackObservation<>(new ScriptedEnv<>(new Discrete(3), new Discrete(2), 0, List.of()), 2));
    }
}
