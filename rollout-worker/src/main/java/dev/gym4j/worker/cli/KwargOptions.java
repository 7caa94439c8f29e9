package dev.gym4j.worker.cli;

import dev.gym4j.Gym;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns repeated {@code --kwarg NAME=VALUE} options into the kwargs map of {@code Gym.make}. A value reads as
 * {@code true} / {@code false} (Boolean), {@code null}, an integer (Integer, or Long when it does not fit), a
 * decimal number (Double), a list {@code [a,b,...]} of such values, or else as the text itself (String).
 *
 * <p>Stateless and thread-safe.
 */
final class KwargOptions {

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?|[-+]?(inf|nan)");

    private KwargOptions() {
    }

    /**
     * @param options the {@code NAME=VALUE} texts, possibly null (none)
     * @return the kwargs, in the order given
     * @throws CliException if an option has no {@code =} or an empty name, or a name is given twice
     */
    static Map<String, Object> parse(List<String> options) {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        if (options == null) {
            return kwargs;
        }
        for (String option : options) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new CliException("--kwarg expects NAME=VALUE (such as observation=state), got '" + option + "'");
            }
            String name = option.substring(0, eq).trim();
            if (kwargs.containsKey(name)) {
                throw new CliException("--kwarg " + name + " is given twice");
            }
            kwargs.put(name, value(option.substring(eq + 1).trim()));
        }
        return kwargs;
    }

    private static Object value(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (text.equals("null")) {
            return null;
        }
        if (INTEGER.matcher(text).matches()) {
            try {
                long v = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
                return v == (int) v ? (Object) (int) v : (Object) v;
            } catch (NumberFormatException e) {
                return text;
            }
        }
        if (DECIMAL.matcher(text).matches()) {
            return text.endsWith("inf") ? (text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                    : text.endsWith("nan") ? Double.NaN : Double.parseDouble(text);
        }
        if (text.startsWith("[") && text.endsWith("]")) {
            List<Object> items = new ArrayList<>();
            String inner = text.substring(1, text.length() - 1).trim();
            if (!inner.isEmpty()) {
                for (String item : inner.split(",")) {
                    items.add(value(item.trim()));
                }
            }
            return items;
        }
        return text;
    }
}
