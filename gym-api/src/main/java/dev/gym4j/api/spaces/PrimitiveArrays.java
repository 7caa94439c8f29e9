package dev.gym4j.api.spaces;

import java.util.Objects;

/**
 * Element access and NumPy-style casts on the primitive arrays that hold values of each {@link DType}.
 *
 * <p>Stateless and thread-safe.
 */
final class PrimitiveArrays {

    private static final double TWO_63 = 0x1p63;

    private PrimitiveArrays() {
    }

    /** @return a new zeroed array of {@code n} elements of the dtype's Java type */
    static Object newArray(DType dtype, int n) {
        switch (dtype) {
            case FLOAT32: return new float[n];
            case FLOAT64: return new double[n];
            case UINT8:
            case INT8: return new byte[n];
            case INT32: return new int[n];
            case INT64: return new long[n];
            default: throw new AssertionError(dtype);
        }
    }

    /** @return element {@code i} widened to double (uint8 read unsigned; int64 rounded to nearest) */
    static double getDouble(DType dtype, Object array, int i) {
        switch (dtype) {
            case FLOAT32: return ((float[]) array)[i];
            case FLOAT64: return ((double[]) array)[i];
            case UINT8: return ((byte[]) array)[i] & 0xff;
            case INT8: return ((byte[]) array)[i];
            case INT32: return ((int[]) array)[i];
            case INT64: return ((long[]) array)[i];
            default: throw new AssertionError(dtype);
        }
    }

    /** @return element {@code i} of an integer dtype's array, exactly (uint8 read unsigned) */
    static long getLong(DType dtype, Object array, int i) {
        switch (dtype) {
            case UINT8: return ((byte[]) array)[i] & 0xff;
            case INT8: return ((byte[]) array)[i];
            case INT32: return ((int[]) array)[i];
            case INT64: return ((long[]) array)[i];
            default: throw new AssertionError("not an integer dtype: " + dtype);
        }
    }

    /** Stores a float64 value with NumPy's {@code astype}: float32 rounds to nearest, integers truncate. */
    static void setFromDouble(DType dtype, Object array, int i, double value) {
        switch (dtype) {
            case FLOAT32: ((float[]) array)[i] = (float) value; break;
            case FLOAT64: ((double[]) array)[i] = value; break;
            case UINT8:
            case INT8: ((byte[]) array)[i] = (byte) doubleToInt32(value); break;
            case INT32: ((int[]) array)[i] = doubleToInt32(value); break;
            case INT64: ((long[]) array)[i] = doubleToInt64(value); break;
            default: throw new AssertionError(dtype);
        }
    }

    /** Stores an int64 value with NumPy's {@code astype}: narrower integers wrap, floats round to nearest. */
    static void setFromLong(DType dtype, Object array, int i, long value) {
        switch (dtype) {
            case FLOAT32: ((float[]) array)[i] = (float) value; break;
            case FLOAT64: ((double[]) array)[i] = (double) value; break;
            case UINT8:
            case INT8: ((byte[]) array)[i] = (byte) value; break;
            case INT32: ((int[]) array)[i] = (int) value; break;
            case INT64: ((long[]) array)[i] = value; break;
            default: throw new AssertionError(dtype);
        }
    }

    /**
     * A float64 to int64 cast as NumPy does it on x86-64 (CVTTSD2SI): truncation toward zero, and the
     * "integer indefinite" value {@code Long.MIN_VALUE} for NaN and anything outside the int64 range
     * (Java's cast would saturate instead).
     */
    static long doubleToInt64(double value) {
        if (!(value >= -TWO_63 && value < TWO_63)) {
            return Long.MIN_VALUE;
        }
        return (long) value;
    }

    /** A float64 to int32 cast as on x86-64: truncation, {@code Integer.MIN_VALUE} when out of range or NaN. */
    static int doubleToInt32(double value) {
        if (!(value > -2147483649.0 && value < 2147483648.0)) {
            return Integer.MIN_VALUE;
        }
        return (int) value;
    }

    /** @return a copy of any primitive array */
    static Object copy(Object array) {
        if (array instanceof float[]) {
            return ((float[]) array).clone();
        } else if (array instanceof double[]) {
            return ((double[]) array).clone();
        } else if (array instanceof byte[]) {
            return ((byte[]) array).clone();
        } else if (array instanceof int[]) {
            return ((int[]) array).clone();
        } else if (array instanceof long[]) {
            return ((long[]) array).clone();
        }
        throw new IllegalArgumentException("not a primitive numeric array: " + typeName(array));
    }

    /**
     * @param arrayType a primitive array class, such as {@code long[].class}
     * @return whether {@code a} and {@code b} are equal: by content when both are arrays of
     *     {@code arrayType}, else as {@link Objects#equals}
     */
    static boolean valuesEqual(Class<?> arrayType, Object a, Object b) {
        if (arrayType.isInstance(a) && arrayType.isInstance(b)) {
            return Objects.deepEquals(a, b);
        }
        return Objects.equals(a, b);
    }

    /** @return the Java type for messages: {@code float[]}, {@code Integer}, {@code null} */
    static String typeName(Object x) {
        if (x == null) {
            return "null";
        }
        Class<?> c = x.getClass();
        return c.isArray() ? c.getComponentType().getSimpleName() + "[]" : c.getSimpleName();
    }

    /**
     * @return the Java type for messages, with the length when {@code x} is an array of the expected
     *     class: {@code double[]}, {@code float[] of length 3}, {@code String}, {@code null}
     */
    static String describe(Object x, Class<?> expected) {
        if (x != null && x.getClass() == expected && expected.isArray()) {
            return typeName(x) + " of length " + java.lang.reflect.Array.getLength(x);
        }
        return typeName(x);
    }

    /** @return the length of a primitive array of the dtype's type, or -1 if {@code x} is not one */
    static int lengthIfType(DType dtype, Object x) {
        if (x == null || x.getClass() != dtype.arrayType()) {
            return -1;
        }
        return java.lang.reflect.Array.getLength(x);
    }
}
