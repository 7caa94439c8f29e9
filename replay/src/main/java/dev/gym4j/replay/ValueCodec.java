package dev.gym4j.replay;

import dev.gym4j.replay.internal.json.GymJson;
import dev.gym4j.replay.internal.json.Json;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.DictSpace;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.spaces.TupleSpace;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between parsed JSON values and the Java values of a space. Stateless. */
final class ValueCodec {

    private ValueCodec() {
    }

    /**
     * @return the Java value of {@code space} that {@code json} denotes: an {@code Integer} for a
     *     Discrete, a primitive array of the dtype for array spaces, a list or map for composites
     * @throws IllegalArgumentException naming the space if {@code json} does not fit it
     */
    static Object fromJson(Space<?> space, Object json) {
        if (space instanceof Discrete) {
            if (json instanceof Boolean) {
                throw mismatch(space, json); // Gymnasium's Discrete holds integers: true is not an action
            }
            return Math.toIntExact(integral(json, space));
        }
        if (space instanceof TupleSpace tuple) {
            List<Space<?>> spaces = List.copyOf(tuple.spaces());
            if (!(json instanceof List<?> list) || list.size() != spaces.size()) {
                throw mismatch(space, json);
            }
            List<Object> out = new ArrayList<>(spaces.size());
            for (int i = 0; i < spaces.size(); i++) {
                out.add(fromJson(spaces.get(i), list.get(i)));
            }
            return List.copyOf(out);
        }
        if (space instanceof DictSpace dict) {
            if (!(json instanceof Map<?, ?> map)) {
                throw mismatch(space, json);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, ? extends Space<?>> e : dict.spaces().entrySet()) {
                if (!map.containsKey(e.getKey())) {
                    throw new IllegalArgumentException("missing key '" + e.getKey() + "' for " + space);
                }
                out.put(e.getKey(), fromJson(e.getValue(), map.get(e.getKey())));
            }
            return out;
        }
        return array(space, flatten(json, new ArrayList<>()));
    }

    /**
     * @return the JSON form of a value of {@code space}: numbers (float32 widened exactly to double),
     *     nested lists by the space's shape, lists and objects for composites
     */
    static Object toJson(Space<?> space, Object value) {
        if (space instanceof TupleSpace tuple) {
            List<Space<?>> spaces = List.copyOf(tuple.spaces());
            List<?> values = (List<?>) value;
            List<Object> out = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                out.add(toJson(spaces.get(i), values.get(i)));
            }
            return out;
        }
        if (space instanceof DictSpace dict) {
            Map<?, ?> values = (Map<?, ?>) value;
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, ? extends Space<?>> e : dict.spaces().entrySet()) {
                out.put(e.getKey(), toJson(e.getValue(), values.get(e.getKey())));
            }
            return out;
        }
        if (value instanceof Number number) {
            return value instanceof Double || value instanceof Float ? (Object) number.doubleValue() : (Object) number.longValue();
        }
        List<Object> flat = new ArrayList<>();
        if (value instanceof float[] a) {
            for (float x : a) {
                flat.add((double) x);
            }
        } else if (value instanceof double[] a) {
            for (double x : a) {
                flat.add(x);
            }
        } else if (value instanceof int[] a) {
            for (int x : a) {
                flat.add((long) x);
            }
        } else if (value instanceof long[] a) {
            for (long x : a) {
                flat.add(x);
            }
        } else if (value instanceof byte[] a) {
            boolean unsigned = space.dtype() == DType.UINT8;
            for (byte x : a) {
                flat.add(unsigned ? (long) (x & 0xff) : (long) x);
            }
        } else if (value instanceof boolean[] a) {
            for (boolean x : a) {
                flat.add(x);
            }
        } else {
            return GymJson.writable(value);
        }
        int[] shape = space.shape();
        return shape != null && shape.length != 1 ? GymJson.shaped(flat, shape) : flat;
    }

    private static Object array(Space<?> space, List<Object> values) {
        DType dtype = space.dtype();
        int[] shape = space.shape();
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (values.size() != size) {
            throw new IllegalArgumentException("expected " + size + " numbers for " + space + ", got " + values.size());
        }
        int n = values.size();
        switch (dtype) {
            case FLOAT32: {
                float[] out = new float[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (float) real(values.get(i), space);
                }
                return out;
            }
            case FLOAT64: {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = real(values.get(i), space);
                }
                return out;
            }
            case INT32: {
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = Math.toIntExact(integral(values.get(i), space));
                }
                return out;
            }
            case INT64: {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = integral(values.get(i), space);
                }
                return out;
            }
            case UINT8:
            case INT8: {
                byte[] out = new byte[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (byte) integral(values.get(i), space);
                }
                return out;
            }
            default:
                throw new AssertionError("Unhandled dtype " + dtype);
        }
    }

    private static List<Object> flatten(Object json, List<Object> out) {
        if (json instanceof List<?> list) {
            for (Object element : list) {
                flatten(element, out);
            }
        } else {
            out.add(json);
        }
        return out;
    }

    private static double real(Object json, Space<?> space) {
        if (json instanceof Number number && !(json instanceof BigInteger)) {
            return number.doubleValue();
        }
        throw mismatch(space, json);
    }

    private static long integral(Object json, Space<?> space) {
        if (json instanceof Long l) {
            return l;
        }
        if (json instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw mismatch(space, json);
    }

    private static IllegalArgumentException mismatch(Space<?> space, Object json) {
        return new IllegalArgumentException("a value of " + space + " was expected, got the JSON " + Json.typeName(json)
                + " " + Json.write(GymJson.writable(json)));
    }
}
