package dev.gym4j.api.vector;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds Gymnasium's vector info dict (per-key arrays and {@code _key} masks) from per-row infos. */
final class VectorInfos {

    private VectorInfos() {
    }

    /**
     * @param rowInfos one info map per row
     * @param rows the number of rows used
     * @param extra top-level entries added by wrappers, or null
     * @return the combined dict; {@code Map.of()} when every row's info is empty and there are no extras
     */
    static Map<String, Object> combine(Map<String, Object>[] rowInfos, int rows, Map<String, Object> extra) {
        boolean any = extra != null;
        for (int i = 0; i < rows && !any; i++) {
            any = !rowInfos[i].isEmpty();
        }
        if (!any) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < rows; i++) {
            add(out, rowInfos[i], i, rows);
        }
        if (extra != null) {
            out.putAll(extra);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> out, Map<String, ?> info, int row, int rows) {
        for (Map.Entry<String, ?> e : info.entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            if (value instanceof Map<?, ?> nested) {
                Map<String, Object> sub = (Map<String, Object>) out.computeIfAbsent(key, k -> new LinkedHashMap<>());
                add(sub, (Map<String, ?>) nested, row, rows);
            } else {
                Object[] values = (Object[]) out.computeIfAbsent(key, k -> new Object[rows]);
                values[row] = value;
            }
            boolean[] mask = (boolean[]) out.computeIfAbsent("_" + key, k -> new boolean[rows]);
            mask[row] = true;
        }
    }
}
