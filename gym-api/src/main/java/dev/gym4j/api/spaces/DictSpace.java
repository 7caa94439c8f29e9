package dev.gym4j.api.spaces;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dictionary of named subspaces, as Gymnasium's {@code Dict}. Values are unmodifiable
 * {@code LinkedHashMap}s with one value per key, in the space's key order.
 *
 * <p>Key order: the constructor sorts the keys, as Gymnasium 1.x sorts the keys of a plain {@code dict}
 * (by code point, as Python compares strings); {@link #keepingOrder} keeps the map's iteration order, as
 * Gymnasium keeps an {@code OrderedDict}'s. The order decides seeding, sampling and flattening.
 *
 * <p>Seeding, as Gymnasium's {@code Dict.seed(int)}: {@link #seed(long)} seeds this space's own generator,
 * which then draws one subseed per subspace (in key order) with {@code integers(2**31 - 1, size=n)}; it
 * returns the seed followed by each subspace's result (Gymnasium returns a dict of the subspaces' results).
 *
 * <p>Thread safety: the subspaces are fixed and {@link #contains} is thread-safe; {@link #sample} and
 * {@link #seed} use the subspaces' generators and must be confined to one thread.
 */
public final class DictSpace extends CompositeSpace implements Space<Map<String, Object>> {

    /** Python's str ordering: by code point (String.compareTo compares UTF-16 units, which differs past U+FFFF). */
    private static final Comparator<String> BY_CODE_POINT = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private final Map<String, Space<?>> spaces;
    private final List<Space<?>> ordered;

    /**
     * A dict space with its keys sorted, as Gymnasium's {@code Dict(dict)}.
     *
     * @param spaces the subspaces by key
     * @throws NullPointerException if a key or subspace is null
     */
    public DictSpace(Map<String, ? extends Space<?>> spaces) {
        this(spaces, true);
    }

    private DictSpace(Map<String, ? extends Space<?>> spaces, boolean sort) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, ? extends Space<?>> e : spaces.entrySet()) {
            Objects.requireNonNull(e.getKey(), "Dict key is null; expected a String");
            Objects.requireNonNull(e.getValue(), "Dict subspace '" + e.getKey() + "' is null; expected a Space");
            keys.add(e.getKey());
        }
        if (sort) {
            keys.sort(BY_CODE_POINT);
        }
        Map<String, Space<?>> copy = new LinkedHashMap<>();
        for (String k : keys) {
            copy.put(k, spaces.get(k));
        }
        this.spaces = Collections.unmodifiableMap(copy);
        this.ordered = List.copyOf(copy.values());
    }

    /**
     * A dict space whose key order is the map's iteration order, as Gymnasium's {@code Dict(OrderedDict)}.
     *
     * @param spaces the subspaces by key, in the order wanted (for instance a {@code LinkedHashMap})
     * @return the space
     * @throws NullPointerException if a key or subspace is null
     */
    public static DictSpace keepingOrder(Map<String, ? extends Space<?>> spaces) {
        return new DictSpace(spaces, false);
    }

    /** @return the subspaces by key, in the space's key order, unmodifiable */
    public Map<String, Space<?>> spaces() {
        return spaces;
    }

    /** @return the subspaces in key order */
    @Override
    List<Space<?>> orderedSubspaces() {
        return ordered;
    }

    @Override
    public boolean contains(Object x) {
        if (!(x instanceof Map) || !((Map<?, ?>) x).keySet().equals(spaces.keySet())) {
            return false;
        }
        Map<?, ?> values = (Map<?, ?>) x;
        for (Map.Entry<String, Space<?>> e : spaces.entrySet()) {
            if (!e.getValue().contains(values.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String whyNotContained(Object x) {
        if (!(x instanceof Map) || !((Map<?, ?>) x).keySet().equals(spaces.keySet())) {
            return "expected a Map with keys " + spaces.keySet() + ", got " + TupleSpace.describe(x);
        }
        Map<?, ?> values = (Map<?, ?>) x;
        for (Map.Entry<String, Space<?>> e : spaces.entrySet()) {
            String why = e.getValue().whyNotContained(values.get(e.getKey()));
            if (why != null) {
                return "key " + NumpyFormat.pythonString(e.getKey()) + ": " + why;
            }
        }
        return null;
    }

    /**
     * Samples each subspace in key order, as Gymnasium's {@code Dict.sample()}.
     *
     * @return an unmodifiable map of fresh values, in key order
     */
    @Override
    public Map<String, Object> sample() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Space<?>> e : spaces.entrySet()) {
            out.put(e.getKey(), e.getValue().sample());
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Map<String, Object> copyValue(Map<String, Object> x) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Space<?>> e : spaces.entrySet()) {
            out.put(e.getKey(), ((Space) e.getValue()).copyValue(x.get(e.getKey())));
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public boolean valuesEqual(Object a, Object b) {
        if (!(a instanceof Map) || !(b instanceof Map)) {
            return Objects.equals(a, b);
        }
        Map<?, ?> x = (Map<?, ?>) a;
        Map<?, ?> y = (Map<?, ?>) b;
        if (!x.keySet().equals(spaces.keySet()) || !y.keySet().equals(spaces.keySet())) {
            return x.equals(y);
        }
        for (Map.Entry<String, Space<?>> e : spaces.entrySet()) {
            if (!e.getValue().valuesEqual(x.get(e.getKey()), y.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** @return a Python dict, e.g. {@code {'a': [0.5], 'b': 1}} */
    @Override
    public String valueToString(Object x) {
        if (!(x instanceof Map) || !((Map<?, ?>) x).keySet().equals(spaces.keySet())) {
            return ValueText.generic(x);
        }
        Map<?, ?> values = (Map<?, ?>) x;
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Space<?>> e : spaces.entrySet()) {
            parts.add(NumpyFormat.pythonString(e.getKey()) + ": " + e.getValue().valueToString(values.get(e.getKey())));
        }
        return "{" + String.join(", ", parts) + "}";
    }

    /** @return Gymnasium's repr: {@code Dict('a': Discrete(2), 'b': Box(-1.0, 1.0, (1,), float32))} */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Space<?>> e : spaces.entrySet()) {
            parts.add(NumpyFormat.pythonString(e.getKey()) + ": " + e.getValue());
        }
        return "Dict(" + String.join(", ", parts) + ")";
    }

    /** Equal when the keys, their order and the subspaces agree, as Gymnasium compares its ordered dicts. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DictSpace && new ArrayList<>(((DictSpace) o).spaces.entrySet()).equals(new ArrayList<>(spaces.entrySet()));
    }

    @Override
    public int hashCode() {
        return spaces.hashCode();
    }
}
