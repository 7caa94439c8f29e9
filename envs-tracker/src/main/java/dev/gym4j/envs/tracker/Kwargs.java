package dev.gym4j.envs.tracker;

import dev.gym4j.api.InvalidArgumentException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads an env's constructor kwargs the way a Python {@code __init__} would, but strictly: an unknown
 * name or a value of the wrong type is an {@link InvalidArgumentException} that names the kwarg and says
 * what is accepted. A kwarg mapped to null counts as absent (Python's {@code None} default).
 *
 * <p>A private copy of envs-classic's reader, until gym-api has a shared one.
 *
 * <p>Immutable; thread-safe if the wrapped map is not modified.
 */
final class Kwargs {

    private final String owner;
    private final Map<String, ?> values;

    private Kwargs(String owner, Map<String, ?> values) {
        this.owner = owner;
        this.values = values;
    }

    /**
     * @param owner the env class name, for messages
     * @param kwargs the kwargs, possibly null (none)
     * @param accepted every name the env understands
     * @return a reader over {@code kwargs}
     * @throws InvalidArgumentException if {@code kwargs} holds a name not in {@code accepted}
     */
    static Kwargs of(String owner, Map<String, ?> kwargs, String... accepted) {
        Map<String, ?> values = kwargs == null ? Map.of() : kwargs;
        List<String> names = Arrays.asList(accepted);
        for (String key : values.keySet()) {
            if (!names.contains(key)) {
                throw new InvalidArgumentException(owner + " got an unexpected kwarg '" + key
                        + "'; accepted kwargs: " + String.join(", ", names));
            }
        }
        return new Kwargs(owner, values);
    }

    /**
     * @return the {@code render_mode} kwarg, or null; whether the mode is supported is checked by the env
     * @throws InvalidArgumentException if the value is not a String
     */
    String renderMode() {
        Object v = values.get("render_mode");
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new InvalidArgumentException("kwarg 'render_mode' of " + owner
                + " must be null or a String (\"human\" or \"rgb_array\"), got " + describe(v));
    }

    /**
     * @param name the kwarg
     * @param defaultValue the value when absent
     * @return the Boolean value
     * @throws InvalidArgumentException if the value is not a Boolean
     */
    boolean bool(String name, boolean defaultValue) {
        Object v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new InvalidArgumentException("kwarg '" + name + "' of " + owner + " must be a Boolean (true or false), got "
                + describe(v));
    }

    /**
     * @param name the kwarg
     * @param defaultValue the value when absent
     * @return the value as a double (Python's float of an int or float)
     * @throws InvalidArgumentException if the value is not a finite Number
     */
    double finiteNumber(String name, double defaultValue) {
        Object v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new InvalidArgumentException("kwarg '" + name + "' of " + owner + " must be a finite number, got "
                + describe(v));
    }

    /**
     * @param name the kwarg
     * @param defaultValue the value when absent
     * @param choices the accepted values
     * @return the value, one of {@code choices}
     * @throws InvalidArgumentException if the value is not one of {@code choices}
     */
    String choice(String name, String defaultValue, String... choices) {
        Object v = values.get(name);
        return v == null ? defaultValue : requireChoice(owner, name, v, choices);
    }

    /**
     * @param owner the env class name, for messages
     * @param name the kwarg
     * @param value its value
     * @param choices the accepted values
     * @return {@code value}, one of {@code choices}
     * @throws InvalidArgumentException if {@code value} is not one of {@code choices}
     */
    static String requireChoice(String owner, String name, Object value, String... choices) {
        for (String c : choices) {
            if (c.equals(value)) {
                return c;
            }
        }
        throw new InvalidArgumentException("kwarg '" + name + "' of " + owner + " must be one of \""
                + String.join("\", \"", choices) + "\", got " + describe(value));
    }

    /**
     * @param name the kwarg
     * @param defaultValue the value when absent
     * @param min the smallest accepted value
     * @param max the largest accepted value
     * @return the value as an int
     * @throws InvalidArgumentException if the value is not an integral Number in [min, max]
     */
    int integer(String name, int defaultValue, int min, int max) {
        Object v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if ((v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte)
                && ((Number) v).longValue() >= min && ((Number) v).longValue() <= max) {
            return ((Number) v).intValue();
        }
        throw new InvalidArgumentException("kwarg '" + name + "' of " + owner + " must be an integer in [" + min + ", "
                + max + "], got " + describe(v));
    }

    /**
     * @param name the kwarg
     * @param defaultValue the value when absent
     * @param min the smallest accepted value
     * @param max the largest accepted value
     * @return the value as a double
     * @throws InvalidArgumentException if the value is not a Number in [min, max]
     */
    double number(String name, double defaultValue, double min, double max) {
        Object v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max) {
            return n.doubleValue();
        }
        throw new InvalidArgumentException("kwarg '" + name + "' of " + owner + " must be a number in [" + min + ", "
                + max + "], got " + describe(v));
    }

    /**
     * @param name the kwarg
     * @param defaultValue the value when absent
     * @param min the smallest accepted entry
     * @param max the largest accepted entry
     * @return two ints, from a List of two integral Numbers or an int[2]
     * @throws InvalidArgumentException if the value is not a pair of integers in [min, max]
     */
    int[] intPair(String name, int[] defaultValue, int min, int max) {
        Object v = values.get(name);
        if (v == null) {
            return defaultValue.clone();
        }
        Object[] items = v instanceof int[] a ? new Object[] {a.length > 0 ? a[0] : null, a.length > 1 ? a[1] : null, a.length}
                : v instanceof java.util.List<?> l ? new Object[] {l.size() > 0 ? l.get(0) : null, l.size() > 1 ? l.get(1) : null, l.size()}
                : null;
        if (items != null && (Integer) items[2] == 2) {
            int[] out = new int[2];
            boolean ok = true;
            for (int i = 0; i < 2; i++) {
                Object e = items[i];
                if ((e instanceof Integer || e instanceof Long) && ((Number) e).longValue() >= min && ((Number) e).longValue() <= max) {
                    out[i] = ((Number) e).intValue();
                } else {
                    ok = false;
                }
            }
            if (ok) {
                return out;
            }
        }
        throw new InvalidArgumentException("kwarg '" + name + "' of " + owner + " must be two integers in [" + min + ", "
                + max + "] such as [160, 120], got " + (v instanceof int[] a ? java.util.Arrays.toString(a) : describe(v)));
    }

    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        String text = v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
        return text + " (" + v.getClass().getSimpleName() + ")";
    }
}
