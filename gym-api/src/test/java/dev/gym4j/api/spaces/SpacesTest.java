package dev.gym4j.api.spaces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.InvalidActionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpacesTest {

    private static String actionError(Space<?> space, Object action) {
        return assertThrows(InvalidActionException.class, () -> InvalidActionException.requireValid(space, action)).getMessage();
    }

    @Test
    void checkActionMessagesNameTheActionTheSpaceAndWhatWasExpected() {
        assertEquals("Invalid action 5 for action space Discrete(2): expected an Integer in [0, 2)", actionError(new Discrete(2), 5));
        assertEquals("Invalid action for action space Discrete(2): expected an Integer in [0, 2), got null", actionError(new Discrete(2), null));
        assertEquals("Invalid action for action space Discrete(2): expected an Integer in [0, 2), got Double", actionError(new Discrete(2), 1.0));
        Box<float[]> box = Box.float32(-1f, 1f, 1);
        assertEquals("Invalid action for action space Box(-1.0, 1.0, (1,), float32): expected float[] of length 1, got double[]",
                actionError(box, new double[] {0}));
        assertEquals("Invalid action [0.0, 0.0] for action space Box(-1.0, 1.0, (1,), float32): expected float[] of length 1, "
                + "got float[] of length 2", actionError(box, new float[] {0, 0}));
        assertEquals("Invalid action [nan] for action space Box(-1.0, 1.0, (1,), float32): expected float[] of length 1 without NaN, "
                + "got NaN at index [0]", actionError(box, new float[] {Float.NaN}));
        assertTrue(actionError(box, new float[] {Float.POSITIVE_INFINITY}).contains("inf"));
        assertEquals("Invalid action [1, 2] for action space MultiDiscrete([2 2]): element [1] = 2 is not in [0, 2)",
                actionError(new MultiDiscrete(2, 2), new long[] {1, 2}));
        TupleSpace t = new TupleSpace(new Discrete(2), box);
        assertEquals("Invalid action (1, [nan]) for action space Tuple(Discrete(2), Box(-1.0, 1.0, (1,), float32)): "
                + "element 1: expected float[] of length 1 without NaN, got NaN at index [0]", actionError(t, List.of(1, new float[] {Float.NaN})));
        DictSpace d = new DictSpace(Map.of("a", new Discrete(2)));
        assertEquals("Invalid action {'a': 3} for action space Dict('a': Discrete(2)): key 'a': expected an Integer in [0, 2)",
                actionError(d, Map.of("a", 3)));
    }

    @Test
    void checkActionLetsFiniteBoxValuesOutsideTheBoundsThrough() {
        InvalidActionException.requireValid(Box.float32(-1f, 1f, 2), new float[] {5f, -7f});
        InvalidActionException.requireValid(Box.float64(-1, 1, 1), new double[] {1e300});
        InvalidActionException.requireValid(Box.float32(0f, Float.POSITIVE_INFINITY, 1), new float[] {Float.POSITIVE_INFINITY});
        InvalidActionException.requireValid(Box.int32(0, 3, 1), new int[] {9});
        InvalidActionException.requireValid(new Discrete(3, -1), 1L);
    }

    @Test
    void checkActionAllocatesNothingForValidDiscreteAndFloat32Actions() throws ReflectiveOperationException {
        Discrete discrete = new Discrete(4);
        Box<float[]> box = Box.float32(-1f, 1f, 6);
        Integer action = 3;
        float[] vector = new float[] {0.1f, 5f, -3f, 0f, 1f, -1f};
        for (int i = 0; i < 20_000; i++) {
            InvalidActionException.requireValid(discrete, action);
            InvalidActionException.requireValid(box, vector);
        }
        long before = allocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            InvalidActionException.requireValid(discrete, action);
            InvalidActionException.requireValid(box, vector);
        }
        long allocated = allocatedBytes() - before;
        assertTrue(allocated < 10_000, "checkAction allocated " + allocated + " bytes in 200k calls");
    }

    /** The test classes are compiled into the module, which does not read jdk.management: go by reflection. */
    private static long allocatedBytes() throws ReflectiveOperationException {
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        Object bytes = Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes", long.class)
                .invoke(bean, Thread.currentThread().getId());
        return (Long) bytes;
    }

    @Test
    void discreteAndMultiDiscreteFlattenToOneHots() {
        assertArrayEquals(new long[] {0, 0, 1}, (long[]) Spaces.flatten(new Discrete(3, -1), 1));
        assertEquals(1, Spaces.unflatten(new Discrete(3, -1), new long[] {0, 0, 1}));
        assertEquals(0, Spaces.unflatten(new Discrete(3, -1), new double[] {0, 0.5, 1}));
        MultiDiscrete md = new MultiDiscrete(new long[] {2, 3}, new long[] {0, 10});
        assertArrayEquals(new long[] {0, 1, 0, 0, 1}, (long[]) Spaces.flatten(md, new long[] {1, 12}));
        assertArrayEquals(new long[] {1, 12}, (long[]) Spaces.unflatten(md, new long[] {0, 1, 0, 0, 1}));
        assertThrows(IllegalArgumentException.class, () -> Spaces.unflatten(new Discrete(3), new long[3]));
        assertThrows(IllegalArgumentException.class, () -> Spaces.unflatten(md, new long[] {0, 1, 0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> Spaces.unflatten(md, new long[4]));
        assertThrows(IllegalArgumentException.class, () -> Spaces.flatten(new Discrete(3), 7));
    }

    @Test
    void compositeFlatteningPromotesLikeNumpy() {
        TupleSpace t = new TupleSpace(new Discrete(2), Box.float32(-1f, 1f, 1));
        assertEquals(DType.FLOAT64, Spaces.flattenSpace(t).dtype());
        assertArrayEquals(new double[] {0, 1, 0.5}, (double[]) Spaces.flatten(t, List.of(1, new float[] {0.5f})));
        Map<String, Space<?>> m = new LinkedHashMap<>();
        m.put("img", Box.uint8(0, 255, 2));
        m.put("bits", new MultiBinary(2));
        assertEquals(DType.INT32, Spaces.flattenSpace(new DictSpace(m)).dtype());
        assertEquals(DType.FLOAT32, Spaces.flattenSpace(new TupleSpace(Box.uint8(0, 255, 2), Box.float32(0f, 1f, 1))).dtype());
        assertEquals(DType.INT32, Spaces.flattenSpace(new TupleSpace(Box.int32(0, 5, 2), new MultiBinary(1))).dtype());
        assertEquals(DType.INT64, Spaces.flattenSpace(new TupleSpace(new Discrete(2), new MultiBinary(1))).dtype());
        assertThrows(IllegalArgumentException.class, () -> Spaces.flattenSpace(new TupleSpace()));
        assertEquals("Box(0, 1, (3,), int64)", Spaces.flattenSpace(new Discrete(3)).toString());
    }
}
