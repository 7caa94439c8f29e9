package dev.gym4j.benchmarks;

import dev.gym4j.Gym;
import dev.gym4j.api.vector.ThreadedVectorEnv;
import dev.gym4j.api.vector.VectorOptions;
import dev.gym4j.worker.bench.StepLoop;
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
 * EnvPool's asynchronous form on {@code ThreadedVectorEnv}: {@code recv()} the first {@code batchSize}
 * sub-envs that are ready, {@code send()} them their next actions, repeat, with {@code numEnvs} sub-envs
 * always in flight. One invocation runs {@value #ENV_STEPS} env steps; the score is env steps per second.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SendRecvBenchmark}; {@code batchSize} must
 * divide {@value #ENV_STEPS}.
 *
 * <p>Compared against: {@link VectorEnvBenchmark}'s {@code async-N} rows with the same env and threads
 * (the synchronous form), as EnvPool's README compares its async mode with its sync mode.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SendRecvBenchmark {

    /** Env steps per invocation. */
    public static final int ENV_STEPS = 1024;

    /** The registered env id. */
    @Param({"CartPole-v1", "Acrobot-v1"})
    public String envId;

    /** The number of sub-envs. */
    @Param({"64"})
    public int numEnvs;

    /** The {@code recv} batch size; divides {@link #ENV_STEPS}. */
    @Param({"32"})
    public int batchSize;

    /** Worker threads. */
    @Param({"1", "2"})
    public int threads;

    private StepLoop loop;

    /** Makes the threaded env and starts an asynchronous reset of every sub-env. */
    @Setup
    public void setUp() {
        ThreadedVectorEnv<?, ?> envs = (ThreadedVectorEnv<?, ?>) Gym.makeVec(envId, numEnvs, VectorOptions.async(threads, batchSize), Map.of());
        loop = StepLoop.sendRecv(envs, 42);
    }

    /** Closes the env (and stops its threads). */
    @TearDown
    public void tearDown() {
        loop.close();
    }

    /** @return the env steps run */
    @Benchmark
    @OperationsPerInvocation(ENV_STEPS)
    public long sendRecv() {
        return loop.run(ENV_STEPS);
    }
}
