/**
 * gym4j's PPO trainer: {@link dev.gym4j.trainer.PpoTrainer} learns a policy for an env from experience that
 * rollout workers deliver through the bridge's {@code ExperienceSource} (in-process workers by default), and
 * exports it as an ONNX model with {@code gym4j.policy.v1} metadata. Pure Java, deterministic to the bit for a
 * given seed, configuration and number of workers.
 */
module dev.gym4j.trainer {
    requires transitive dev.gym4j.api;
    requires transitive dev.gym4j.bridge;
    requires dev.gym4j.replay;
    requires dev.gym4j.simd;
    requires com.google.protobuf;

    exports dev.gym4j.trainer;
    // DenseBenchmark and ConvBenchmark time the kernels themselves.
    exports dev.gym4j.trainer.internal to dev.gym4j.benchmarks;
}
