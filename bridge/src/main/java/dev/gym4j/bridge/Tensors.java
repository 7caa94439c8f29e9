package dev.gym4j.bridge;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import dev.gym4j.bridge.proto.DType;
import dev.gym4j.bridge.proto.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Primitive arrays to and from the wire's {@link Tensor}: row-major, little-endian, no padding.
 *
 * <p>Thread-safe (stateless).
 */
final class Tensors {

    private Tensors() {
    }

    static Tensor of(DType dtype, int[] shape, Object array) {
        Tensor.Builder t = Tensor.newBuilder().setDtype(dtype);
        for (int d : shape) {
            t.addShape(d);
        }
        return t.setData(bytes(array)).build();
    }

    /** @return the little-endian bytes of a primitive array, wrapped without a second copy */
    static ByteString bytes(Object array) {
        if (array instanceof byte[] b) {
            return ByteString.copyFrom(b);
        }
        if (array instanceof boolean[] z) {
            byte[] out = new byte[z.length];
            for (int i = 0; i < z.length; i++) {
                out[i] = (byte) (z[i] ? 1 : 0);
            }
            return UnsafeByteOperations.unsafeWrap(out);
        }
        ByteBuffer buf;
        if (array instanceof float[] f) {
            buf = allocate(f.length * 4);
            buf.asFloatBuffer().put(f);
        } else if (array instanceof double[] d) {
            buf = allocate(d.length * 8);
            buf.asDoubleBuffer().put(d);
        } else if (array instanceof int[] i) {
            buf = allocate(i.length * 4);
            buf.asIntBuffer().put(i);
        } else if (array instanceof long[] l) {
            buf = allocate(l.length * 8);
            buf.asLongBuffer().put(l);
        } else {
            throw new IllegalArgumentException("not a primitive array: " + array);
        }
        return UnsafeByteOperations.unsafeWrap(buf.array());
    }

