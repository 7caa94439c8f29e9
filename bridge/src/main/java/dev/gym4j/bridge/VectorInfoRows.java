package dev.gym4j.bridge;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits Gymnasium's vector info dict (per key, an array over sub-envs and a {@code _key} mask), the
 * form vector infos travel in, back into one info map per sub-env, the form {@code VectorBatch} keeps.
 *
 * <p>A key is a sub-env key when the dict also holds {@code "_" + key}; row {@code i} gets the key when
 * the mask's element {@code i} is true. Nested dicts become nested maps. Top-level entries without a
 * mask (added by a wrapper to the whole batch) belong to no row and are dropped.
 *
 * <p>Thread-safe (stateless).
 */
final class VectorInfoRows {

    private VectorInfoRows() {
    }

    /**
     * @param infos the decoded vector info dict
     * @param rows the number of sub-envs
     * @return one mutable-free info map per row, {@code Map.of()} for a row without entries
     * @throws ProtocolException if a value or mask does not have one element per row
     */
    static List<Map<String, Object>> split(Map<String, Object> infos, int rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows);
        if (infos.isEmpty()) {
            for (int i = 0; i < rows; i++) {
                out.add(Map.of());
            }
            return out;
        }
        List<Map<String, Object>> building = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            building.add(new LinkedHashMap<>());
        }
        fill(infos, rows, building, "infos");
        for (Map<String, Object> row : building) {
            out.add(row.isEmpty() ? Map.of() : row);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void fill(Map<String, Object> dict, int rows, List<Map<String, Object>> target, String path) {
        for (Map.Entry<String, Object> e : dict.entrySet()) {
            String key = e.getKey();
            if (!dict.containsKey("_" + key)) {
                continue; // a mask, or a batch-wide entry of no row
            }
            boolean[] mask = mask(dict.get("_" + key), rows, path + "._" + key);
            Object value = e.getValue();
            if (value instanceof Map<?, ?> nested) {
                List<Map<String, Object>> sub = new ArrayList<>(rows);
                for (int i = 0; i < rows; i++) {
                    sub.add(new LinkedHashMap<>());
                }
                fill((Map<String, Object>) nested, rows, sub, path + "." + key);
                for (int i = 0; i < rows; i++) {
                    if (mask[i]) {
                        target.get(i).put(key, sub.get(i));
                    }
                }
                continue;
            }
            for (int i = 0; i < rows; i++) {
                if (mask[i]) {
                    target.get(i).put(key, element(value, i, rows, path + "." + key));
                }
            }
        }
    }

    private static boolean[] mask(Object m, int rows, String path) {
        if (m instanceof boolean[] b && b.length == rows) {
            return b;
        }
        if (m instanceof List<?> l && l.size() == rows) {
            boolean[] b = new boolean[rows];
            for (int i = 0; i < rows; i++) {
                if (!(l.get(i) instanceof Boolean z)) {
                    throw new ProtocolException("the vector info mask " + path + " holds " + l.get(i) + ", not a bool");
                }
                b[i] = z;
            }
            return b;
        }
        throw new ProtocolException("the vector info mask " + path + " is not " + rows + " bools: " + m);
    }

    private static Object element(Object values, int row, int rows, String path) {
        if (values instanceof List<?> l && l.size() == rows) {
            return l.get(row);
        }
        if (values != null && values.getClass().isArray() && Array.getLength(values) == rows) {
            return Array.get(values, row);
        }
        throw new ProtocolException("the vector info " + path + " does not have one value per sub-env (" + rows + ")");
    }
}
