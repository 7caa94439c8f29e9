package dev.gym4j.api.spaces;

import java.util.Objects;

/**
 * The integers {@code start, start + 1, ..., start + n - 1}, as Gymnasium's {@code Discrete} (dtype int64).
 *
 * <p>Values are {@code Integer}s. {@link #contains} also accepts a {@code Long}, {@code Short} or
 * {@code Byte} holding a value of the set, as Gymnasium accepts any NumPy integer.
 *
 * <p>Thread safety: {@code n} and {@code start} are immutable and {@link #contains} is thread-safe;
 * {@link #sample} and {@link #seed} use the space's own generator and must be confined to one thread.
 */
public final class Discrete extends SeededSpace implements Space<Integer> {

    private static final int[] SCALAR = new int[0];

    private final int n;
    private final int start;

    /**
     * The integers {@code 0 .. n - 1}.
     *
     * @param n the number of elements, at least 1
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public Discrete(int n) {
        this(n, 0);
    }

    /**
     * The integers {@code start .. start + n - 1}.
     *
     * @param n the number of elements, at least 1
     * @param start the smallest element
     * @throws IllegalArgumentException if {@code n < 1} or {@code start + n - 1} overflows an int
     */
    public Discrete(int n, int start) {
        if (n < 1) {
            throw new IllegalArgumentException("Discrete n must be positive, got " + n);
        }
        if ((long) start + n - 1 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Discrete(" + n + ", start=" + start + ") ends past Integer.MAX_VALUE; expected start + n - 1 <= "
                    + Integer.MAX_VALUE);
        }
        this.n = n;
        this.start = start;
    }

    /** @return the number of elements */
    public int n() {
        return n;
    }

    /** @return the smallest element */
    public int start() {
        return start;
    }

    @Override
    public boolean contains(Object x) {
        if (x instanceof Integer || x instanceof Long || x instanceof Short || x instanceof Byte) {
            long offset = ((Number) x).longValue() - start;
            return offset >= 0 && offset < n;
        }
        return false;
    }

    @Override
    public String whyNotContained(Object x) {
        if (contains(x)) {
            return null;
        }
        return x instanceof Integer || x instanceof Long || x instanceof Short || x instanceof Byte
                ? x + " is not in " + rangeText() : "expected an Integer in " + rangeText() + ", got " + PrimitiveArrays.describe(x, Integer.class);
    }

    /** The reason an action is refused, or null; allocation-free when the action is valid. */
    String actionProblem(Object action) {
        if (action instanceof Integer) {
            long offset = (long) (Integer) action - start;
            if (offset >= 0 && offset < n) {
                return null;
            }
            return "expected an Integer in " + rangeText();
        }
        if (contains(action)) {
            return null;
        }
        if (action instanceof Long || action instanceof Short || action instanceof Byte) {
            return "expected an Integer in " + rangeText();
        }
        return "expected an Integer in " + rangeText() + ", got " + PrimitiveArrays.describe(action, Integer.class);
    }

    private String rangeText() {
        return "[" + start + ", " + ((long) start + n) + ")";
    }

    /**
     * Draws {@code start + integers(n)} (NumPy's int64 path), as Gymnasium's {@code Discrete.sample()};
     * {@code Discrete(1)} draws nothing.
     *
     * @return an element of the space
     */
    @Override
    public Integer sample() {
        return start + (int) random.get().integers(n);
    }

    /**
     * Draws uniformly among the elements whose mask entry is 1, as Gymnasium's
     * {@code Discrete.sample(mask=...)} ({@code Generator.choice} over the valid indices, one
     * {@code integers(count)} draw); returns {@code start} without drawing when no entry is 1.
     *
     * @param mask {@code n} entries, each 0 (invalid) or 1 (valid)
     * @return an element of the space
     * @throws IllegalArgumentException if the mask's length is not {@code n} or an entry is not 0 or 1
     */
    public Integer sample(byte[] mask) {
        if (mask == null || mask.length != n) {
            throw new IllegalArgumentException("Discrete mask must have " + n + " entries (its shape (" + n + ",)), got "
                    + (mask == null ? "null" : mask.length + " entries"));
        }
        int valid = 0;
        for (byte m : mask) {
            if (m != 0 && m != 1) {
                throw new IllegalArgumentException("Discrete mask entries must be 0 or 1, got " + m);
            }
            valid += m;
        }
        if (valid == 0) {
            return start;
        }
        long pick = random.get().integers(valid);
        for (int i = 0; i < n; i++) {
            if (mask[i] == 1 && pick-- == 0) {
                return start + i;
            }
        }
        throw new AssertionError("mask index out of range");
    }

    /** @return {@code []}: a value is a scalar */
    @Override
    public int[] shape() {
        return SCALAR.clone();
    }

    /** @return {@link DType#INT64}, Gymnasium's default dtype for {@code Discrete} */
    @Override
    public DType dtype() {
        return DType.INT64;
    }

    @Override
    public Integer copyValue(Integer x) {
        return x;
    }

    @Override
    public boolean valuesEqual(Object a, Object b) {
        if (a instanceof Number && b instanceof Number && contains(a) && contains(b)) {
            return ((Number) a).longValue() == ((Number) b).longValue();
        }
        return Objects.equals(a, b);
    }

    /** @return Gymnasium's repr: {@code Discrete(2)} or {@code Discrete(3, start=-1)} */
    @Override
    public String toString() {
        return start == 0 ? "Discrete(" + n + ")" : "Discrete(" + n + ", start=" + start + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Discrete && ((Discrete) o).n == n && ((Discrete) o).start == start;
    }

    @Override
    public int hashCode() {
        return 31 * n + start;
    }
}
