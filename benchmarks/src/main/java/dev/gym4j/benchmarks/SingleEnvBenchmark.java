package dev.gym4j.benchmarks;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.worker.bench.StepLoop;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One env, one thread: {@code step} of each registered env, through {@code Gym.make}'s wrapper chain
 * ({@code made}: TimeLimit, OrderEnforcing, PassiveEnvChecker) and on the bare env ({@code raw}:
 * {@code Gym.make(id).unwrapped()}, no wrappers). Actions are pre-sampled; finished episodes are reset
 * inside the loop (the reset is paid for but not counted). Score = env steps per second.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SingleEnvBenchmark} (add
 * {@code -p envId=CartPole-v1 -p path=made} to narrow it, {@code -prof gc} for allocation).
 *
 * <p>Compared against: issue 4's target of at least 10 million steps per second for {@code CartPole-v1}
 * through {@code Gym.make} (Gymnasium 1.4.0 does about 50 thousand on this machine class, so that is
 * 200 times Python); the {@code raw} row shows what the wrappers cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SingleEnvBenchmark {

    /** The registered env id. */
    @Param({"CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1", "Pendulum-v1"})
    public String envId;

    /** {@code made}: through Gym.make's wrappers; {@code raw}: the unwrapped env. */
    @Param({"made", "raw"})
    public String path;

    private StepLoop loop;

    /** Makes the env and pre-samples the actions. */
    @Setup
    public void setUp() {
        Env<?, ?> made = Gym.make(envId);
        loop = StepLoop.single("raw".equals(path) ? made.unwrapped() : made, 42);
    }

    /** Closes the env. */
    @TearDown
    public void tearDown() {
        loop.close();
    }

    /** @return the number of steps run (1), so the JIT cannot drop the call */
    @Benchmark
    public long step() {
        return loop.run(1);
    }
}
