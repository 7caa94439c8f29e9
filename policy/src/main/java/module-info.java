/**
 * gym4j's policies: {@link dev.gym4j.policy.Policy} (a batch of observations in, a batch of actions out,
 * deterministic or sampled with a seeded {@link dev.gym4j.api.random.Generator}) and
 * {@link dev.gym4j.policy.OnnxPolicy}, an ONNX model run on the CPU with ONNX Runtime, whose outputs map to
 * actions as its {@link dev.gym4j.policy.PolicyMetadata} says ({@code docs/POLICY.md}, {@code gym4j.policy.v1}).
 * No ONNX Runtime or Jackson type appears in the public API.
 */
module dev.gym4j.policy {
    requires transitive dev.gym4j.api;
    requires transitive dev.gym4j.bridge;
    requires com.microsoft.onnxruntime;
    requires com.fasterxml.jackson.databind;
    requires jdk.httpserver;

    exports dev.gym4j.policy;
}
