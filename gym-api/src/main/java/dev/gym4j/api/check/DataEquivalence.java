package dev.gym4j.api.check;

import java.lang.reflect.Array;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Gymnasium's {@code data_equivalence}: deep comparison of observations, rewards and info values, exact
 * or with NumPy's {@code allclose} tolerance ({@code rtol = atol = 1e-5}). NaN equals NaN here, so a
 * NaN that is reproduced counts as reproduced.
 */
final class DataEquivalence {

    private static final double TOLERANCE = 1e-5;

    private DataEquivalence() {
    }

    static boolean equivalent(Object a, Object b, boolean exact) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.getClass() != b.getClass()) {
            return false;
        }
        if (a instanceof Map<?, ?> ma) {
            Map<?, ?> mb = (Map<?, ?>) b;
            if (!ma.keySet().equals(mb.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!equivalent(e.getValue(), mb.get(e.getKey()), exact)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> la) {
            List<?> lb = (List<?>) b;
            if (la.size() != lb.size()) {
                return false;
            }
            Iterator<?> ib = lb.iterator();
            for (Object x : la) {
                if (!equivalent(x, ib.next(), exact)) {
                    return false;
                }
            }
            return true;
        }
        if (a.getClass().isArray()) {
            return arraysEquivalent(a, b, exact);
        }
        if (a instanceof Double || a instanceof Float) {
            return close(((Number) a).doubleValue(), ((Number) b).doubleValue(), exact);
        }
        return a.equals(b);
    }

    private static boolean arraysEquivalent(Object a, Object b, boolean exact) {
        int n = Array.getLength(a);
        if (n != Array.getLength(b)) {
            return false;
        }
        boolean floating = a instanceof float[] || a instanceof double[];
        for (int i = 0; i < n; i++) {
            Object x = Array.get(a, i);
            Object y = Array.get(b, i);
            boolean same = floating ? close(((Number) x).doubleValue(), ((Number) y).doubleValue(), exact) : equivalent(x, y, exact);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static boolean close(double x, double y, boolean exact) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.isNaN(x) && Double.isNaN(y);
        }
        if (x == y) {
            return true;
        }
        return !exact && Math.abs(x - y) <= TOLERANCE + TOLERANCE * Math.abs(y);
    }
}
