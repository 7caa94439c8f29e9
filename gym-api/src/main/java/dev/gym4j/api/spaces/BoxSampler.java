package dev.gym4j.api.spaces;

import dev.gym4j.api.random.Generator;

/**
 * Gymnasium 1.x's {@code Box.sample()} ({@code gymnasium/spaces/box.py}), draw for draw.
 *
 * <p>Elements are grouped by the kind of their interval and each group is drawn in C order, the groups in
 * this order: unbounded ({@code normal}), bounded below only ({@code exponential + low}), bounded above
 * only ({@code -exponential + high}), bounded ({@code uniform(low, high)}, the range computed per element
 * in float64). Integer dtypes use {@code high + 1} (int64 arithmetic), take the floor, clip to the dtype
 * (signed: two inside its limits) and cast; int64 is clipped to the bounds once more.
 *
 * <p>Stateless and thread-safe; the generator passed is not.
 */
final class BoxSampler {

    private BoxSampler() {
    }

    /**
     * @param b the box's bounds
     * @param g the box's generator
     * @param box the box, for error messages
     * @return a new array of the box's Java type
     */
    static Object sample(BoxBounds b, Generator g, Box<?> box) {
        int n = b.low.length;
        boolean isFloat = b.dtype.isFloat();
        double[] low = isFloat ? b.low : plus(b.lowLong, 0);
        double[] high = isFloat ? b.high : plus(b.highLong, 1);
        boolean[] below = b.boundedBelow;
        boolean[] above = b.boundedAbove;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            if (!below[i] && !above[i]) {
                s[i] = g.normal(0.0, 1.0);
            }
        }
        for (int i = 0; i < n; i++) {
            if (below[i] && !above[i]) {
                s[i] = g.exponential(1.0) + low[i];
            }
        }
        for (int i = 0; i < n; i++) {
            if (!below[i] && above[i]) {
                s[i] = -g.exponential(1.0) + high[i];
            }
        }
        for (int i = 0; i < n; i++) {
            if (below[i] && above[i]) {
                if (!Double.isFinite(high[i] - low[i])) {
                    throw new ArithmeticException("Range exceeds valid bounds: cannot sample uniformly in ["
                            + low[i] + ", " + high[i] + ") for " + box);
                }
                s[i] = g.uniform(low[i], high[i]);
            }
        }
        return cast(b, s);
    }

    /** The integer bounds as NumPy sees them in {@code uniform}: int64 (wrapping) plus {@code add}, as float64. */
    private static double[] plus(long[] values, long add) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (double) (values[i] + add);
        }
        return out;
    }

    private static Object cast(BoxBounds b, double[] s) {
        DType dtype = b.dtype;
        int n = s.length;
        Object out = PrimitiveArrays.newArray(dtype, n);
        if (dtype.isFloat()) {
            for (int i = 0; i < n; i++) {
                PrimitiveArrays.setFromDouble(dtype, out, i, s[i]);
            }
            return out;
        }
        double min;
        double max;
        switch (dtype) {
            case UINT8: min = 0; max = 255; break;
            case INT8: min = -128 + 2; max = 127 - 2; break;
            case INT32: min = Integer.MIN_VALUE + 2.0; max = Integer.MAX_VALUE - 2.0; break;
            case INT64: min = (double) (Long.MIN_VALUE + 2); max = (double) (Long.MAX_VALUE - 2); break;
            default: throw new AssertionError(dtype);
        }
        for (int i = 0; i < n; i++) {
            PrimitiveArrays.setFromDouble(dtype, out, i, Math.min(Math.max(Math.floor(s[i]), min), max));
        }
        if (dtype == DType.INT64) {
            // float64 cannot hold every int64 near the limits, so Gymnasium clips to the bounds once more
            long[] a = (long[]) out;
            for (int i = 0; i < n; i++) {
                a[i] = Math.min(Math.max(a[i], b.lowLong[i]), b.highLong[i]);
            }
        }
        return out;
    }
}
