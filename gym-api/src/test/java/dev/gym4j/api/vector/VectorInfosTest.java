package dev.gym4j.api.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gymnasium's vector info dict: per-key arrays, {@code _key} masks, nested dicts. */
class VectorInfosTest {

    @Test
    @SuppressWarnings("unchecked")
    void combinesRowsAsGymnasiumsAddInfoDoes() {
        Map<String, Object>[] rows = VectorBatch.newInfoArray(3);
        rows[0] = Map.of("t", 4);
        rows[1] = Map.of();
        rows[2] = Map.of("t", 7, "detail", Map.of("x", 0.5));
        Map<String, Object> infos = VectorInfos.combine(rows, 3, null);
        assertEquals(List.of("t", "_t", "detail", "_detail"), List.copyOf(infos.keySet()));
        assertArrayEquals(new Object[] {4, null, 7}, (Object[]) infos.get("t"));
        assertArrayEquals(new boolean[] {true, false, true}, (boolean[]) infos.get("_t"));
        Map<String, Object> detail = (Map<String, Object>) infos.get("detail");
        assertArrayEquals(new Object[] {null, null, 0.5}, (Object[]) detail.get("x"));
        assertArrayEquals(new boolean[] {false, false, true}, (boolean[]) detail.get("_x"));
        assertArrayEquals(new boolean[] {false, false, true}, (boolean[]) infos.get("_detail"));
    }

    @Test
    void emptyInfosGiveTheSharedEmptyMap() {
        Map<String, Object>[] rows = VectorBatch.newInfoArray(2);
        rows[0] = Map.of();
        rows[1] = Map.of();
        assertSame(Map.of(), VectorInfos.combine(rows, 2, null));
    }
}
