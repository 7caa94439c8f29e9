package dev.gym4j.benchmarks;

import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.MultiDiscrete;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code sample()} of the spaces the classic envs use, with the NumPy-compatible generator: a
 * {@code Discrete(2)} (CartPole's actions), a float32 {@code Box} of shape (4,) with finite bounds and
 * one of shape (1,) (Pendulum's torque), and a {@code MultiDiscrete} of 64 (a batched Discrete action).
 * Score = samples per second.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SpaceSamplingBenchmark -prof gc}.
 *
 * <p>Compared against: the step figures of {@link SingleEnvBenchmark}, to show where a random-policy
 * rollout spends its time (the step benchmarks pre-sample their actions for that reason); there is no
 * numeric target.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SpaceSamplingBenchmark {

    private Discrete discrete;
    private Box<float[]> box4;
    private Box<float[]> box1;
    private MultiDiscrete multiDiscrete;

    /** Builds and seeds the spaces. */
    @Setup
    public void setUp() {
        discrete = new Discrete(2);
        box4 = Box.float32(-1f, 1f, 4);
        box1 = Box.float32(-2f, 2f, 1);
        long[] nvec = new long[64];
        java.util.Arrays.fill(nvec, 2);
        multiDiscrete = new MultiDiscrete(nvec);
        discrete.seed(1);
        box4.seed(2);
        box1.seed(3);
        multiDiscrete.seed(4);
    }

    /** @return a sample of {@code Discrete(2)} */
    @Benchmark
    public Integer discrete() {
        return discrete.sample();
    }

    /** @return a sample of {@code Box(-1, 1, (4,), float32)} */
    @Benchmark
    public float[] boxFloat32x4() {
        return box4.sample();
    }

    /** @return a sample of {@code Box(-2, 2, (1,), float32)} */
    @Benchmark
    public float[] boxFloat32x1() {
        return box1.sample();
    }

    /** @return a sample of {@code MultiDiscrete([2] * 64)} */
    @Benchmark
    public long[] multiDiscrete64() {
        return multiDiscrete.sample();
    }
}
