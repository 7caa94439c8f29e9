package dev.gym4j.envs.classic;

import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.Kwargs;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses reset {@code options} as Gymnasium's classic-control envs do: a present key is converted with
 * Python's {@code float()}, a missing key keeps its default, keys an env does not know are ignored (as in
 * Gymnasium), and {@code low > high} is refused.
 *
 * <p>Stateless and thread-safe.
 */
final class ResetOptions {

    /** Python's float() literal syntax: digits may be grouped with single underscores; inf, infinity, nan. */
    private static final String DIGITS = "\\d(?:_?\\d)*";
    private static final Pattern PY_FLOAT = Pattern.compile(
            "[+-]?(?:(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\." + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?"
                    + "|(?i:inf|infinity|nan))");

    private ResetOptions() {
    }

    /**
     * Gymnasium's {@code maybe_parse_reset_bounds}: the bounds of the uniform reset distribution.
     *
     * @param options the reset options, never null (empty when none were given)
     * @param defaultLow the lower bound when {@code low} is absent
     * @param defaultHigh the upper bound when {@code high} is absent
     * @return {@code {low, high}}
     * @throws InvalidArgumentException if a bound cannot be converted to a float, {@code low > high}, or
     *     {@code high - low} is not a finite non-negative number (NumPy's uniform would raise)
     */
    static double[] bounds(Map<String, ?> options, double defaultLow, double defaultHigh) {
        double low = number(options, "low", defaultLow);
        double high = number(options, "high", defaultHigh);
        if (low > high) {
            throw new InvalidArgumentException("reset option 'low' (" + low + ") must not be greater than 'high' ("
                    + high + ")");
        }
        requireFiniteRange(low, high, "reset options 'low' and 'high'");
        return new double[] {low, high};
    }

    /**
     * @param options the reset options
     * @param name an option name
     * @param defaultValue the value when {@code name} is absent
     * @return the option converted as Python's {@code float()} would, or the default
     * @throws InvalidArgumentException if the option is present but not convertible
     */
    static double number(Map<String, ?> options, String name, double defaultValue) {
        if (!options.containsKey(name)) {
            return defaultValue;
        }
        return toFloat(options.get(name), name);
    }

    /**
     * Checks what NumPy's {@code uniform} checks: {@code high - low} must be finite ({@code OverflowError})
     * and non-negative, where {@code -0.0} counts as negative ({@code ValueError}).
     *
     * @param low a lower bound
     * @param high an upper bound
     * @param what what the bounds came from, for the message
     * @throws InvalidArgumentException if {@code high - low} is infinite, NaN or negative
     */
    static void requireFiniteRange(double low, double high, String what) {
        double range = high - low;
        if (!Double.isFinite(range) || range < 0 || Double.doubleToRawLongBits(range) == Long.MIN_VALUE) {
            throw new InvalidArgumentException(what + " give the range " + high + " - " + low + " = " + range
                    + ", which is not finite and non-negative; use finite bounds with low <= high");
        }
    }

    /**
     * Python's {@code float(value)} for the values a Java caller can pass: numbers, booleans and strings in
     * Python's float syntax (surrounding whitespace allowed).
     *
     * @param value the option value
     * @param name the option name, for the message
     * @return the double
     * @throws InvalidArgumentException if Python's {@code float()} would reject the value
     */
    static double toFloat(Object value, String name) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (value instanceof String s) {
            String t = s.strip();
            if (PY_FLOAT.matcher(t).matches()) {
                String lower = t.toLowerCase(java.util.Locale.ROOT);
                if (lower.endsWith("nan")) {
                    return Double.NaN;
                }
                if (lower.endsWith("inf") || lower.endsWith("infinity")) {
                    return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                }
                return Double.parseDouble(t.replace("_", ""));
            }
        }
        throw new InvalidArgumentException("reset option '" + name + "' could not be converted to a float: got "
                + Kwargs.describe(value) + "; expected a number or a numeric string");
    }
}
