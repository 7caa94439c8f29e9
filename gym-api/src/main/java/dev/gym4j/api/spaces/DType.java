package dev.gym4j.api.spaces;

/**
 * The element types gym4j's spaces use, named as NumPy names them.
 *
 * <p>Thread-safe (an enum).
 */
public enum DType {
    /** 32-bit IEEE float; Java {@code float[]}. */
    FLOAT32("float32", float[].class),
    /** 64-bit IEEE float; Java {@code double[]}. */
    FLOAT64("float64", double[].class),
    /** unsigned 8-bit integer; Java {@code byte[]} read with {@code & 0xff}. */
    UINT8("uint8", byte[].class),
    /** signed 8-bit integer; Java {@code byte[]} (MultiBinary's dtype). */
    INT8("int8", byte[].class),
    /** signed 32-bit integer; Java {@code int[]}. */
    INT32("int32", int[].class),
    /** signed 64-bit integer; Java {@code long[]}. */
    INT64("int64", long[].class);

    private final String numpyName;
    private final Class<?> arrayType;

    DType(String numpyName, Class<?> arrayType) {
        this.numpyName = numpyName;
        this.arrayType = arrayType;
    }

    /** @return NumPy's name, such as {@code float32} */
    public String numpyName() {
        return numpyName;
    }

    /** @return the Java array class holding values of this dtype */
    public Class<?> arrayType() {
        return arrayType;
    }

    /** @return whether this is a floating-point dtype */
    public boolean isFloat() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /**
     * @param name a NumPy dtype name such as {@code float32}
     * @return the dtype
     * @throws IllegalArgumentException naming the supported dtypes if {@code name} is not one
     */
    public static DType fromNumpyName(String name) {
        for (DType d : values()) {
            if (d.numpyName.equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("Unknown dtype '" + name + "'; expected one of float32, float64, uint8, int8, int32, int64");
    }

    @Override
    public String toString() {
        return numpyName;
    }
}
