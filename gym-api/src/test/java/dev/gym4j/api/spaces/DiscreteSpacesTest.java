package dev.gym4j.api.spaces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Discrete, MultiDiscrete, MultiBinary, TupleSpace and DictSpace beyond what the properties cover. */
class DiscreteSpacesTest {

    @Test
    void discrete() {
        Discrete d = new Discrete(3, -1);
        assertEquals("Discrete(3, start=-1)", d.toString());
        assertEquals("Discrete(2)", new Discrete(2).toString());
        assertTrue(d.contains(-1));
        assertTrue(d.contains(1L));
        assertTrue(d.contains((short) 0));
        assertFalse(d.contains(2));
        assertFalse(d.contains(0.0));
        assertFalse(d.contains("0"));
        assertEquals(DType.INT64, d.dtype());
        assertArrayEquals(new int[0], d.shape());
        assertThrows(IllegalArgumentException.class, () -> new Discrete(0));
        assertThrows(IllegalArgumentException.class, () -> new Discrete(2, Integer.MAX_VALUE));
        assertEquals(new Discrete(3, -1), d);
        assertNotEquals(new Discrete(3), d);
    }

    @Test
    void discreteMaskedSampling() {
        Discrete d = new Discrete(4, 10);
        d.seed(1);
        for (int i = 0; i < 20; i++) {
            int v = d.sample(new byte[] {0, 1, 0, 1});
            assertTrue(v == 11 || v == 13, "got " + v);
        }
        assertEquals(10, d.sample(new byte[4]));
        assertThrows(IllegalArgumentException.class, () -> d.sample(new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> d.sample(new byte[] {0, 2, 0, 0}));
    }

    @Test
    void discreteOfOneDrawsNothing() {
        Discrete one = new Discrete(1, 5);
        one.seed(0);
        assertEquals(5, one.sample());
        Discrete two = new Discrete(2);
        two.seed(0);
        one.npRandom();
        assertEquals(1, two.sample());
    }

    @Test
    void multiDiscrete() {
        MultiDiscrete md = new MultiDiscrete(new long[] {2, 3}, new long[] {-1, 5});
        assertEquals("MultiDiscrete([2 3], start=[-1  5])", md.toString());
        assertEquals("MultiDiscrete([2 3 4])", new MultiDiscrete(2, 3, 4).toString());
        assertTrue(md.contains(new long[] {0, 7}));
        assertFalse(md.contains(new long[] {1, 7}));
        assertFalse(md.contains(new int[] {0, 7}));
        assertThrows(IllegalArgumentException.class, () -> new MultiDiscrete(2, 0));
        assertThrows(IllegalArgumentException.class, () -> new MultiDiscrete(new long[] {2}, new long[] {0, 0}));
    }

    @Test
    void multiBinary() {
        assertEquals("MultiBinary(4)", new MultiBinary(4).toString());
        assertEquals("MultiBinary((2, 3))", new MultiBinary(new int[] {2, 3}).toString());
        assertEquals("MultiBinary((4,))", new MultiBinary(new int[] {4}).toString());
        assertEquals(DType.INT8, new MultiBinary(4).dtype());
        assertTrue(new MultiBinary(2).contains(new byte[] {0, 1}));
        assertFalse(new MultiBinary(2).contains(new byte[] {0, 2}));
        assertThrows(IllegalArgumentException.class, () -> new MultiBinary(0));
    }

    @Test
    void tupleValuesAreUnmodifiableLists() {
        TupleSpace t = new TupleSpace(new Discrete(2), Box.float32(-1f, 1f, 1));
        assertEquals("Tuple(Discrete(2), Box(-1.0, 1.0, (1,), float32))", t.toString());
        t.seed(7);
        List<Object> v = t.sample();
        assertThrows(UnsupportedOperationException.class, () -> v.set(0, 1));
        assertTrue(t.contains(List.of(1, new float[] {0.5f})));
        assertFalse(t.contains(List.of(1)));
        assertEquals("(1, [0.5])", t.valueToString(List.of(1, new float[] {0.5f})));
        assertEquals(3, t.seed(7).size());
    }

    @Test
    void dictSortsKeysUnlessAskedToKeepTheirOrder() {
        Map<String, Space<?>> m = new LinkedHashMap<>();
        m.put("b", new Discrete(2));
        m.put("a", Box.float32(-1f, 1f, 1));
        DictSpace sorted = new DictSpace(m);
        assertEquals("Dict('a': Box(-1.0, 1.0, (1,), float32), 'b': Discrete(2))", sorted.toString());
        DictSpace kept = DictSpace.keepingOrder(m);
        assertEquals("Dict('b': Discrete(2), 'a': Box(-1.0, 1.0, (1,), float32))", kept.toString());
        assertNotEquals(sorted, kept);
        sorted.seed(3);
        Map<String, Object> v = sorted.sample();
        assertEquals(List.of("a", "b"), List.copyOf(v.keySet()));
        assertThrows(UnsupportedOperationException.class, () -> v.put("c", 1));
        assertEquals("{'a': [0.5], 'b': 1}", sorted.valueToString(Map.of("a", new float[] {0.5f}, "b", 1)));
    }
}
