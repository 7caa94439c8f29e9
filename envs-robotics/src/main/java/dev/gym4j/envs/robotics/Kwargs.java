package dev.gym4j.envs.robotics;

import dev.gym4j.api.InvalidArgumentException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an env's keyword arguments with Gymnasium's names, checks their types and ranges, and refuses
 * names the env does not know. Not thread-safe; used during construction only.
 */
final class Kwargs {

    static final String RENDER_MODE = "render_mode";

    private final String envName;
    private final Map<String, ?> values;
    private final Set<String> read = new HashSet<>();

    Kwargs(String envName, Map<String, ?> values) {
        this.envName = envName;
        this.values = values == null ? Map.of() : values;
    }

    String renderMode() {
        read.add(RENDER_MODE);
        Object v = values.get(RENDER_MODE);
        if (v != null && !(v instanceof String)) {
            throw new InvalidArgumentException(envName + ": render_mode must be a string, got " + v);
        }
        return (String) v;
    }

    double number(String name, double fallback) {
        read.add(name);
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || Double.isNaN(n.doubleValue())) {
            throw new InvalidArgumentException(envName + ": " + name + " must be a number, got " + v);
        }
        return n.doubleValue();
    }

    double nonNegative(String name, double fallback) {
        double v = number(name, fallback);
        if (v < 0) {
            throw new InvalidArgumentException(envName + ": " + name + " must be >= 0, got " + v);
        }
        return v;
    }

    int positiveInt(String name, int fallback) {
        read.add(name);
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Integer || v instanceof Long || v instanceof Short) || ((Number) v).longValue() < 1
                || ((Number) v).longValue() > 1000) {
            throw new InvalidArgumentException(envName + ": " + name + " must be an integer in [1, 1000], got " + v);
        }
        return ((Number) v).intValue();
    }

    boolean bool(String name, boolean fallback) {
        read.add(name);
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw new InvalidArgumentException(envName + ": " + name + " must be a boolean, got " + v);
        }
        return b;
    }

    /** A {@code (low, high)} pair given as a {@code double[2]} or a list of two numbers; infinities allowed. */
    double[] range(String name, double low, double high) {
        read.add(name);
        Object v = values.get(name);
        if (v == null) {
            return new double[] {low, high};
        }
        double[] r = null;
        if (v instanceof double[] d && d.length == 2) {
            r = d.clone();
        } else if (v instanceof List<?> l && l.size() == 2 && l.get(0) instanceof Number a && l.get(1) instanceof Number b) {
            r = new double[] {a.doubleValue(), b.doubleValue()};
        }
        if (r == null || !(r[0] <= r[1])) {
            throw new InvalidArgumentException(envName + ": " + name + " must be a (low, high) pair with low <= high, got " + v);
        }
        return r;
    }

    /** @throws InvalidArgumentException naming every kwarg that was not read */
    void rejectUnknown() {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw new InvalidArgumentException(envName + " got an unexpected keyword argument '" + key + "'; it accepts " + read);
            }
        }
    }
}
