package dev.gym4j.api.testenvs;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON test resources with Jackson (objects as {@code LinkedHashMap}s, arrays as lists, integers as
 * {@code Long} or, past 64 bits, {@code BigInteger}, other numbers as {@code Double}, and Python's
 * {@code NaN} / {@code Infinity}), and the typed accessors the tests share.
 */
public final class JsonFixtures {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private JsonFixtures() {
    }

    /**
     * @param owner a class next to the resource
     * @param name the resource name, relative to the class or absolute ({@code /gymref/...})
     * @return the parsed resource
     */
    public static Object resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name + " next to " + owner.getName());
            }
            return widenInts(MAPPER.readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson reads small integers as {@code Integer}: make every integer that fits a {@code Long}. */
    private static Object widenInts(Object value) {
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, widenInts(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(widenInts(v)));
            return out;
        }
        return value;
    }

    /** @return the JSON object */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> obj(Object value) {
        return (Map<String, Object>) value;
    }

    /** @return the JSON array */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    /** @return the JSON integer, which must fit a long */
    public static long longValue(Object value) {
        return (Long) value;
    }

    /** @return the JSON number as a double */
    public static double doubleValue(Object value) {
        return ((Number) value).doubleValue();
    }

    /** @return the JSON list of integers as longs */
    public static long[] longs(Object value) {
        return list(value).stream().mapToLong(JsonFixtures::longValue).toArray();
    }

    /** @return the JSON list of numbers as doubles */
    public static double[] doubles(Object value) {
        return list(value).stream().mapToDouble(JsonFixtures::doubleValue).toArray();
    }

    /** @return the JSON list of numbers as floats (each a float32 widened to float64 in the file) */
    public static float[] floats(Object list) {
        double[] d = doubles(list);
        float[] out = new float[d.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    /**
     * @param value a parsed JSON value
     * @return a copy with every integer as a {@code BigInteger}, for files holding unsigned 64-bit values
     */
    public static Object bigIntegers(Object value) {
        if (value instanceof Long l) {
            return BigInteger.valueOf(l);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put((String) e.getKey(), bigIntegers(e.getValue()));
            }
            return out;
        }
        if (value instanceof List<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            for (Object item : items) {
                out.add(bigIntegers(item));
            }
            return out;
        }
        return value;
    }
}
