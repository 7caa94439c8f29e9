package dev.gym4j.api.spaces;

import java.util.Arrays;

/**
 * Arrays of independent bits, as Gymnasium's {@code MultiBinary} (dtype int8). Values are {@code byte[]}
 * of 0 and 1 in row-major order.
 *
 * <p>Thread safety: the shape is immutable and {@link #contains} is thread-safe; {@link #sample} and
 * {@link #seed} use the space's own generator and must be confined to one thread.
 */
public final class MultiBinary extends SeededSpace implements Space<byte[]> {

    private final int[] shape;
    private final int size;
    /** Whether it was made from an int, as {@code MultiBinary(4)}; Gymnasium prints the two forms differently. */
    private final boolean fromInt;

    /**
     * {@code n} bits, shape {@code (n,)}.
     *
     * @param n the number of bits, at least 1
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public MultiBinary(int n) {
        this(new int[] {n}, true);
    }

    /**
     * Bits in an array of the given shape.
     *
     * @param shape the shape, every dimension at least 1
     * @throws IllegalArgumentException if a dimension is below 1
     */
    public MultiBinary(int[] shape) {
        this(shape.clone(), false);
    }

    private MultiBinary(int[] shape, boolean fromInt) {
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("MultiBinary dimensions must be positive, got " + Arrays.toString(shape));
            }
        }
        this.shape = shape;
        this.size = BoxBounds.checkedSize(shape);
        this.fromInt = fromInt;
    }

    /** @return the number of bits */
    public int size() {
        return size;
    }

    @Override
    public boolean contains(Object x) {
        if (!(x instanceof byte[]) || ((byte[]) x).length != size) {
            return false;
        }
        for (byte b : (byte[]) x) {
            if (b != 0 && b != 1) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String whyNotContained(Object x) {
        if (!(x instanceof byte[]) || ((byte[]) x).length != size) {
            return "expected byte[] of length " + size + ", got " + PrimitiveArrays.describe(x, byte[].class);
        }
        byte[] a = (byte[]) x;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != 0 && a[i] != 1) {
                return "element [" + i + "] = " + a[i] + " is not 0 or 1";
            }
        }
        return null;
    }

    /**
     * Draws {@code integers(0, 2, size, dtype=int8)}, as Gymnasium's {@code MultiBinary.sample()}.
     *
     * @return a new value
     */
    @Override
    public byte[] sample() {
        byte[] out = new byte[size];
        random.get().integersInt8(0, 2, out);
        return out;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** @return {@link DType#INT8} */
    @Override
    public DType dtype() {
        return DType.INT8;
    }

    @Override
    public byte[] copyValue(byte[] x) {
        return x.clone();
    }

    @Override
    public boolean valuesEqual(Object a, Object b) {
        return PrimitiveArrays.valuesEqual(byte[].class, a, b);
    }

    /** @return nested Python lists of the bits, e.g. {@code [[1, 0], [0, 1]]} */
    @Override
    public String valueToString(Object x) {
        if (!(x instanceof byte[]) || ((byte[]) x).length != size) {
            return ValueText.generic(x);
        }
        return ValueText.nested(shape, i -> Byte.toString(((byte[]) x)[i]));
    }

    /** @return Gymnasium's repr: {@code MultiBinary(4)}, or {@code MultiBinary((2, 3))} when made from a shape */
    @Override
    public String toString() {
        return "MultiBinary(" + (fromInt ? Integer.toString(shape[0]) : NumpyFormat.shapeTuple(shape)) + ")";
    }

    /** Equal when the shape and the form (int or shape) agree, as Gymnasium compares {@code n}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MultiBinary && ((MultiBinary) o).fromInt == fromInt && Arrays.equals(((MultiBinary) o).shape, shape);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 2 + (fromInt ? 1 : 0);
    }
}
