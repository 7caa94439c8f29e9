package dev.gym4j.api.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link VectorBatch#of}: the public factory for vector envs implemented outside this package. */
class VectorBatchFactoryTest {

    @Test
    void aBatchHandsOutItsArraysAndRowsInOrder() {
        float[] obs = {1, 2, 3, 4, 5, 6};
        double[] rewards = {0.5, -1};
        boolean[] terminations = {true, false};
        boolean[] truncations = {false, true};
        VectorBatch<float[]> b = VectorBatch.of(obs, rewards, terminations, truncations, List.of(Map.of("k", 1), Map.of()));
        assertEquals(2, b.size());
        assertArrayEquals(new int[] {0, 1}, b.envIds());
        assertSame(obs, b.observations());
        assertSame(rewards, b.rewards());
        assertSame(terminations, b.terminations());
        assertSame(truncations, b.truncations());
        assertEquals(Map.of("k", 1), b.info(0));
        assertEquals(Map.of(), b.info(1));
        assertThrows(IndexOutOfBoundsException.class, () -> b.info(2));
    }

    @Test
    void infosCombineIntoGymnasiumsDictAsForALocalBatch() {
        VectorBatch<float[]> b = VectorBatch.of(new float[3], new double[3], new boolean[3], new boolean[3],
                List.of(Map.of("t", 4), Map.of(), Map.of("t", 9, "nested", Map.of("x", 1.5))));
        Map<String, Object> infos = b.infos();
        assertArrayEquals(new Object[] {4, null, 9}, (Object[]) infos.get("t"));
        assertArrayEquals(new boolean[] {true, false, true}, (boolean[]) infos.get("_t"));
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) infos.get("nested");
        assertArrayEquals(new Object[] {null, null, 1.5}, (Object[]) nested.get("x"));
        assertArrayEquals(new boolean[] {false, false, true}, (boolean[]) infos.get("_nested"));
        VectorBatch<float[]> empty = VectorBatch.of(new float[2], new double[2], new boolean[2], new boolean[2],
                List.of(Map.of(), Map.of()));
        assertTrue(empty.infos().isEmpty());
    }

    @Test
    void mismatchedLengthsAreRefusedWithTheCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VectorBatch.of(new float[2],
                new double[2], new boolean[3], new boolean[2], List.of(Map.of(), Map.of())));
        assertTrue(e.getMessage().contains("3 terminations"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VectorBatch.of(new float[2], new double[2], new boolean[2],
                new boolean[2], List.of(Map.of())));
        e = assertThrows(IllegalArgumentException.class, () -> VectorBatch.of(new float[3], new double[2], new boolean[2],
                new boolean[2], List.of(Map.of(), Map.of())));
        assertTrue(e.getMessage().contains("not a multiple"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VectorBatch.of(new float[0], new double[0], new boolean[0],
                new boolean[0], List.of()));
    }

    @Test
    void nullsAreRefused() {
        List<Map<String, Object>> rows = List.of(Map.of());
        assertThrows(NullPointerException.class, () -> VectorBatch.of(null, new double[1], new boolean[1], new boolean[1], rows));
        assertThrows(NullPointerException.class, () -> VectorBatch.of(new float[1], null, new boolean[1], new boolean[1], rows));
        assertThrows(NullPointerException.class, () -> VectorBatch.of(new float[1], new double[1], new boolean[1], new boolean[1], null));
        NullPointerException e = assertThrows(NullPointerException.class, () -> VectorBatch.of(new float[1], new double[1],
                new boolean[1], new boolean[1], Arrays.asList((Map<String, Object>) null)));
        assertTrue(e.getMessage().contains("row 0"), e.getMessage());
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        assertThrows(NullPointerException.class, () -> VectorBatch.of(new float[1], new double[1], new boolean[1],
                new boolean[1], List.of(nullKey)));
    }
}
