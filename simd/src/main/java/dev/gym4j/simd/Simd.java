package dev.gym4j.simd;

/**
 * Whether the Vector API kernels of {@link VectorDense} and {@link VectorConv} can run in this JVM. This class
 * names no Vector API type, so it loads whether or not {@code jdk.incubator.vector} is present. Thread-safe
 * (immutable).
 */
public final class Simd {

    /** The system property that turns the vector kernels off ({@code -Dgym4j.simd=false}), for comparisons. */
    public static final String PROPERTY = "gym4j.simd";

    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty(PROPERTY));

    private Simd() {
    }

    /**
     * @return true when the JVM was started with {@code --add-modules jdk.incubator.vector} (and
     *     {@code -Dgym4j.simd=false} was not given), so that {@link VectorDense} may be called
     */
    public static boolean available() {
        return AVAILABLE;
    }
}
