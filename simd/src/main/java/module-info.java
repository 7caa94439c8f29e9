/**
 * Dense-layer and convolution kernels on the JDK's Vector API, for the trainer. The incubator module is optional:
 * {@link dev.gym4j.simd.Simd#available()} says whether the JVM was started with
 * {@code --add-modules jdk.incubator.vector}; the trainer falls back to its scalar kernels (same bits) otherwise.
 */
module dev.gym4j.simd {
    requires static jdk.incubator.vector;

    // DenseBenchmark and ConvBenchmark compare these kernels with the trainer's scalar ones.
    exports dev.gym4j.simd to dev.gym4j.trainer, dev.gym4j.benchmarks;
}
