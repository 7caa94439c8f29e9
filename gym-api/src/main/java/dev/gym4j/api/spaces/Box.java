package dev.gym4j.api.spaces;

import java.util.Arrays;

/**
 * A (possibly unbounded) box in R^n, as Gymnasium's {@code Box}: the product of closed intervals
 * {@code [low[i], high[i]]}, each bound finite or, for float dtypes, infinite.
 *
 * <p>Values are primitive arrays in row-major (C) order, of the dtype's Java type: float32
 * {@code float[]}, float64 {@code double[]}, uint8 {@code byte[]} read as unsigned, int8 {@code byte[]},
 * int32 {@code int[]}, int64 {@code long[]}. A scalar shape {@code []} holds one element. Bounds are
 * cast to the dtype as Gymnasium casts them, so a float32 box's bounds are float32 values.
 *
 * <p>{@link #sample()} reproduces Gymnasium 1.x exactly for the same seed: unbounded elements draw
 * {@code normal}, lower-bounded ones {@code exponential + low}, upper-bounded ones
 * {@code -exponential + high}, bounded ones {@code uniform(low, high)}, each group in C order and in
 * that order; integer dtypes sample {@code [low, high + 1)} and take the floor.
 *
 * <p>Thread safety: the box's set, bounds and shape are immutable and {@link #contains} is thread-safe;
 * {@link #sample} and {@link #seed} use the box's own generator and must be confined to one thread.
 *
 * @param <T> the Java array type of values ({@code float[]}, {@code double[]}, {@code byte[]}, {@code int[]}, {@code long[]})
 */
public final class Box<T> extends SeededSpace implements Space<T> {

    private final DType dtype;
    private final int[] shape;
    private final double[] low;
    private final double[] high;
    /** Exact bounds for integer dtypes (the doubles above round int64); null for float dtypes. */
    private final long[] lowLong;
    private final long[] highLong;
    private final boolean[] boundedBelow;
    private final boolean[] boundedAbove;
    private final BoxBounds bounds;
    private String repr;

    private Box(BoxBounds b) {
        this.bounds = b;
        this.dtype = b.dtype;
        this.shape = b.shape;
        this.low = b.low;
        this.high = b.high;
        this.lowLong = b.lowLong;
        this.highLong = b.highLong;
        this.boundedBelow = b.boundedBelow;
        this.boundedAbove = b.boundedAbove;
    }

    static <T> Box<T> create(BoxBounds bounds) {
        return new Box<>(bounds);
    }

    // ---------------------------------------------------------------- factories

    /**
     * A float32 box with the same bounds for every element.
     *
     * @param low the lower bound, or {@code -Infinity}
     * @param high the upper bound, or {@code +Infinity}
     * @param shape the shape; no dimensions means a scalar (shape {@code ()}), unlike Gymnasium's
     *     {@code Box(low, high)} whose shape defaults to {@code (1,)}
     * @return the box
     * @throws IllegalArgumentException if a bound is NaN, {@code low > high}, or a dimension is negative
     */
    public static Box<float[]> float32(float low, float high, int... shape) {
        return create(BoxBounds.fromDoubles(DType.FLOAT32, BoxBounds.fill(low, shape), BoxBounds.fill(high, shape), shape));
    }

    /**
     * A one-dimensional float32 box with a bound per element.
     *
     * @param low the lower bounds (-Infinity for none)
     * @param high the upper bounds (+Infinity for none), as many as {@code low}
     * @return the box, of shape {@code (low.length,)}
     * @throws IllegalArgumentException if the lengths differ, a bound is NaN or some {@code low > high}
     */
    public static Box<float[]> float32(float[] low, float[] high) {
        return float32(low, high, new int[] {low.length});
    }

    /**
     * A float32 box with a bound per element.
     *
     * @param low the lower bounds in C order
     * @param high the upper bounds in C order
     * @param shape the shape, whose element count both bound arrays must have
     * @return the box
     * @throws IllegalArgumentException if the lengths do not match the shape, a bound is NaN or some {@code low > high}
     */
    public static Box<float[]> float32(float[] low, float[] high, int[] shape) {
        return create(BoxBounds.fromDoubles(DType.FLOAT32, widen(low), widen(high), shape));
    }

