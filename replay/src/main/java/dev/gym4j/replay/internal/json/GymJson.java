package dev.gym4j.replay.internal.json;

import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.DictSpace;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.MultiBinary;
import dev.gym4j.api.spaces.MultiDiscrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.spaces.TupleSpace;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON forms of spaces, specs and metadata, laid out as in the header lines of the reference data
 * ({@code {"type":"Box","shape":[4],"dtype":"float32","low":[...],...}}), ready for {@link Json#write}.
 *
 * <p>Thread-safe: stateless.
 */
public final class GymJson {

    private GymJson() {
    }

    /**
     * @param space any space
     * @return its description: {@code type}, {@code shape}, {@code dtype} and the space's own fields
     *     ({@code low}, {@code high}, {@code bounded_below}, {@code bounded_above} for a Box; {@code n},
     *     {@code start} for a Discrete; {@code nvec}, {@code start} for a MultiDiscrete; {@code n} for a
     *     MultiBinary; {@code spaces} for a Tuple or Dict)
     */
    public static Map<String, Object> space(Space<?> space) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (space instanceof Box<?> box) {
            json.put("type", "Box");
            json.put("shape", box.shape());
            json.put("dtype", box.dtype().numpyName());
            json.put("low", shaped(bounds(box.low(), box.dtype()), box.shape()));
            json.put("high", shaped(bounds(box.high(), box.dtype()), box.shape()));
            json.put("bounded_below", shaped(box.boundedBelow(), box.shape()));
            json.put("bounded_above", shaped(box.boundedAbove(), box.shape()));
        } else if (space instanceof Discrete discrete) {
            json.put("type", "Discrete");
            json.put("n", discrete.n());
            json.put("start", discrete.start());
            json.put("shape", new int[0]);
            json.put("dtype", discrete.dtype().numpyName());
        } else if (space instanceof MultiDiscrete multi) {
            json.put("type", "MultiDiscrete");
            json.put("nvec", multi.nvec());
            json.put("start", multi.start());
            json.put("shape", multi.shape());
            json.put("dtype", multi.dtype().numpyName());
        } else if (space instanceof MultiBinary binary) {
            json.put("type", "MultiBinary");
            int[] shape = binary.shape();
            json.put("n", shape.length == 1 ? (Object) shape[0] : shape);
            json.put("shape", shape);
            json.put("dtype", binary.dtype().numpyName());
        } else if (space instanceof TupleSpace tuple) {
            json.put("type", "Tuple");
            List<Object> spaces = new ArrayList<>();
            for (Space<?> s : tuple.spaces()) {
                spaces.add(space(s));
            }
            json.put("spaces", spaces);
        } else if (space instanceof DictSpace dict) {
            json.put("type", "Dict");
            Map<String, Object> spaces = new LinkedHashMap<>();
            for (Map.Entry<String, ? extends Space<?>> e : dict.spaces().entrySet()) {
                spaces.put(e.getKey(), space(e.getValue()));
            }
            json.put("spaces", spaces);
        } else {
            throw new AssertionError("Unhandled space type: " + space);
        }
        return json;
    }

    /**
     * @param spec an env spec
     * @return Gymnasium's spec fields: {@code id}, {@code entry_point}, {@code max_episode_steps},
     *     {@code reward_threshold}, {@code nondeterministic}, {@code order_enforce},
     *     {@code disable_env_checker}, {@code kwargs}
     */
    public static Map<String, Object> spec(EnvSpec spec) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", spec.id());
        json.put("entry_point", spec.entryPoint());
        json.put("max_episode_steps", spec.maxEpisodeSteps());
        json.put("reward_threshold", spec.rewardThreshold());
        json.put("nondeterministic", spec.nondeterministic());
        json.put("order_enforce", spec.orderEnforce());
        json.put("disable_env_checker", spec.disableEnvChecker());
        json.put("kwargs", writable(spec.kwargs()));
        return json;
    }

    /**
     * @param value any value, such as an env's metadata map or an info map
     * @return the value with everything {@link Json#write} cannot write replaced by its {@code toString()}
     */
    public static Object writable(Object value) {
        if (value == null || value instanceof CharSequence || value instanceof Boolean || value instanceof Number
                || value instanceof Character) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                copy.put(String.valueOf(e.getKey()), writable(e.getValue()));
            }
            return copy;
        }
        if (value instanceof Iterable<?> iterable) {
            List<Object> copy = new ArrayList<>();
            for (Object element : iterable) {
                copy.add(writable(element));
            }
            return copy;
        }
        if (value.getClass().isArray()) {
            if (value.getClass().getComponentType().isPrimitive()) {
                return value;
            }
            List<Object> copy = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                copy.add(writable(Array.get(value, i)));
            }
            return copy;
        }
        return value.toString();
    }

    /**
     * Lays a row-major array out as nested lists, as NumPy's {@code tolist()} does.
     *
     * @param flat a primitive or object array, or a list, of {@code product(shape)} elements
     * @param shape the shape; {@code []} gives the single element itself
     * @return nested lists (the array itself when the shape has one dimension)
     * @throws IllegalArgumentException if the element count does not match the shape
     */
    public static Object shaped(Object flat, int[] shape) {
        List<?> list = flat instanceof List<?> l ? l : null;
        int n = list != null ? list.size() : Array.getLength(flat);
        long expected = 1;
        for (int d : shape) {
            expected *= d;
        }
        if (expected != n) {
            throw new IllegalArgumentException(n + " elements do not fill shape " + java.util.Arrays.toString(shape));
        }
        if (shape.length == 1) {
            return flat;
        }
        if (shape.length == 0) {
            return list != null ? list.get(0) : Array.get(flat, 0);
        }
        return nest(list != null ? list : boxed(flat), shape, 0, 0);
    }

    private static List<Object> boxed(Object array) {
        List<Object> out = new ArrayList<>(Array.getLength(array));
        for (int i = 0; i < Array.getLength(array); i++) {
            out.add(Array.get(array, i));
        }
        return out;
    }

    private static List<Object> nest(List<?> flat, int[] shape, int dim, int offset) {
        int stride = 1;
        for (int d = dim + 1; d < shape.length; d++) {
            stride *= shape[d];
        }
        List<Object> out = new ArrayList<>(shape[dim]);
        for (int i = 0; i < shape[dim]; i++) {
            out.add(dim == shape.length - 1 ? flat.get(offset + i) : nest(flat, shape, dim + 1, offset + i * stride));
        }
        return out;
    }

    /** Integer boxes print integral bounds as integers, as NumPy's {@code tolist()} does. */
    private static Object bounds(double[] values, DType dtype) {
        if (dtype.isFloat()) {
            return values;
        }
        List<Object> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(Double.isInfinite(v) ? (Object) v : (Object) (long) v);
        }
        return out;
    }
}
