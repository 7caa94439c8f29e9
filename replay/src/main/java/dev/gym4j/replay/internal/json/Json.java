package dev.gym4j.replay.internal.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Reads and writes JSON with the conventions of Python's {@code json} module, which wrote the reference
 * data gym4j is checked against.
 *
 * <p>Reading gives {@code Map<String, Object>} (a {@code LinkedHashMap}, keys in file order),
 * {@code List<Object>}, {@code String}, {@code Boolean}, {@code null}, and numbers as {@code Long} when the
 * token has no fraction or exponent and fits, {@code BigInteger} when it has none but does not fit, and
 * {@code Double} otherwise. The non-standard tokens {@code NaN}, {@code Infinity} and {@code -Infinity}
 * are accepted, as Python accepts them.
 *
 * <p>Writing is compact (no spaces) and accepts maps, iterables, arrays (primitive or not), strings,
 * characters, enums (by name), booleans, null and numbers. A {@code double} is written as Python's
 * {@code repr} writes it, the shortest text that parses back to the same value ({@code 1.0}, {@code 1e-05});
 * a {@code float} is widened to {@code double} first, so a float32 observation is written as NumPy's
 * {@code float(x)} would be.
 *
 * <p>Thread-safe: stateless.
 */
public final class Json {

    private Json() {
    }

    /**
     * Parses one JSON value that makes up the whole text (surrounding white space allowed).
     *
     * @param text the JSON text
     * @return the value, as described in the class comment
     * @throws JsonException with the offending position if the text is not one JSON value
     */
    public static Object parse(String text) {
        return new JsonParser(text).parseDocument();
    }

    /**
     * Parses a JSON object.
     *
     * @param text the JSON text
     * @return the object
     * @throws JsonException if the text is not valid JSON or not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new JsonException("Expected a JSON object, got " + typeName(value));
        }
        return (Map<String, Object>) value;
    }

    /**
     * @param value a value made of the types listed in the class comment
     * @return its compact JSON text
     * @throws JsonException if some part of the value has no JSON form
     */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb);
        return sb.toString();
    }

    /**
     * Appends the compact JSON text of {@code value}.
     *
     * @param value a value made of the types listed in the class comment
     * @param out where to append
     * @throws JsonException if some part of the value has no JSON form
     * @throws UncheckedIOException if {@code out} fails
     */
    public static void write(Object value, Appendable out) {
        try {
            writeValue(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param d any double
     * @return its JSON text as Python writes it: the shortest round-trip repr, {@code NaN},
     *     {@code Infinity} or {@code -Infinity}
     */
    public static String formatDouble(double d) {
        return FloatRepr.repr(d);
    }

    /**
     * @param value a parsed JSON value or null
     * @return a short name of its JSON type for error messages ({@code object}, {@code array}, ...)
     */
    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof Map) {
            return "object";
        } else if (value instanceof Iterable || value.getClass().isArray()) {
            return "array";
        } else if (value instanceof CharSequence) {
            return "string";
        } else if (value instanceof Boolean) {
            return "boolean";
        } else if (value instanceof Number) {
            return "number";
        }
        return value.getClass().getSimpleName();
    }

    private static void writeValue(Object value, Appendable out) throws IOException {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence || value instanceof Character) {
            writeString(value.toString(), out);
        } else if (value instanceof Boolean) {
            out.append(value.toString());
        } else if (value instanceof Double || value instanceof Float) {
            out.append(FloatRepr.repr(((Number) value).doubleValue()));
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            out.append(value.toString());
        } else if (value instanceof BigDecimal big) {
            out.append(big.toString());
        } else if (value instanceof Number number) {
            out.append(FloatRepr.repr(number.doubleValue()));
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, out);
        } else if (value instanceof Iterable<?> iterable) {
            out.append('[');
            boolean first = true;
            for (Object element : iterable) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeValue(element, out);
            }
            out.append(']');
        } else if (value.getClass().isArray()) {
            writeArray(value, out);
        } else if (value instanceof Enum<?> e) {
            writeString(e.name(), out);
        } else {
            throw new JsonException("Cannot write a " + value.getClass().getName() + " as JSON: expected a map, "
                    + "iterable, array, string, boolean, number or null");
        }
    }

    private static void writeObject(Map<?, ?> map, Appendable out) throws IOException {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            if (entry.getKey() == null) {
                throw new JsonException("Cannot write a null key as JSON");
            }
            writeString(entry.getKey().toString(), out);
            out.append(':');
            writeValue(entry.getValue(), out);
        }
        out.append('}');
    }

    private static void writeArray(Object array, Appendable out) throws IOException {
        out.append('[');
        int n = Array.getLength(array);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (array instanceof byte[] bytes) {
                out.append(Integer.toString(bytes[i]));
            } else {
                writeValue(Array.get(array, i), out);
            }
        }
        out.append(']');
    }

    private static void writeString(String s, Appendable out) throws IOException {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !validSurrogateAt(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean validSurrogateAt(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
