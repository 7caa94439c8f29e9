package dev.gym4j.api.spaces;

import java.util.Arrays;

/**
 * The validated, dtype-cast bounds of a {@link Box}, built as Gymnasium's {@code Box.__init__} builds them
 * ({@code _cast_low} / {@code _cast_high}).
 *
 * <p>Immutable after construction; the arrays are owned by the box.
 */
final class BoxBounds {

    final DType dtype;
    final int[] shape;
    final double[] low;
    final double[] high;
    final long[] lowLong;
    final long[] highLong;
    final boolean[] boundedBelow;
    final boolean[] boundedAbove;

    private BoxBounds(DType dtype, int[] shape, double[] low, double[] high, long[] lowLong, long[] highLong,
                      boolean[] boundedBelow, boolean[] boundedAbove) {
        this.dtype = dtype;
        this.shape = shape;
        this.low = low;
        this.high = high;
        this.lowLong = lowLong;
        this.highLong = highLong;
        this.boundedBelow = boundedBelow;
        this.boundedAbove = boundedAbove;
    }

    /**
     * @param shape a shape
     * @return its number of elements
     * @throws IllegalArgumentException if a dimension is negative or the count overflows an int
     */
    static int checkedSize(int[] shape) {
        int size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("Box shape " + Arrays.toString(shape) + " has a negative dimension; expected dimensions >= 0");
            }
            try {
                size = Math.multiplyExact(size, d);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("Box shape " + Arrays.toString(shape) + " has more than 2^31 - 1 elements", e);
            }
        }
        return size;
    }

    static double[] fill(double value, int[] shape) {
        double[] out = new double[checkedSize(shape)];
        Arrays.fill(out, value);
        return out;
    }

    /**
     * Bounds given as float64 values, cast to the dtype as Gymnasium casts float64 arrays.
     *
     * @throws IllegalArgumentException naming the offending element and what was expected
     */
    static BoxBounds fromDoubles(DType dtype, double[] low, double[] high, int[] shape) {
        if (dtype == null) {
            throw new IllegalArgumentException("Box dtype must be given; expected one of float32, float64, uint8, int8, int32, int64");
        }
        int[] shapeCopy = shape.clone();
        int size = checkedSize(shapeCopy);
        checkLength("low", low.length, size, shapeCopy);
        checkLength("high", high.length, size, shapeCopy);
        boolean[] below = new boolean[size];
        boolean[] above = new boolean[size];
        double[] lowCast = new double[size];
        double[] highCast = new double[size];
        long[] lowLong = dtype.isFloat() ? null : new long[size];
        long[] highLong = dtype.isFloat() ? null : new long[size];
        for (int i = 0; i < size; i++) {
            below[i] = Double.NEGATIVE_INFINITY < low[i];
            above[i] = high[i] < Double.POSITIVE_INFINITY;
            if (dtype.isFloat()) {
                lowCast[i] = castFloat(dtype, "low", i, low[i]);
                highCast[i] = castFloat(dtype, "high", i, high[i]);
            } else {
                lowLong[i] = castInteger(dtype, "low", i, low[i]);
                highLong[i] = castInteger(dtype, "high", i, high[i]);
                lowCast[i] = lowLong[i];
                highCast[i] = highLong[i];
            }
        }
        BoxBounds b = new BoxBounds(dtype, shapeCopy, lowCast, highCast, lowLong, highLong, below, above);
        b.checkOrdered();
        return b;
    }

    /**
     * Exact integer bounds (int64 factories, flattening); every element is bounded.
     *
     * @throws IllegalArgumentException if a bound is outside the dtype's range or {@code low > high}
     */
    static BoxBounds fromLongs(DType dtype, long[] low, long[] high, int[] shape) {
        if (dtype.isFloat()) {
            throw new AssertionError("fromLongs is for integer dtypes, got " + dtype);
        }
        int[] shapeCopy = shape.clone();
        int size = checkedSize(shapeCopy);
        checkLength("low", low.length, size, shapeCopy);
        checkLength("high", high.length, size, shapeCopy);
        double[] lowD = new double[size];
        double[] highD = new double[size];
        boolean[] below = new boolean[size];
        boolean[] above = new boolean[size];
        for (int i = 0; i < size; i++) {
            checkIntegerRange(dtype, "low", i, low[i]);
            checkIntegerRange(dtype, "high", i, high[i]);
            lowD[i] = low[i];
            highD[i] = high[i];
        }
        Arrays.fill(below, true);
        Arrays.fill(above, true);
        BoxBounds b = new BoxBounds(dtype, shapeCopy, lowD, highD, low.clone(), high.clone(), below, above);
        b.checkOrdered();
        return b;
    }

    private static void checkLength(String which, int length, int size, int[] shape) {
        if (length != size) {
            throw new IllegalArgumentException("Box " + which + " has " + length + " elements; expected " + size
                    + ", one per element of shape " + NumpyFormat.shapeTuple(shape));
        }
    }

    private static double castFloat(DType dtype, String which, int i, double v) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("Box " + which + "[" + i + "] is NaN; expected a number or an infinity");
        }
        double max = dtype == DType.FLOAT32 ? Float.MAX_VALUE : Double.MAX_VALUE;
        boolean outOfRange = which.equals("low") ? v < -max : v > max;
        if (outOfRange && Double.isFinite(v)) {
            throw new IllegalArgumentException("Box " + which + "[" + i + "] = " + v + " is out of the range of " + dtype
                    + "; expected a value in [" + -max + ", " + max + "] or an infinity");
        }
        return dtype == DType.FLOAT32 ? (float) v : v;
    }

    private static long castInteger(DType dtype, String which, int i, double v) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException("Box " + which + "[" + i + "] is NaN; expected a number");
        }
        boolean isLow = which.equals("low");
        if (Double.isInfinite(v)) {
            boolean unbounded = isLow ? v < 0 : v > 0;
            if (dtype == DType.UINT8 || !unbounded) {
                throw new IllegalArgumentException("Box " + which + "[" + i + "] = " + v + " is not allowed for " + dtype
                        + "; expected a finite value" + (dtype == DType.UINT8 ? "" : (isLow ? " or -inf" : " or inf")));
            }
            return isLow ? minOf(dtype) : maxOf(dtype);
        }
        if (v < minOf(dtype) || v > maxOf(dtype) || (dtype == DType.INT64 && v >= 0x1p63)) {
            throw new IllegalArgumentException("Box " + which + "[" + i + "] = " + v + " is out of the range of " + dtype
                    + "; expected a value in [" + minOf(dtype) + ", " + maxOf(dtype) + "]");
        }
        return (long) v;
    }

    private static void checkIntegerRange(DType dtype, String which, int i, long v) {
        if (v < minOf(dtype) || v > maxOf(dtype)) {
            throw new IllegalArgumentException("Box " + which + "[" + i + "] = " + v + " is out of the range of " + dtype
                    + "; expected a value in [" + minOf(dtype) + ", " + maxOf(dtype) + "]");
        }
    }

    static long minOf(DType dtype) {
        switch (dtype) {
            case UINT8: return 0;
            case INT8: return Byte.MIN_VALUE;
            case INT32: return Integer.MIN_VALUE;
            case INT64: return Long.MIN_VALUE;
            default: throw new AssertionError(dtype);
        }
    }

    static long maxOf(DType dtype) {
        switch (dtype) {
            case UINT8: return 255;
            case INT8: return Byte.MAX_VALUE;
            case INT32: return Integer.MAX_VALUE;
            case INT64: return Long.MAX_VALUE;
            default: throw new AssertionError(dtype);
        }
    }

    /** Gymnasium checks {@code low <= high} after the cast to the dtype. */
    private void checkOrdered() {
        for (int i = 0; i < low.length; i++) {
            boolean ordered = lowLong == null ? low[i] <= high[i] : lowLong[i] <= highLong[i];
            if (!ordered) {
                String lo = lowLong == null ? Double.toString(low[i]) : Long.toString(lowLong[i]);
                String hi = lowLong == null ? Double.toString(high[i]) : Long.toString(highLong[i]);
                throw new IllegalArgumentException("Box low must be <= high for every element; got low[" + i + "] = " + lo
                        + " > high[" + i + "] = " + hi);
            }
        }
    }
}