    /**
     * A float64 box with the same bounds for every element.
     *
     * @param low the lower bound, or {@code -Infinity}
     * @param high the upper bound, or {@code +Infinity}
     * @param shape the shape; no dimensions means a scalar
     * @return the box
     * @throws IllegalArgumentException if a bound is NaN, {@code low > high}, or a dimension is negative
     */
    public static Box<double[]> float64(double low, double high, int... shape) {
        return create(BoxBounds.fromDoubles(DType.FLOAT64, BoxBounds.fill(low, shape), BoxBounds.fill(high, shape), shape));
    }

    /**
     * A one-dimensional float64 box with a bound per element.
     *
     * @param low the lower bounds (-Infinity for none)
     * @param high the upper bounds (+Infinity for none), as many as {@code low}
     * @return the box, of shape {@code (low.length,)}
     * @throws IllegalArgumentException if the lengths differ, a bound is NaN or some {@code low > high}
     */
    public static Box<double[]> float64(double[] low, double[] high) {
        return float64(low, high, new int[] {low.length});
    }

    /**
     * A float64 box with a bound per element.
     *
     * @param low the lower bounds in C order
     * @param high the upper bounds in C order
     * @param shape the shape, whose element count both bound arrays must have
     * @return the box
     * @throws IllegalArgumentException if the lengths do not match the shape, a bound is NaN or some {@code low > high}
     */
    public static Box<double[]> float64(double[] low, double[] high, int[] shape) {
        return create(BoxBounds.fromDoubles(DType.FLOAT64, low.clone(), high.clone(), shape));
    }

    /**
     * A uint8 box (images), values {@code byte[]} read as unsigned.
     *
     * @param low the lower bound, in [0, 255]
     * @param high the upper bound, in [low, 255]
     * @param shape the shape; no dimensions means a scalar
     * @return the box
     * @throws IllegalArgumentException if a bound is outside [0, 255], {@code low > high}, or a dimension is negative
     */
    public static Box<byte[]> uint8(int low, int high, int... shape) {
        return create(BoxBounds.fromDoubles(DType.UINT8, BoxBounds.fill(low, shape), BoxBounds.fill(high, shape), shape));
    }

    /**
     * An int32 box.
     *
     * @param low the lower bound
     * @param high the upper bound, at least {@code low}
     * @param shape the shape; no dimensions means a scalar
     * @return the box
     * @throws IllegalArgumentException if {@code low > high} or a dimension is negative
     */
    public static Box<int[]> int32(int low, int high, int... shape) {
        return create(BoxBounds.fromDoubles(DType.INT32, BoxBounds.fill(low, shape), BoxBounds.fill(high, shape), shape));
    }

    /**
     * An int64 box.
     *
     * @param low the lower bound
     * @param high the upper bound, at least {@code low} (Gymnasium asks for at most {@code 2^63 - 2})
     * @param shape the shape; no dimensions means a scalar
     * @return the box
     * @throws IllegalArgumentException if {@code low > high} or a dimension is negative
     */
    public static Box<long[]> int64(long low, long high, int... shape) {
        int size = BoxBounds.checkedSize(shape);
        long[] lo = new long[size];
        long[] hi = new long[size];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return create(BoxBounds.fromLongs(DType.INT64, lo, hi, shape));
    }

    /**
     * A box of any dtype from float64 bounds, as Gymnasium's {@code Box(low_array, high_array, shape, dtype)}
     * with float64 arrays: float32 bounds round to nearest, integer bounds truncate toward zero,
     * {@code -inf}/{@code +inf} become the dtype's minimum/maximum for signed integer dtypes (and leave the
     * element unbounded for sampling), and are refused for uint8.
     *
     * @param dtype the element dtype
     * @param low the lower bounds in C order
     * @param high the upper bounds in C order
     * @param shape the shape, whose element count both bound arrays must have
     * @return the box
     * @throws IllegalArgumentException if the lengths do not match the shape, a bound is NaN or outside the
     *     dtype's range, or some {@code low > high} after the cast
     */
    public static Box<?> of(DType dtype, double[] low, double[] high, int[] shape) {
        return create(BoxBounds.fromDoubles(dtype, low.clone(), high.clone(), shape));
    }

