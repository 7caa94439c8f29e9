package dev.gym4j.policy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.DictSpace;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.MultiBinary;
import dev.gym4j.api.spaces.MultiDiscrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.spaces.TupleSpace;
import dev.gym4j.policy.PolicyException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spaces to and from the JSON form {@code gym4j info} prints ({@code {"type":"Box","shape":[4],"dtype":"float32",
 * "low":[...],"high":[...],...}}), on Jackson trees. Infinite bounds are written as the strings {@code "inf"} /
 * {@code "-inf"} (valid JSON for every reader) and read back from those, from {@code "Infinity"} or from the
 * non-standard {@code Infinity} tokens.
 *
 * <p>Thread-safe: stateless.
 */
public final class SpaceJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SpaceJson() {
    }

    /**
     * @param space a space
     * @return its JSON form
     */
    public static ObjectNode write(Space<?> space) {
        ObjectNode json = NODES.objectNode();
        if (space instanceof Box<?> box) {
            json.put("type", "Box");
            json.set("shape", ints(box.shape()));
            json.put("dtype", box.dtype().numpyName());
            json.set("low", nested(box.low(), box.shape(), box.dtype().isFloat()));
            json.set("high", nested(box.high(), box.shape(), box.dtype().isFloat()));
        } else if (space instanceof Discrete d) {
            json.put("type", "Discrete");
            json.put("n", d.n());
            json.put("start", d.start());
            json.set("shape", NODES.arrayNode());
            json.put("dtype", d.dtype().numpyName());
        } else if (space instanceof MultiDiscrete m) {
            json.put("type", "MultiDiscrete");
            json.set("nvec", longs(m.nvec()));
            json.set("start", longs(m.start()));
            json.set("shape", ints(m.shape()));
            json.put("dtype", m.dtype().numpyName());
        } else if (space instanceof MultiBinary b) {
            json.put("type", "MultiBinary");
            int[] shape = b.shape();
            if (shape.length == 1) {
                json.put("n", shape[0]);
            } else {
                json.set("n", ints(shape));
            }
            json.set("shape", ints(shape));
            json.put("dtype", b.dtype().numpyName());
        } else if (space instanceof TupleSpace t) {
            json.put("type", "Tuple");
            ArrayNode spaces = json.putArray("spaces");
            for (Space<?> s : t.spaces()) {
                spaces.add(write(s));
            }
        } else if (space instanceof DictSpace d) {
            json.put("type", "Dict");
            ObjectNode spaces = json.putObject("spaces");
            for (Map.Entry<String, ? extends Space<?>> e : d.spaces().entrySet()) {
                spaces.set(e.getKey(), write(e.getValue()));
            }
        } else {
            throw new AssertionError(space);
        }
        return json;
    }

    /**
     * @param json a space's JSON form
     * @param where what is being read, for error messages (such as {@code "observation_space"})
     * @return the space
     * @throws PolicyException naming {@code where} if the JSON is not a space
     */
    public static Space<?> read(JsonNode json, String where) {
        if (json == null || !json.isObject()) {
            throw new PolicyException(where + ": expected a space object such as {\"type\":\"Discrete\",\"n\":2}, got " + json);
        }
        String type = json.path("type").asText("");
        try {
            switch (type) {
                case "Box": {
                    int[] shape = intArray(require(json, "shape", where), where + ".shape");
                    DType dtype = DType.fromNumpyName(require(json, "dtype", where).asText());
                    int size = 1;
                    for (int d : shape) {
                        size *= d;
                    }
                    double[] low = flatDoubles(require(json, "low", where), size, where + ".low");
                    double[] high = flatDoubles(require(json, "high", where), size, where + ".high");
                    return Box.of(dtype, low, high, shape);
                }
                case "Discrete":
                    return new Discrete(require(json, "n", where).asInt(), json.path("start").asInt(0));
                case "MultiDiscrete": {
                    long[] nvec = longArray(require(json, "nvec", where), where + ".nvec");
                    long[] start = json.has("start") ? longArray(json.get("start"), where + ".start") : new long[nvec.length];
                    return new MultiDiscrete(nvec, start);
                }
                case "MultiBinary": {
                    JsonNode n = require(json, "n", where);
                    return n.isArray() ? new MultiBinary(intArray(n, where + ".n")) : new MultiBinary(n.asInt());
                }
                case "Tuple": {
                    List<Space<?>> spaces = new ArrayList<>();
                    int i = 0;
                    for (JsonNode s : require(json, "spaces", where)) {
                        spaces.add(read(s, where + ".spaces[" + i++ + "]"));
                    }
                    return new TupleSpace(spaces);
                }
                case "Dict": {
                    Map<String, Space<?>> spaces = new LinkedHashMap<>();
                    Iterator<Map.Entry<String, JsonNode>> it = require(json, "spaces", where).properties().iterator();
                    while (it.hasNext()) {
                        Map.Entry<String, JsonNode> e = it.next();
                        spaces.put(e.getKey(), read(e.getValue(), where + ".spaces." + e.getKey()));
                    }
                    return new DictSpace(spaces);
                }
                default:
                    throw new PolicyException(where + ": unknown space type '" + type
                            + "': expected Box, Discrete, MultiDiscrete, MultiBinary, Tuple or Dict");
            }
        } catch (PolicyException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PolicyException(where + ": not a valid " + type + " space (" + e.getMessage() + "): " + json, e);
        }
    }

    private static JsonNode require(JsonNode json, String field, String where) {
        JsonNode v = json.get(field);
        if (v == null || v.isNull()) {
            throw new PolicyException(where + ": a " + json.path("type").asText() + " space needs '" + field + "': " + json);
        }
        return v;
    }

    private static ArrayNode ints(int[] values) {
        ArrayNode a = NODES.arrayNode();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    private static ArrayNode longs(long[] values) {
        ArrayNode a = NODES.arrayNode();
        for (long v : values) {
            a.add(v);
        }
        return a;
    }

    private static JsonNode nested(double[] flat, int[] shape, boolean isFloat) {
        if (shape.length == 0) {
            return bound(flat[0], isFloat);
        }
        return nest(flat, shape, 0, 0, isFloat);
    }

    private static ArrayNode nest(double[] flat, int[] shape, int dim, int offset, boolean isFloat) {
        int stride = 1;
        for (int d = dim + 1; d < shape.length; d++) {
            stride *= shape[d];
        }
        ArrayNode out = NODES.arrayNode();
        for (int i = 0; i < shape[dim]; i++) {
            out.add(dim == shape.length - 1 ? bound(flat[offset + i], isFloat)
                    : nest(flat, shape, dim + 1, offset + i * stride, isFloat));
        }
        return out;
    }

    private static JsonNode bound(double v, boolean isFloat) {
        if (Double.isInfinite(v)) {
            return NODES.textNode(v > 0 ? "inf" : "-inf");
        }
        return isFloat ? NODES.numberNode(v) : NODES.numberNode((long) v);
    }

    private static int[] intArray(JsonNode json, String where) {
        if (!json.isArray()) {
            throw new PolicyException(where + ": expected an array of integers, got " + json);
        }
        int[] out = new int[json.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = json.get(i).asInt();
        }
        return out;
    }

    private static long[] longArray(JsonNode json, String where) {
        if (!json.isArray()) {
            throw new PolicyException(where + ": expected an array of integers, got " + json);
        }
        long[] out = new long[json.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = json.get(i).asLong();
        }
        return out;
    }

    private static double[] flatDoubles(JsonNode json, int size, String where) {
        List<Double> values = new ArrayList<>();
        flatten(json, values, where);
        if (values.size() == 1 && size != 1) {
            double[] out = new double[size];
            java.util.Arrays.fill(out, values.get(0));
            return out;
        }
        if (values.size() != size) {
            throw new PolicyException(where + ": expected " + size + " values for the shape, got " + values.size());
        }
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static void flatten(JsonNode json, List<Double> out, String where) {
        if (json.isArray()) {
            for (JsonNode v : json) {
                flatten(v, out, where);
            }
        } else if (json.isNumber()) {
            out.add(json.asDouble());
        } else if (json.isTextual()) {
            out.add(switch (json.asText()) {
                case "inf", "Infinity", "+inf" -> Double.POSITIVE_INFINITY;
                case "-inf", "-Infinity" -> Double.NEGATIVE_INFINITY;
                case "nan", "NaN" -> Double.NaN;
                default -> throw new PolicyException(where + ": expected a number or \"inf\"/\"-inf\", got " + json);
            });
        } else {
            throw new PolicyException(where + ": expected a number, got " + json);
        }
    }
}
