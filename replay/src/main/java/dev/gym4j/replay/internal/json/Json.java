package dev.gym4j.replay.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * <p>Parsing and the text of strings are Jackson's (standard JSON, with {@code NaN} and the infinities
 * allowed, nesting limited to {@value #MAX_DEPTH} levels); numbers are written here, as Python writes them.
 *
 * <p>Thread-safe: stateless.
 */
public final class Json {

    /** Deeper nesting than this is refused rather than risking a StackOverflowError. */
    static final int MAX_DEPTH = 512;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

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
        try {
            try (JsonParser p = FACTORY.createParser(text)) {
                JsonToken first = p.nextToken();
                if (first == null) {
                    throw new JsonException("Invalid JSON at line 1, column " + (text.length() + 1)
                            + ": unexpected end of input, expected a value");
                }
                Object value = read(p, first);
                if (p.nextToken() != null) {
                    throw new JsonParseException(p, "unexpected text after the JSON value");
                }
                return value;
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            throw new JsonException("Invalid JSON at line " + line + ", column " + column + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does no I/O
        }
    }

    private static Object read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    map.put(key, read(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(read(p, e));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue()
                        : (Object) p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new JsonParseException(p, "unexpected " + t);
        }
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
        java.io.StringWriter sw = new java.io.StringWriter();
        write(value, sw);
        return sw.toString();
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
        Writer writer = out instanceof Writer w ? w : new AppendableWriter(out);
        try (JsonGenerator gen = FACTORY.createGenerator(writer)) {
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            writeValue(value, gen);
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

    private static void writeValue(Object value, JsonGenerator gen) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else if (value instanceof CharSequence || value instanceof Character) {
            gen.writeString(value.toString());
        } else if (value instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (value instanceof Double || value instanceof Float) {
            gen.writeNumber(FloatRepr.repr(((Number) value).doubleValue()));
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            gen.writeNumber(value.toString());
        } else if (value instanceof BigDecimal big) {
            gen.writeNumber(big.toString());
        } else if (value instanceof Number number) {
            gen.writeNumber(FloatRepr.repr(number.doubleValue()));
        } else if (value instanceof Map<?, ?> map) {
            gen.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getKey() == null) {
                    throw new JsonException("Cannot write a null key as JSON");
                }
                gen.writeFieldName(entry.getKey().toString());
                writeValue(entry.getValue(), gen);
            }
            gen.writeEndObject();
        } else if (value instanceof Iterable<?> iterable) {
            gen.writeStartArray();
            for (Object element : iterable) {
                writeValue(element, gen);
            }
            gen.writeEndArray();
        } else if (value.getClass().isArray()) {
            gen.writeStartArray();
            int n = Array.getLength(value);
            for (int i = 0; i < n; i++) {
                if (value instanceof byte[] bytes) {
                    gen.writeNumber(bytes[i]);
                } else {
                    writeValue(Array.get(value, i), gen);
                }
            }
            gen.writeEndArray();
        } else if (value instanceof Enum<?> e) {
            gen.writeString(e.name());
        } else {
            throw new JsonException("Cannot write a " + value.getClass().getName() + " as JSON: expected a map, "
                    + "iterable, array, string, boolean, number or null");
        }
    }

    /** A Writer over an Appendable that is not one (a StringBuilder, say). */
    private static final class AppendableWriter extends Writer {
        private final Appendable out;

        AppendableWriter(Appendable out) {
            this.out = out;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            out.append(java.nio.CharBuffer.wrap(buf, off, len));
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            out.append(str, off, off + len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
