package dev.gym4j.api.spaces;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The Cartesian product of subspaces, as Gymnasium's {@code Tuple}. Values are unmodifiable lists with
 * one value per subspace, in order.
 *
 * <p>Seeding, as Gymnasium's {@code Tuple.seed(int)}: {@link #seed(long)} seeds this space's own generator,
 * which then draws one subseed per subspace with {@code integers(2**31 - 1, size=n)}; it returns the seed
 * followed by each subspace's result (Gymnasium returns only the subspaces' results).
 *
 * <p>Thread safety: the subspaces are fixed and {@link #contains} is thread-safe; {@link #sample} and
 * {@link #seed} use the subspaces' generators and must be confined to one thread.
 */
public final class TupleSpace extends CompositeSpace implements Space<List<Object>> {

    private final List<Space<?>> spaces;

    /**
     * @param spaces the subspaces, in order
     * @throws NullPointerException if a subspace is null
     */
    public TupleSpace(Space<?>... spaces) {
        this(Arrays.asList(spaces));
    }

    /**
     * @param spaces the subspaces, in order
     * @throws NullPointerException if a subspace is null
     */
    public TupleSpace(List<? extends Space<?>> spaces) {
        for (int i = 0; i < spaces.size(); i++) {
            Objects.requireNonNull(spaces.get(i), "Tuple subspace " + i + " is null; expected a Space");
        }
        this.spaces = List.copyOf(spaces);
    }

    /** @return the subspaces, unmodifiable */
    public List<Space<?>> spaces() {
        return spaces;
    }

    @Override
    List<Space<?>> orderedSubspaces() {
        return spaces;
    }

    @Override
    public boolean contains(Object x) {
        if (!(x instanceof List) || ((List<?>) x).size() != spaces.size()) {
            return false;
        }
        List<?> values = (List<?>) x;
        for (int i = 0; i < spaces.size(); i++) {
            if (!spaces.get(i).contains(values.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String whyNotContained(Object x) {
        if (!(x instanceof List) || ((List<?>) x).size() != spaces.size()) {
            return "expected a List of " + spaces.size() + " values, got " + describe(x);
        }
        List<?> values = (List<?>) x;
        for (int i = 0; i < spaces.size(); i++) {
            String why = spaces.get(i).whyNotContained(values.get(i));
            if (why != null) {
                return "element " + i + ": " + why;
            }
        }
        return null;
    }

    static String describe(Object x) {
        if (x instanceof List) {
            return "a List of " + ((List<?>) x).size() + " values";
        }
        if (x instanceof java.util.Map) {
            return "a Map with keys " + ((java.util.Map<?, ?>) x).keySet();
        }
        return PrimitiveArrays.typeName(x);
    }

    /**
     * Samples each subspace in order, as Gymnasium's {@code Tuple.sample()}.
     *
     * @return an unmodifiable list of fresh values
     */
    @Override
    public List<Object> sample() {
        Object[] values = new Object[spaces.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = spaces.get(i).sample();
        }
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<Object> copyValue(List<Object> x) {
        Object[] values = new Object[spaces.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ((Space) spaces.get(i)).copyValue(x.get(i));
        }
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    @Override
    public boolean valuesEqual(Object a, Object b) {
        if (!(a instanceof List) || !(b instanceof List)) {
            return Objects.equals(a, b);
        }
        List<?> x = (List<?>) a;
        List<?> y = (List<?>) b;
        if (x.size() != spaces.size() || y.size() != spaces.size()) {
            return x.equals(y);
        }
        for (int i = 0; i < spaces.size(); i++) {
            if (!spaces.get(i).valuesEqual(x.get(i), y.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** @return a Python tuple, e.g. {@code (1, [0.5, -0.25])} */
    @Override
    public String valueToString(Object x) {
        if (!(x instanceof List) || ((List<?>) x).size() != spaces.size()) {
            return ValueText.generic(x);
        }
        List<?> values = (List<?>) x;
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < spaces.size(); i++) {
            parts.add(spaces.get(i).valueToString(values.get(i)));
        }
        return "(" + String.join(", ", parts) + (parts.size() == 1 ? ",)" : ")");
    }

    /** @return Gymnasium's repr: {@code Tuple(Discrete(2), Box(-1.0, 1.0, (1,), float32))} */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Space<?> s : spaces) {
            parts.add(s.toString());
        }
        return "Tuple(" + String.join(", ", parts) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TupleSpace && ((TupleSpace) o).spaces.equals(spaces);
    }

    @Override
    public int hashCode() {
        return spaces.hashCode();
    }
}
