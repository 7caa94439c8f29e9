package dev.gym4j.testkit;

import java.util.Map;

/** Finds non-finite numbers inside observation values of any space. Stateless. */
final class Finite {

    private Finite() {
    }

    /**
     * @param value a space value: a primitive array, a boxed number, a list (Tuple) or a map (Dict)
     * @return null when every number in it is finite, else a description of the first that is not
     */
    static String firstNonFinite(Object value) {
        if (value instanceof float[] a) {
            for (int i = 0; i < a.length; i++) {
                if (!Float.isFinite(a[i])) {
                    return "element " + i + " is " + a[i];
                }
            }
        } else if (value instanceof double[] a) {
            for (int i = 0; i < a.length; i++) {
                if (!Double.isFinite(a[i])) {
                    return "element " + i + " is " + a[i];
                }
            }
        } else if (value instanceof Double d && !Double.isFinite(d)) {
            return "value is " + d;
        } else if (value instanceof Float f && !Float.isFinite(f)) {
            return "value is " + f;
        } else if (value instanceof Iterable<?> list) {
            int i = 0;
            for (Object element : list) {
                String why = firstNonFinite(element);
                if (why != null) {
                    return "[" + i + "]: " + why;
                }
                i++;
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String why = firstNonFinite(e.getValue());
                if (why != null) {
                    return "[" + e.getKey() + "]: " + why;
                }
            }
        }
        return null;
    }
}