    private static ByteBuffer allocate(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    static int itemSize(DType dtype) {
        switch (dtype) {
            case DTYPE_FLOAT32:
            case DTYPE_INT32:
                return 4;
            case DTYPE_FLOAT64:
            case DTYPE_INT64:
                return 8;
            case DTYPE_UINT8:
            case DTYPE_INT8:
            case DTYPE_BOOL:
                return 1;
            default:
                throw new ProtocolException("tensor has no dtype (got " + dtype + ")");
        }
    }

    /** The most elements a tensor decoded into a Java array may have. */
    static final long MAX_ARRAY_ELEMENTS = Integer.MAX_VALUE - 8;

    /** @return the number of elements the tensor's shape holds, checked against its data */
    static int checkedSize(Tensor t) {
        RequestChecks.checkTensor(t, MAX_ARRAY_ELEMENTS);
        return (int) checkedElements(t.getShapeList(), MAX_ARRAY_ELEMENTS);
    }

    /**
     * @return the product of the dimensions, computed without overflow
     * @throws ProtocolException if a dimension is negative, there are more than 32 dimensions (NumPy's
     *     limit), or the product is over {@code maxElements}
     */
    static long checkedElements(java.util.List<Long> shape, long maxElements) {
        if (shape.size() > 32) {
            throw new ProtocolException("tensor has " + shape.size() + " dimensions, at most 32 are allowed");
        }
        long n = 1;
        boolean zero = false;
        for (long d : shape) {
            if (d < 0) {
                throw new ProtocolException("tensor has a negative dimension " + d + " in shape " + shapeText(shape));
            }
            if (d == 0) {
                zero = true;
            } else if (n > maxElements / d) {
                throw new ProtocolException("tensor of shape " + shapeText(shape) + " has more than " + maxElements + " elements");
            } else {
                n *= d;
            }
        }
        if (!zero && n > maxElements) {
            throw new ProtocolException("tensor of shape " + shapeText(shape) + " has more than " + maxElements + " elements");
        }
        return zero ? 0 : n;
    }

    /** @return the shape as NumPy prints it, such as {@code (84, 84, 3)}, shortened past 8 dimensions */
    static String shapeText(java.util.List<Long> shape) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.size() && i < 8; i++) {
            b.append(i == 0 ? "" : ", ").append(shape.get(i));
        }
        if (shape.size() > 8) {
            b.append(", ... ").append(shape.size()).append(" dimensions");
        } else if (shape.size() == 1) {
            b.append(',');
        }
        return b.append(')').toString();
    }

    /** @return whether the tensor's shape is exactly {@code expected} */
    static boolean hasShape(Tensor t, int[] expected) {
        if (t.getShapeCount() != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (t.getShape(i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** @return the tensor's elements as the Java array of its dtype (boolean[] for bool, byte[] for uint8/int8) */
    static Object toArray(Tensor t) {
        int n = checkedSize(t);
        ByteBuffer buf = t.getData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        switch (t.getDtype()) {
            case DTYPE_FLOAT32: {
                float[] out = new float[n];
                buf.asFloatBuffer().get(out);
                return out;
            }
            case DTYPE_FLOAT64: {
                double[] out = new double[n];
                buf.asDoubleBuffer().get(out);
                return out;
            }
            case DTYPE_INT32: {
                int[] out = new int[n];
                buf.asIntBuffer().get(out);
                return out;
            }
            case DTYPE_INT64: {
                long[] out = new long[n];
                buf.asLongBuffer().get(out);
                return out;
            }
            case DTYPE_UINT8:
            case DTYPE_INT8:
                return t.getData().toByteArray();
            case DTYPE_BOOL: {
                byte[] b = t.getData().toByteArray();
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    out[i] = b[i] != 0;
                }
                return out;
            }
            default:
                throw new ProtocolException("tensor has no dtype");
        }
    }

    static long[] longs(Tensor t) {
        Object a = toArray(t);
        if (a instanceof long[] l) {
            return l;
        }
        if (a instanceof int[] i) {
            long[] out = new long[i.length];
            for (int k = 0; k < i.length; k++) {
                out[k] = i[k];
            }
            return out;
        }
        if (a instanceof byte[] b) {
            long[] out = new long[b.length];
            for (int k = 0; k < b.length; k++) {
                out[k] = t.getDtype() == DType.DTYPE_UINT8 ? b[k] & 0xff : b[k];
            }
            return out;
        }
        throw new ProtocolException("expected an integer tensor, got dtype " + name(t.getDtype()));
    }

    static DType toWire(dev.gym4j.api.spaces.DType d) {
        switch (d) {
            case FLOAT32:
                return DType.DTYPE_FLOAT32;
            case FLOAT64:
                return DType.DTYPE_FLOAT64;
            case UINT8:
                return DType.DTYPE_UINT8;
            case INT8:
                return DType.DTYPE_INT8;
            case INT32:
                return DType.DTYPE_INT32;
            case INT64:
                return DType.DTYPE_INT64;
            default:
                throw new AssertionError(d);
        }
    }

    static dev.gym4j.api.spaces.DType fromWire(DType d) {
        switch (d) {
            case DTYPE_FLOAT32:
                return dev.gym4j.api.spaces.DType.FLOAT32;
            case DTYPE_FLOAT64:
                return dev.gym4j.api.spaces.DType.FLOAT64;
            case DTYPE_UINT8:
                return dev.gym4j.api.spaces.DType.UINT8;
            case DTYPE_INT8:
                return dev.gym4j.api.spaces.DType.INT8;
            case DTYPE_INT32:
                return dev.gym4j.api.spaces.DType.INT32;
            case DTYPE_INT64:
                return dev.gym4j.api.spaces.DType.INT64;
            default:
                throw new ProtocolException("dtype " + name(d) + " is not a Box dtype");
        }
    }

    /** @return the gym-api dtype of a wire dtype, or null for bool or none */
    static dev.gym4j.api.spaces.DType fromWireOrNull(DType d) {
        return d == DType.DTYPE_BOOL || d == DType.DTYPE_UNSPECIFIED || d == DType.UNRECOGNIZED ? null : fromWire(d);
    }

    static String name(DType d) {
        return d.name().replace("DTYPE_", "").toLowerCase(java.util.Locale.ROOT);
    }
}
