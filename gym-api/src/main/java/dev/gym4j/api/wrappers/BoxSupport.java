package dev.gym4j.api.wrappers;

import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.Space;
import java.util.Arrays;

/** Helpers the Box-based wrappers share: typed Box construction and dtype-generic array conversion. */
final class BoxSupport {

    private BoxSupport() {
    }

    /**
     * @param space a space that must be a Box
     * @param wrapper the wrapper's name, for the message
     * @param what {@code "action"} or {@code "observation"}
     * @param <T> the value type
     * @return the space as a Box
     * @throws InvalidArgumentException if it is not a Box
     */
    @SuppressWarnings("unchecked")
    static <T> Box<T> requireBox(Space<T> space, String wrapper, String what) {
        if (!(space instanceof Box<?>)) {
            throw new InvalidArgumentException(wrapper + " needs a Box " + what + " space, got " + space);
        }
        return (Box<T>) space;
    }

    /**
     * @param box a Box
     * @param wrapper the wrapper's name, for the message
     * @param what {@code "action"} or {@code "observation"}
     * @throws InvalidArgumentException if the Box's dtype is not float32 or float64
     */
    static void requireFloat(Box<?> box, String wrapper, String what) {
        if (!box.dtype().isFloat()) {
            throw new InvalidArgumentException(wrapper + " needs a float32 or float64 Box " + what + " space, got " + box);
        }
    }

    /** {@code Box.of} with the value type the caller knows it has. */
    @SuppressWarnings("unchecked")
    static <T> Box<T> box(DType dtype, double[] low, double[] high, int[] shape) {
        return (Box<T>) (Box<?>) Box.of(dtype, low, high, shape);
    }

    /** @return a Box of the same shape and dtype with bounds -inf and +inf */
    static <T> Box<T> unbounded(Box<?> like) {
        double[] low = new double[like.size()];
        double[] high = new double[like.size()];
        Arrays.fill(low, Double.NEGATIVE_INFINITY);
        Arrays.fill(high, Double.POSITIVE_INFINITY);
        return box(like.dtype(), low, high, like.shape());
    }

    /**
     * @param values element values
     * @param dtype the target dtype
     * @return a fresh primitive array of {@code dtype} holding the values cast as NumPy's {@code astype}
     *     does for in-range values
     */
    static Object toArray(double[] values, DType dtype) {
        int n = values.length;
        switch (dtype) {
            case FLOAT32: {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (float) values[i];
                }
                return a;
            }
            case FLOAT64:
                return values.clone();
            case UINT8:
            case INT8: {
                byte[] a = new byte[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (byte) (long) values[i];
                }
                return a;
            }
            case INT32: {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (int) values[i];
                }
                return a;
            }
            case INT64: {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) {
                    a[i] = (long) values[i];
                }
                return a;
            }
            default:
                throw new AssertionError(dtype);
        }
    }

    /** @return a short description of a value's type and length, for error messages */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value.getClass().isArray()) {
            return value.getClass().getSimpleName() + " of length " + java.lang.reflect.Array.getLength(value);
        }
        return value.getClass().getName();
    }
}
