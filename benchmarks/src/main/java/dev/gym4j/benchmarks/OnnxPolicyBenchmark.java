package dev.gym4j.benchmarks;

import dev.gym4j.Gym;
import dev.gym4j.api.random.Generator;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.vector.AutoresetMode;
import dev.gym4j.api.vector.SyncVectorEnv;
import dev.gym4j.api.vector.ThreadedVectorEnv;
import dev.gym4j.api.vector.VectorBatch;
import dev.gym4j.api.vector.VectorEnv;
import dev.gym4j.policy.OnnxPolicy;
import dev.gym4j.policy.PolicyStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A rollout worker's inner loop: {@value #NUM_ENVS} CartPole-v1 envs in a vector env driven by an ONNX MLP
 * policy (batched inference: one model run per vector step for all {@value #NUM_ENVS} observations, actions
 * sampled from the logits with a seeded generator). One invocation is one vector step, so the score of
 * {@code workerStep} is env steps per second; {@code inference} is the policy alone on a fixed batch
 * (observations per second).
 *
 * <p>The model is the CleanRL CartPole actor-critic (64-64 tanh actor and critic, {@code logits} and
 * {@code value}), exported by {@code torch.onnx.export}; {@code benchmarks/onnx_policy_bench.sh} exports it,
 * runs this benchmark with {@code -p model=...}, and runs the same loop in Python (Gymnasium's
 * {@code SyncVectorEnv} with onnxruntime) on the same model for comparison.
 *
 * <p>Run: {@code benchmarks/onnx_policy_bench.sh}, or
 * {@code java -jar benchmarks/target/benchmarks.jar OnnxPolicyBenchmark -p model=/path/policy.onnx}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class OnnxPolicyBenchmark {

    /** Sub-envs. */
    public static final int NUM_ENVS = 64;

    /** The ONNX model file (required: there is no default model). */
    @Param({""})
    public String model;

    /** {@code sync} (SyncVectorEnv) or {@code threaded-2} (ThreadedVectorEnv, 2 worker threads). */
    @Param({"sync", "threaded-2"})
    public String mode;

    private VectorEnv<float[], long[]> envs;
    private OnnxPolicy policy;
    private Generator generator;
    private VectorBatch<float[]> batch;
    private float[] fixedObservations;

    /** Makes the vector env and loads the model. */
    @Setup
    public void setUp() {
        if (model.isEmpty() || !Files.isRegularFile(Path.of(model))) {
            throw new IllegalArgumentException("give the model with -p model=FILE.onnx (benchmarks/onnx_policy_bench.sh "
                    + "exports one), got '" + model + "'");
        }
        envs = "sync".equals(mode)
                ? SyncVectorEnv.of(NUM_ENVS, i -> Gym.make("CartPole-v1"), AutoresetMode.NEXT_STEP)
                : ThreadedVectorEnv.of(NUM_ENVS, i -> Gym.make("CartPole-v1"), AutoresetMode.NEXT_STEP,
                        Integer.parseInt(mode.substring("threaded-".length())), 0);
        policy = OnnxPolicy.fromFile(Path.of(model), envs.singleObservationSpace(), new Discrete(2));
        generator = Generator.fromSeed(42);
        batch = envs.reset(0L, Map.of());
        fixedObservations = batch.observations().clone();
    }

    /** Closes the env and the policy. */
    @TearDown
    public void tearDown() {
        envs.close();
        policy.close();
    }

    /** @return the batch stepped: one policy run and one vector step of {@value #NUM_ENVS} envs */
    @Benchmark
    @OperationsPerInvocation(NUM_ENVS)
    public VectorBatch<float[]> workerStep() {
        PolicyStep step = policy.act(batch.observations(), NUM_ENVS, generator);
        batch = envs.step(step.longActions());
        return batch;
    }

    /** @return the actions for a fixed batch of {@value #NUM_ENVS} observations */
    @Benchmark
    @OperationsPerInvocation(NUM_ENVS)
    public PolicyStep inference() {
        return policy.act(fixedObservations, NUM_ENVS, generator);
    }
}
