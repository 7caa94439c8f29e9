package dev.gym4j.api.spaces;

import java.util.Arrays;

/**
 * A vector of independent discrete variables, element {@code i} in {@code [start[i], start[i] + nvec[i])},
 * as Gymnasium's one-dimensional {@code MultiDiscrete} (dtype int64). Values are {@code long[]}.
 *
 * <p>Thread safety: {@code nvec} and {@code start} are immutable and {@link #contains} is thread-safe;
 * {@link #sample} and {@link #seed} use the space's own generator and must be confined to one thread.
 */
public final class MultiDiscrete extends SeededSpace implements Space<long[]> {

    private final long[] nvec;
    private final long[] start;

    /**
     * Variables starting at 0.
     *
     * @param nvec the number of values of each variable, each at least 1
     * @throws IllegalArgumentException if an entry is below 1
     */
    public MultiDiscrete(long... nvec) {
        this(nvec, new long[nvec.length]);
    }

    /**
     * Variables with their own smallest values.
     *
     * @param nvec the number of values of each variable, each at least 1
     * @param start the smallest value of each variable, as many as {@code nvec}
     * @throws IllegalArgumentException if the lengths differ or an {@code nvec} entry is below 1
     */
    public MultiDiscrete(long[] nvec, long[] start) {
        if (nvec.length != start.length) {
            throw new IllegalArgumentException("MultiDiscrete start has " + start.length + " entries; expected one per nvec entry ("
                    + nvec.length + ")");
        }
        for (long v : nvec) {
            if (v < 1) {
                throw new IllegalArgumentException("MultiDiscrete nvec entries must be positive, got " + Arrays.toString(nvec));
            }
        }
        this.nvec = nvec.clone();
        this.start = start.clone();
    }

    /** @return the number of values of each variable */
    public long[] nvec() {
        return nvec.clone();
    }

    /** @return the smallest value of each variable */
    public long[] start() {
        return start.clone();
    }

    @Override
    public boolean contains(Object x) {
        return whyNotContained(x) == null;
    }

    @Override
    public String whyNotContained(Object x) {
        if (!(x instanceof long[]) || ((long[]) x).length != nvec.length) {
            return "expected long[] of length " + nvec.length + ", got " + PrimitiveArrays.describe(x, long[].class);
        }
        long[] a = (long[]) x;
        for (int i = 0; i < a.length; i++) {
            if (a[i] < start[i] || a[i] - start[i] >= nvec[i]) {
                return "element [" + i + "] = " + a[i] + " is not in [" + start[i] + ", " + (start[i] + nvec[i]) + ")";
            }
        }
        return null;
    }

    /**
     * Draws {@code (random(k) * nvec).astype(int64) + start}, as Gymnasium's {@code MultiDiscrete.sample()}.
     *
     * @return a new value
     */
    @Override
    public long[] sample() {
        double[] r = new double[nvec.length];
        random.get().random(r);
        long[] out = new long[nvec.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = PrimitiveArrays.doubleToInt64(r[i] * (double) nvec[i]) + start[i];
        }
        return out;
    }

    /** @return {@code [nvec.length]} */
    @Override
    public int[] shape() {
        return new int[] {nvec.length};
    }

    /** @return {@link DType#INT64} */
    @Override
    public DType dtype() {
        return DType.INT64;
    }

    @Override
    public long[] copyValue(long[] x) {
        return x.clone();
    }

    @Override
    public boolean valuesEqual(Object a, Object b) {
        return PrimitiveArrays.valuesEqual(long[].class, a, b);
    }

    /** @return Gymnasium's repr: {@code MultiDiscrete([2 3 4])}, with {@code , start=[...]} when a start is not 0 */
    @Override
    public String toString() {
        int[] shape = shape();
        String text = "MultiDiscrete(" + NumpyFormat.intArray(nvec, shape);
        for (long s : start) {
            if (s != 0) {
                return text + ", start=" + NumpyFormat.intArray(start, shape) + ")";
            }
        }
        return text + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiDiscrete && Arrays.equals(((MultiDiscrete) o).nvec, nvec)
                && Arrays.equals(((MultiDiscrete) o).start, start);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(nvec) + Arrays.hashCode(start);
    }
}