    private static double[] widen(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    // ---------------------------------------------------------------- accessors

    /** @return the lower bounds in C order, widened to double (int64 bounds rounded to nearest) */
    public double[] low() {
        return low.clone();
    }

    /** @return the upper bounds in C order, widened to double (int64 bounds rounded to nearest) */
    public double[] high() {
        return high.clone();
    }

    /** @return per element, whether the box is bounded below (Gymnasium's {@code bounded_below}) */
    public boolean[] boundedBelow() {
        return boundedBelow.clone();
    }

    /** @return per element, whether the box is bounded above (Gymnasium's {@code bounded_above}) */
    public boolean[] boundedAbove() {
        return boundedAbove.clone();
    }

    /** @return whether every element is bounded on both sides (Gymnasium's {@code is_bounded("both")}) */
    public boolean isBounded() {
        for (int i = 0; i < boundedBelow.length; i++) {
            if (!boundedBelow[i] || !boundedAbove[i]) {
                return false;
            }
        }
        return true;
    }

    /** @return the number of elements of a value (1 for a scalar shape) */
    public int size() {
        return low.length;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    /** Exact bounds of an integer box, for flattening; null for float boxes. */
    long[] lowLongs() {
        return lowLong;
    }

    long[] highLongs() {
        return highLong;
    }

    double[] lowDoubles() {
        return low;
    }

    double[] highDoubles() {
        return high;
    }

    // ---------------------------------------------------------------- values

    /**
     * Clamps each element into its bounds, as {@code np.clip(value, low, high)}; NaN stays NaN.
     *
     * @param value an array of the box's Java type and size
     * @return a new array
     * @throws IllegalArgumentException if {@code value} is not of the box's Java type and size
     */
    @SuppressWarnings("unchecked")
    public T clip(T value) {
        requireShaped(value);
        Object out = PrimitiveArrays.copy(value);
        int n = low.length;
        if (dtype.isFloat()) {
            for (int i = 0; i < n; i++) {
                double v = PrimitiveArrays.getDouble(dtype, out, i);
                PrimitiveArrays.setFromDouble(dtype, out, i, Math.min(Math.max(v, low[i]), high[i]));
            }
        } else {
            for (int i = 0; i < n; i++) {
                long v = PrimitiveArrays.getLong(dtype, out, i);
                PrimitiveArrays.setFromLong(dtype, out, i, Math.min(Math.max(v, lowLong[i]), highLong[i]));
            }
        }
        return (T) out;
    }

    private void requireShaped(Object value) {
        if (PrimitiveArrays.lengthIfType(dtype, value) != low.length) {
            throw new IllegalArgumentException("Expected " + expectedType() + ", got " + describeType(value) + " for " + this);
        }
    }

    /** @return e.g. {@code float[] of length 4} */
    String expectedType() {
        return dtype.arrayType().getSimpleName() + " of length " + low.length;
    }

    private String describeType(Object x) {
        return PrimitiveArrays.describe(x, dtype.arrayType());
    }

    @Override
    public boolean contains(Object x) {
        if (x == null || x.getClass() != dtype.arrayType()) {
            return false;
        }
        switch (dtype) {
            case FLOAT32: {
                float[] a = (float[]) x;
                if (a.length != low.length) {
                    return false;
                }
                for (int i = 0; i < a.length; i++) {
                    if (!(a[i] >= low[i] && a[i] <= high[i])) {
                        return false;
                    }
                }
                return true;
            }
            case FLOAT64: {
                double[] a = (double[]) x;
                if (a.length != low.length) {
                    return false;
                }
                for (int i = 0; i < a.length; i++) {
                    if (!(a[i] >= low[i] && a[i] <= high[i])) {
                        return false;
                    }
                }
                return true;
            }
            default:
                return firstIntegerOutside(x) == -1;
        }
    }

    /** @return the first index of an integer array outside the bounds, -1 if none, -2 on a length mismatch */
    private int firstIntegerOutside(Object x) {
        int n = java.lang.reflect.Array.getLength(x);
        if (n != lowLong.length) {
            return -2;
        }
        for (int i = 0; i < n; i++) {
            long v = PrimitiveArrays.getLong(dtype, x, i);
            if (v < lowLong[i] || v > highLong[i]) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String whyNotContained(Object x) {
        if (PrimitiveArrays.lengthIfType(dtype, x) != low.length) {
            return "expected " + expectedType() + ", got " + describeType(x);
        }
        for (int i = 0; i < low.length; i++) {
            if (dtype.isFloat()) {
                double v = PrimitiveArrays.getDouble(dtype, x, i);
                if (Double.isNaN(v)) {
                    return "element " + indexText(i) + " is NaN";
                }
                if (!(v >= low[i] && v <= high[i])) {
                    return "element " + indexText(i) + " = " + element(v) + " is outside [" + element(low[i]) + ", " + element(high[i]) + "]";
                }
            } else {
                long v = PrimitiveArrays.getLong(dtype, x, i);
                if (v < lowLong[i] || v > highLong[i]) {
                    return "element " + indexText(i) + " = " + v + " is outside [" + lowLong[i] + ", " + highLong[i] + "]";
                }
            }
        }
        return null;
    }

    /**
     * The reason an action is refused, or null: the wrong type or length, NaN, or an infinite element
     * beyond its bound. A finite element outside the bounds is accepted, as Gymnasium lets envs clip.
     */
    String actionProblem(Object action) {
        if (action instanceof float[] && dtype == DType.FLOAT32) {
            float[] a = (float[]) action;
            if (a.length == low.length) {
                boolean allFinite = true;
                for (float v : a) {
                    allFinite &= v - v == 0;
                }
                if (allFinite) {
                    return null;
                }
            }
        } else if (action instanceof double[] && dtype == DType.FLOAT64) {
            double[] a = (double[]) action;
            if (a.length == low.length) {
                boolean allFinite = true;
                for (double v : a) {
                    allFinite &= v - v == 0;
                }
                if (allFinite) {
                    return null;
                }
            }
        } else if (!dtype.isFloat() && PrimitiveArrays.lengthIfType(dtype, action) == low.length) {
            return null;
        }
        return slowActionProblem(action);
    }

    private String slowActionProblem(Object action) {
        if (PrimitiveArrays.lengthIfType(dtype, action) != low.length) {
            return "expected " + expectedType() + ", got " + describeType(action);
        }
        for (int i = 0; i < low.length; i++) {
            double v = PrimitiveArrays.getDouble(dtype, action, i);
            if (Double.isNaN(v)) {
                return "expected " + expectedType() + " without NaN, got NaN at index " + indexText(i);
            }
            if (Double.isInfinite(v) && !(v >= low[i] && v <= high[i])) {
                return "expected finite values or infinities within the bounds, got " + element(v) + " at index " + indexText(i)
                        + " where the bounds are [" + element(low[i]) + ", " + element(high[i]) + "]";
            }
        }
        return null;
    }

    private String element(double v) {
        return dtype == DType.FLOAT32 ? NumpyFormat.pythonFloat32((float) v) : NumpyFormat.pythonFloat(v);
    }

    /** @return a flat index as {@code [i]}, or as a multi-index {@code [i, j]} for a multi-dimensional shape */
    private String indexText(int flat) {
        if (shape.length <= 1) {
            return "[" + flat + "]";
        }
        int[] idx = new int[shape.length];
        int rest = flat;
        for (int a = shape.length - 1; a >= 0; a--) {
            idx[a] = rest % shape[a];
            rest /= shape[a];
        }
        return Arrays.toString(idx);
    }

    // ---------------------------------------------------------------- sampling

    /**
     * Draws a value exactly as Gymnasium 1.x's {@code Box.sample()} does with the same seed.
     *
     * @return a new array of the box's Java type
     * @throws ArithmeticException if a bounded element's range {@code high - low} overflows float64
     *     (NumPy's "Range exceeds valid bounds")
     */
    @Override
    @SuppressWarnings("unchecked")
    public T sample() {
        return (T) BoxSampler.sample(bounds, random.get(), this);
    }

    // ---------------------------------------------------------------- value helpers

    @Override
    @SuppressWarnings("unchecked")
    public T copyValue(T x) {
        return (T) PrimitiveArrays.copy(x);
    }

    @Override
    public boolean valuesEqual(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        int n = PrimitiveArrays.lengthIfType(dtype, a);
        if (n < 0 || n != PrimitiveArrays.lengthIfType(dtype, b)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (dtype.isFloat()) {
                double x = PrimitiveArrays.getDouble(dtype, a, i);
                double y = PrimitiveArrays.getDouble(dtype, b, i);
                if (!(x == y || (Double.isNaN(x) && Double.isNaN(y)))) {
                    return false;
                }
            } else if (PrimitiveArrays.getLong(dtype, a, i) != PrimitiveArrays.getLong(dtype, b, i)) {
                return false;
            }
        }
        return true;
    }

    /** @return the value as nested Python lists, e.g. {@code [[0.5, 1.0], [2.0, 3.0]]}; a scalar shape as the bare number */
    @Override
    public String valueToString(Object x) {
        int n = PrimitiveArrays.lengthIfType(dtype, x);
        if (n != low.length) {
            return ValueText.generic(x);
        }
        return ValueText.nested(shape, i -> {
            if (dtype == DType.FLOAT32) {
                return NumpyFormat.pythonFloat32(((float[]) x)[i]);
            } else if (dtype == DType.FLOAT64) {
                return NumpyFormat.pythonFloat(((double[]) x)[i]);
            }
            return Long.toString(PrimitiveArrays.getLong(dtype, x, i));
        });
    }

    // ---------------------------------------------------------------- identity

    /**
     * @return Gymnasium's repr, e.g. {@code Box(-1.0, 1.0, (3,), float32)} or
     *     {@code Box([-4.8 -inf], [4.8 inf], (2,), float32)}: a bound equal for every element prints as a
     *     NumPy scalar, otherwise as NumPy prints the array
     */
    @Override
    public String toString() {
        String r = repr;
        if (r == null) {
            r = "Box(" + boundRepr(low, lowLong) + ", " + boundRepr(high, highLong) + ", "
                    + NumpyFormat.shapeTuple(shape) + ", " + dtype.numpyName() + ")";
            repr = r;
        }
        return r;
    }

    private String boundRepr(double[] values, long[] longs) {
        boolean uniform = values.length > 0;
        for (int i = 1; i < values.length && uniform; i++) {
            uniform = longs == null ? values[i] == values[0] : longs[i] == longs[0];
        }
        if (longs != null) {
            return uniform ? Long.toString(longs[0]) : NumpyFormat.intArray(longs, shape);
        }
        boolean f32 = dtype == DType.FLOAT32;
        return uniform ? NumpyFormat.floatScalar(values[0], f32) : NumpyFormat.floatArray(values, shape, f32);
    }

    /** Equal when dtype, shape, bounds and boundedness agree exactly (Gymnasium compares bounds with {@code allclose}). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Box)) {
            return false;
        }
        Box<?> other = (Box<?>) o;
        return dtype == other.dtype && Arrays.equals(shape, other.shape)
                && Arrays.equals(low, other.low) && Arrays.equals(high, other.high)
                && Arrays.equals(lowLong, other.lowLong) && Arrays.equals(highLong, other.highLong)
                && Arrays.equals(boundedBelow, other.boundedBelow) && Arrays.equals(boundedAbove, other.boundedAbove);
    }

    @Override
    public int hashCode() {
        int h = dtype.hashCode();
        h = 31 * h + Arrays.hashCode(shape);
        h = 31 * h + Arrays.hashCode(low);
        h = 31 * h + Arrays.hashCode(high);
        h = 31 * h + Arrays.hashCode(lowLong);
        return 31 * h + Arrays.hashCode(highLong);
    }
}
