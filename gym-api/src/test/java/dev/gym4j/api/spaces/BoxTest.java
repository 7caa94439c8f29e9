package dev.gym4j.api.spaces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoxTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void float32BoundsAreFloat32Values() {
        Box<?> box = Box.of(DType.FLOAT32, new double[] {0.1, -INF}, new double[] {0.2, INF}, new int[] {2});
        assertEquals((double) 0.1f, box.low()[0]);
        assertEquals((double) 0.2f, box.high()[0]);
        assertArrayEquals(new boolean[] {true, false}, box.boundedBelow());
        assertArrayEquals(new boolean[] {true, false}, box.boundedAbove());
        assertFalse(box.isBounded());
        assertEquals("Box([ 0.1 -inf], [0.2 inf], (2,), float32)", box.toString());
    }

    @Test
    void integerBoundsTruncateAndInfinitiesBecomeTheDtypeLimits() {
        Box<?> box = Box.of(DType.INT32, new double[] {-INF, 1.7}, new double[] {INF, 5.9}, new int[] {2});
        assertArrayEquals(new double[] {Integer.MIN_VALUE, 1}, box.low());
        assertArrayEquals(new double[] {Integer.MAX_VALUE, 5}, box.high());
        assertArrayEquals(new boolean[] {false, true}, box.boundedBelow());
    }

    @Test
    void invalidBoundsAreRefusedWithWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Box.float32(1f, 0f, 2));
        assertTrue(e.getMessage().contains("low must be <= high"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Box.float64(Double.NaN, 0, 2));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Box.float32(new float[] {0, 0}, new float[] {1}));
        assertTrue(e.getMessage().contains("expected 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Box.uint8(0, 256, 2));
        assertTrue(e.getMessage().contains("uint8"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Box.of(DType.UINT8, new double[] {-INF}, new double[] {1}, new int[] {1}));
        assertTrue(e.getMessage().contains("uint8"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Box.of(DType.FLOAT32, new double[] {-1e39}, new double[] {1}, new int[] {1}));
        assertTrue(e.getMessage().contains("float32"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Box.float32(0f, 1f, -1));
    }

    @Test
    void shapesAndSizes() {
        assertEquals(1, Box.float32(0f, 1f).size());
        assertArrayEquals(new int[0], Box.float32(0f, 1f).shape());
        assertEquals(6, Box.uint8(0, 255, 2, 3).size());
        assertEquals(0, Box.float64(0, 1, 0).size());
        assertEquals("Box(0, 255, (2, 3), uint8)", Box.uint8(0, 255, 2, 3).toString());
        assertEquals("Box(-5, 7, (), int64)", Box.int64(-5, 7).toString());
    }

    @Test
    void containsNeedsTheExactJavaTypeLengthAndBounds() {
        Box<float[]> box = Box.float32(-1f, 1f, 2);
        assertTrue(box.contains(new float[] {-1f, 1f}));
        assertFalse(box.contains(new double[] {0, 0}));
        assertFalse(box.contains(new float[] {0}));
        assertFalse(box.contains(new float[] {0, 1.5f}));
        assertFalse(box.contains(new float[] {0, Float.NaN}));
        assertEquals("element [1] = 1.5 is outside [-1.0, 1.0]", box.whyNotContained(new float[] {0, 1.5f}));
        assertEquals("expected float[] of length 2, got double[]", box.whyNotContained(new double[] {0, 0}));
        Box<byte[]> image = Box.uint8(0, 255, 2);
        assertTrue(image.contains(new byte[] {(byte) 255, 0}));
        Box<byte[]> dark = Box.uint8(0, 100, 2);
        assertFalse(dark.contains(new byte[] {(byte) 200, 0}));
    }

    @Test
    void clipClampsAndKeepsNaN() {
        Box<float[]> box = Box.float32(new float[] {-1f, 0f, 0f}, new float[] {1f, 2f, 2f});
        float[] clipped = box.clip(new float[] {-3f, 5f, Float.NaN});
        assertArrayEquals(new float[] {-1f, 2f, Float.NaN}, clipped);
        Box<int[]> ints = Box.int32(0, 10, 2);
        assertArrayEquals(new int[] {0, 10}, ints.clip(new int[] {-4, 40}));
        Box<byte[]> bytes = Box.uint8(10, 200, 1);
        assertArrayEquals(new byte[] {(byte) 200}, bytes.clip(new byte[] {(byte) 250}));
        assertThrows(IllegalArgumentException.class, () -> box.clip(new float[] {0f}));
    }

    @Test
    void equalityIsOnDtypeShapeAndBounds() {
        assertEquals(Box.float32(-1f, 1f, 3), Box.float32(new float[] {-1f, -1f, -1f}, new float[] {1f, 1f, 1f}));
        assertEquals(Box.float32(-1f, 1f, 3).hashCode(), Box.float32(new float[] {-1f, -1f, -1f}, new float[] {1f, 1f, 1f}).hashCode());
        assertNotEquals(Box.float32(-1f, 1f, 3), Box.float64(-1, 1, 3));
        assertNotEquals(Box.float32(-1f, 1f, 3), Box.float32(-1f, 1f, 1, 3));
        assertNotEquals(Box.float32(-1f, 1f, 3), Box.float32(-1f, 2f, 3));
    }

    @Test
    void integerSamplesIncludeTheUpperBound() {
        Box<int[]> box = Box.int32(0, 1, 200);
        box.seed(3);
        int[] s = box.sample();
        boolean sawOne = false;
        for (int v : s) {
            sawOne |= v == 1;
        }
        assertTrue(sawOne);
        assertTrue(box.contains(s));
    }

    @Test
    void anUnseededBoxSeedsItselfFromEntropy() {
        Box<double[]> box = Box.float64(0, 1, 3);
        assertTrue(box.contains(box.sample()));
    }

    @Test
    void valueToStringWritesPythonLists() {
        Box<float[]> box = Box.float32(-1f, 1f, 2, 2);
        assertEquals("[[0.1, 0.5], [-1.0, 1.0]]", box.valueToString(new float[] {0.1f, 0.5f, -1f, 1f}));
        assertEquals("[255, 0]", Box.uint8(0, 255, 2).valueToString(new byte[] {(byte) 255, 0}));
        assertEquals("0.25", Box.float64(0, 1).valueToString(new double[] {0.25}));
    }

    @Test
    void seedsMustBeNonNegative() {
        assertThrows(IllegalArgumentException.class, () -> Box.float32(0f, 1f).seed(-1));
    }
}
