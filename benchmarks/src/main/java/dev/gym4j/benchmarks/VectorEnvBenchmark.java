package dev.gym4j.benchmarks;

import dev.gym4j.Gym;
import dev.gym4j.api.vector.AutoresetMode;
import dev.gym4j.api.vector.VectorMode;
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
 * Vector envs made by {@code Gym.makeVec}: {@code SyncVectorEnv} ({@code mode=sync}) and
 * {@code ThreadedVectorEnv} with 1 and 2 worker threads ({@code async-1}, {@code async-2}), all
 * sub-envs stepped together with {@code step(actions)}. One invocation runs {@value #ENV_STEPS} env
 * steps ({@code ENV_STEPS / numEnvs} vector steps), so the score is env steps per second and
 * {@code gc.alloc.rate.norm} is bytes per env step.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar VectorEnvBenchmark -prof gc}; for the
 * scaling figure {@code -p envId=Acrobot-v1 -p mode=async-1,async-2}. {@code numEnvs} must divide
 * {@value #ENV_STEPS}.
 *
 * <p>Compared against: issue 4's targets — about 0 bytes per env step ({@code gc.alloc.rate.norm}) for
 * the sync env on CartPole in steady state, and {@code async-2} at least 1.6 times {@code async-1} on
 * the heaviest registered env; EnvPool's README reports its async pool at about 3 times a subprocess
 * vector env on 12 cores.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VectorEnvBenchmark {

    /** Env steps per invocation. */
    public static final int ENV_STEPS = 1024;

    /** The registered env id. */
    @Param({"CartPole-v1", "Acrobot-v1"})
    public String envId;

    /** The number of sub-envs; divides {@link #ENV_STEPS}. */
    @Param({"64"})
    public int numEnvs;

    /** {@code sync}, {@code async-1} or {@code async-2} (the number is the worker threads). */
    @Param({"sync", "async-1", "async-2"})
    public String mode;

    private StepLoop loop;

    /** Makes the vector env and pre-samples the actions. */
    @Setup
    public void setUp() {
        VectorOptions options = "sync".equals(mode) ? VectorOptions.DEFAULTS
                : new VectorOptions(VectorMode.ASYNC, AutoresetMode.NEXT_STEP, Integer.parseInt(mode.substring("async-".length())), 0);
        loop = StepLoop.vector(Gym.makeVec(envId, numEnvs, options, Map.of()), 42);
    }

    /** Closes the vector env (and stops its threads). */
    @TearDown
    public void tearDown() {
        loop.close();
    }

    /** @return the env steps run */
    @Benchmark
    @OperationsPerInvocation(ENV_STEPS)
    public long step() {
        return loop.run(ENV_STEPS);
    }
}
