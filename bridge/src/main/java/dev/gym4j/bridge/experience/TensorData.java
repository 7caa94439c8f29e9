package dev.gym4j.bridge.experience;

import dev.gym4j.api.spaces.DType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A dense, row-major array of one dtype with a shape: the batch form in which experience and policies travel
 * ({@code observations} of a fragment are one {@code TensorData} of shape {@code [T, obs...]}, not a list of
 * arrays). Values are held as little-endian bytes, as NumPy's {@code tobytes()} gives them.
 *
 * <p>Immutable: the constructor and the factories copy their arrays, and the accessors return copies.
 * Thread-safe.
 *
 * @param dtype element type
 * @param shape dimensions, each {@code >= 0}; an empty shape is a scalar
 * @param data little-endian element bytes, exactly {@code elementCount(shape) * itemSize(dtype)} of them
 */
public record TensorData(DType dtype, int[] shape, byte[] data) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a dimension is negative, the element count overflows, or the data
     *     length is not the shape's element count times the item size
     */
    public TensorData {
        if (dtype == null || shape == null || data == null) {
            throw new IllegalArgumentException("dtype, shape and data must be non-null");
        }
        shape = shape.clone();
        long expected = elementCount(shape) * itemSize(dtype);
        if (expected != data.length) {
            throw new IllegalArgumentException("tensor of dtype " + dtype + " and shape " + Arrays.toString(shape)
                    + " needs " + expected + " bytes, got " + data.length);
        }
        data = data.clone();
    }

    /**
     * The number of elements of a shape.
     *
     * @param shape dimensions
     * @return their product (1 for a scalar)
     * @throws IllegalArgumentException if a dimension is negative or the product exceeds {@code Integer.MAX_VALUE}
     */
    public static long elementCount(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more than "
                        + Integer.MAX_VALUE + " elements");
            }
        }
        return n;
    }

    /**
     * Bytes per element.
     *
     * @param dtype a dtype
     * @return 1, 4 or 8
     */
    public static int itemSize(DType dtype) {
        switch (dtype) {
            case UINT8:
            case INT8:
                return 1;
            case FLOAT32:
            case INT32:
                return 4;
            case FLOAT64:
            case INT64:
                return 8;
            default:
                throw new AssertionError(dtype);
        }
    }

    /**
     * A float32 tensor.
     *
     * @param shape dimensions whose product is {@code values.length}
     * @param values the elements, row-major
     * @return the tensor
     */
    public static TensorData ofFloats(int[] shape, float[] values) {
        ByteBuffer b = buffer(values.length * 4);
        b.asFloatBuffer().put(values);
        return new TensorData(DType.FLOAT32, shape, b.array());
    }

    /**
     * A float64 tensor.
     *
     * @param shape dimensions whose product is {@code values.length}
     * @param values the elements, row-major
     * @return the tensor
     */
    public static TensorData ofDoubles(int[] shape, double[] values) {
        ByteBuffer b = buffer(values.length * 8);
        b.asDoubleBuffer().put(values);
        return new TensorData(DType.FLOAT64, shape, b.array());
    }

    /**
     * An int64 tensor.
     *
     * @param shape dimensions whose product is {@code values.length}
     * @param values the elements, row-major
     * @return the tensor
     */
    public static TensorData ofLongs(int[] shape, long[] values) {
        ByteBuffer b = buffer(values.length * 8);
        b.asLongBuffer().put(values);
        return new TensorData(DType.INT64, shape, b.array());
    }

    /**
     * An int32 tensor.
     *
     * @param shape dimensions whose product is {@code values.length}
     * @param values the elements, row-major
     * @return the tensor
     */
    public static TensorData ofInts(int[] shape, int[] values) {
        ByteBuffer b = buffer(values.length * 4);
        b.asIntBuffer().put(values);
        return new TensorData(DType.INT32, shape, b.array());
    }

    /**
     * A uint8 or int8 tensor.
     *
     * @param dtype {@link DType#UINT8} or {@link DType#INT8}
     * @param shape dimensions whose product is {@code values.length}
     * @param values the elements, row-major
     * @return the tensor
     */
    public static TensorData ofBytes(DType dtype, int[] shape, byte[] values) {
        if (itemSize(dtype) != 1) {
            throw new IllegalArgumentException("ofBytes takes uint8 or int8, not " + dtype);
        }
        return new TensorData(dtype, shape, values);
    }

    /** @return a copy of the shape */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** @return a copy of the little-endian bytes */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** @return the number of elements */
    public int size() {
        return (int) elementCount(shape);
    }

    /**
     * The elements as floats, converting from any dtype (uint8 read unsigned).
     *
     * @return a new array of {@link #size()} values
     */
    public float[] floats() {
        double[] d = doubles();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        if (dtype == DType.FLOAT32) {
            ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
        }
        return f;
    }

    /**
     * The elements as doubles, converting from any dtype (uint8 read unsigned).
     *
     * @return a new array of {@link #size()} values
     */
    public double[] doubles() {
        int n = size();
        double[] out = new double[n];
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            switch (dtype) {
                case FLOAT32: out[i] = b.getFloat(i * 4); break;
                case FLOAT64: out[i] = b.getDouble(i * 8); break;
                case UINT8: out[i] = b.get(i) & 0xff; break;
                case INT8: out[i] = b.get(i); break;
                case INT32: out[i] = b.getInt(i * 4); break;
                case INT64: out[i] = b.getLong(i * 8); break;
                default: throw new AssertionError(dtype);
            }
        }
        return out;
    }

    /**
     * The elements as longs; only for integer dtypes (uint8 read unsigned).
     *
     * @return a new array of {@link #size()} values
     * @throws IllegalStateException if the dtype is a float dtype
     */
    public long[] longs() {
        if (dtype.isFloat()) {
            throw new IllegalStateException("longs() needs an integer tensor, this one is " + dtype);
        }
        double[] d = doubles();
        long[] out = new long[d.length];
        if (dtype == DType.INT64) {
            ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
            return out;
        }
        for (int i = 0; i < d.length; i++) {
            out[i] = (long) d[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorData t && t.dtype == dtype && Arrays.equals(t.shape, shape)
                && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "TensorData[" + dtype + " " + Arrays.toString(shape) + "]";
    }

    private static ByteBuffer buffer(int bytes) {
        return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
}
