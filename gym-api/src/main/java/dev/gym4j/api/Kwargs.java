package dev.gym4j.api;

import dev.gym4j.Gym;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an env's constructor kwargs (the {@code Map} that {@code Gym.make(id, kwargs)} passes on) the way a
 * Python {@code __init__} would, but strictly: a value of the wrong type or out of range, or a name the env
 * does not know, is an {@link InvalidArgumentException} that names the kwarg, the env and what is expected.
 *
 * <p>Use: make a reader, read every kwarg the env understands (each read names one, with its default), then
 * call {@link #rejectUnknown()}, which refuses any name that was not read and lists the accepted ones:
 *
 * <pre>{@code
 * Kwargs k = Kwargs.of("CartPoleEnv", kwargs);
 * CartPoleEnv env = new CartPoleEnv(k.renderMode(), k.bool("sutton_barto_reward", false));
 * k.rejectUnknown();
 * }</pre>
 *
 * <p>A kwarg mapped to null counts as absent (Python's {@code None} default). Messages have one form:
 * {@code kwarg 'NAME' of OWNER must be EXPECTED, got VALUE (TYPE)}.
 *
 * <p>Thread safety: not thread-safe (it records the names read); use one reader per construction.
 */
public final class Kwargs {

    /** The kwarg every rendering env reads: Gymnasium's {@code render_mode}. */
    public static final String RENDER_MODE = "render_mode";

    private final String owner;
    private final Map<String, ?> values;
    private final Set<String> read = new LinkedHashSet<>();

    private Kwargs(String owner, Map<String, ?> values) {
        this.owner = owner;
        this.values = values;
    }

    /**
     * @param owner the env's name (its class or id), for messages; not null
     * @param kwargs the kwargs, possibly null (none); not copied, so not modified while reading
     * @return a reader over {@code kwargs}
     */
    public static Kwargs of(String owner, Map<String, ?> kwargs) {
        if (owner == null) {
            throw new InvalidArgumentException("Kwargs.of needs the owner's name for its messages, got null");
        }
        return new Kwargs(owner, kwargs == null ? Map.of() : kwargs);
    }

    /**
     * @return the {@code render_mode} kwarg, or null; whether the mode is supported is for the env to check
     * @throws InvalidArgumentException if the value is not a String
     */
    public String renderMode() {
        Object v = get(RENDER_MODE);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw bad(RENDER_MODE, "null or a String (\"human\" or \"rgb_array\")", v);
    }

    /**
     * @param name the kwarg
     * @param defaultValue the value when absent
     * @return the Boolean value
     * @throws InvalidArgumentException if the value is not a Boolean
     */
    public boolean bool(String name, boolean defaultValue) {
        Object v = get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw bad(name, "a Boolean (true or false)", v);
    }

    /**
     * @param name the kwarg
     * @param defaultValue the value when absent
     * @return the value as a double (Python's float of an int or a float)
     * @throws InvalidArgumentException if the value is not a finite Number
     */
    public double finiteNumber(String name, double defaultValue) {
        Object v = get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw bad(name, "a finite number", v);
    }

    /**
     * @param name the kwarg
     * @param defaultValue the value when absent
     * @return the value as a double; an infinity is allowed
     * @throws InvalidArgumentException if the value is not a Number, or is NaN
     */
    public double number(String name, double defaultValue) {
        Object v = get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n && !Double.isNaN(n.doubleValue())) {
            return n.doubleValue();
        }
        throw bad(name, "a number (not NaN)", v);
    }

    /**
     * @param name the kwarg
     * @param defaultValue the value when absent
     * @return the value as a double, at least 0 (positive infinity is allowed)
     * @throws InvalidArgumentException if the value is not a Number, is NaN, or is negative
     */
    public double nonNegative(String name, double defaultValue) {
        Object v = get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n && n.doubleValue() >= 0) {
            return n.doubleValue();
        }
        throw bad(name, "a number >= 0", v);
    }

    /**
     * @param name the kwarg
     * @param defaultValue the value when absent
     * @param min the smallest accepted value
     * @param max the largest accepted value
     * @return the value, in {@code [min, max]}
     * @throws InvalidArgumentException if the value is not an integral Number ({@code Integer}, {@code Long},
     *     {@code Short} or {@code Byte}) in {@code [min, max]}
     */
    public int intInRange(String name, int defaultValue, int min, int max) {
        Object v = get(name);
        if (v == null) {
            return defaultValue;
        }
        if ((v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte)
                && ((Number) v).longValue() >= min && ((Number) v).longValue() <= max) {
            return ((Number) v).intValue();
        }
        throw bad(name, "an integer in [" + min + ", " + max + "]", v);
    }

    /**
     * A {@code (low, high)} pair, given as a {@code double[2]} or a list of two numbers; infinities allowed.
     *
     * @param name the kwarg
     * @param low the default low end
     * @param high the default high end
     * @return a new {@code {low, high}} array
     * @throws InvalidArgumentException if the value is not such a pair with {@code low <= high}
     */
    public double[] range(String name, double low, double high) {
        Object v = get(name);
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
            throw bad(name, "a (low, high) pair (a double[2] or a list of two numbers) with low <= high", v);
        }
        return r;
    }

    /**
     * @param name the kwarg
     * @param defaultValue the value when absent
     * @param choices the accepted values
     * @return the value, one of {@code choices}
     * @throws InvalidArgumentException if the value is not one of {@code choices}
     */
    public String choice(String name, String defaultValue, String... choices) {
        Object v = get(name);
        return v == null ? defaultValue : requireChoice(owner, name, v, choices);
    }

    /**
     * Refuses every kwarg that no read so far has named. Call it once, after reading all the env's kwargs.
     *
     * @throws InvalidArgumentException naming the first unknown kwarg and listing the accepted ones
     */
    public void rejectUnknown() {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw new InvalidArgumentException(owner + " got an unexpected kwarg '" + key
                        + "'; accepted kwargs: " + String.join(", ", read));
            }
        }
    }

    /**
     * Checks a value that a constructor takes directly (not through a reader) against a fixed set.
     *
     * @param owner the env's name, for the message
     * @param name the kwarg
     * @param value its value
     * @param choices the accepted values
     * @return {@code value}, one of {@code choices}
     * @throws InvalidArgumentException if {@code value} is not one of {@code choices}
     */
    public static String requireChoice(String owner, String name, Object value, String... choices) {
        for (String c : choices) {
            if (c.equals(value)) {
                return c;
            }
        }
        throw new InvalidArgumentException("kwarg '" + name + "' of " + owner + " must be one of \""
                + String.join("\", \"", choices) + "\", got " + describe(value));
    }

    /**
     * @param value any value, possibly null
     * @return the value for an error message: quoted if a String, followed by its simple class name
     */
    public static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        return text + " (" + value.getClass().getSimpleName() + ")";
    }

    private Object get(String name) {
        read.add(name);
        return values.get(name);
    }

    private InvalidArgumentException bad(String name, String expected, Object value) {
        return new InvalidArgumentException("kwarg '" + name + "' of " + owner + " must be " + expected + ", got "
                + describe(value));
    }
}
