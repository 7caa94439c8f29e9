package dev.gym4j.worker.cli;

import dev.gym4j.Gym;
import dev.gym4j.replay.internal.json.Json;
import dev.gym4j.worker.bench.StepLoop;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gym4j bench ENV}: env steps per second of one env made by {@code Gym.make}, or of a vector env
 * made by {@code Gym.makeVec}. A quick figure for a terminal; it runs the same loop
 * ({@link StepLoop}) as the benchmarks module's JMH benchmarks, which are the careful measurement.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures env steps per second after a warm-up of a fifth of the time (at most 1 s). Random "
            + "actions are sampled before timing starts and cycled, so the sampler is not measured; an episode that ends "
            + "is reset and the reset is timed with the steps.",
            "--num-envs 1 --threads 1: one env made by Gym.make, with its wrappers. --num-envs N: a SyncVectorEnv of N "
            + "envs stepped on this thread. --threads T (T >= 2): a ThreadedVectorEnv, all N sub-envs stepped together "
            + "by T threads. --batch-size B (B < N): EnvPool's send/recv loop on a ThreadedVectorEnv with T worker "
            + "threads, B sub-envs per recv."})
final class BenchCommand implements Callable<Integer> {

    /** The longest measurement: a year, far below where seconds in nanoseconds overflow. */
    private static final double MAX_SECONDS = 365 * 86400.0;
    private static final int MAX_ENVS = 1 << 16;
    private static final int MAX_THREADS = 1024;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ENV", description = "a registered env id, such as CartPole-v1")
    private String envId;

    @Option(names = "--kwarg", paramLabel = "NAME=VALUE", description = "a kwarg for Gym.make, such as observation=state (repeatable)")
    private java.util.List<String> kwargs;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5", description = "measured time in seconds (default ${DEFAULT-VALUE})")
    private double seconds;

    @Option(names = "--warmup", paramLabel = "S",
            description = "warm-up seconds before measuring (default: a fifth of --seconds, at most 1); "
                    + "physics envs want several seconds for the JIT")
    private Double warmup;

    @Option(names = "--num-envs", paramLabel = "N", defaultValue = "1", description = "number of (sub-)envs (default ${DEFAULT-VALUE})")
    private int numEnvs;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
            description = "threads stepping the sub-envs; 1 = this thread (default ${DEFAULT-VALUE})")
    private int threads;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "0",
            description = "sub-envs per recv() of the send/recv loop, at most --num-envs; 0 = step all together (default)")
    private int batchSize;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "seed of the env and the actions (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--json", description = "print one JSON object: env, num_envs, threads, batch_size, loop, steps, seconds, "
            + "steps_per_second, episodes")
    private boolean json;

    @Override
    public Integer call() {
        validate();
        boolean sendRecv = batchSize > 0 && batchSize < numEnvs;
        boolean threaded = threads > 1 || sendRecv;
        StepLoop.Measurement m;
        String loopName;
        try (StepLoop loop = StepLoop.of(envId, KwargOptions.parse(kwargs), numEnvs == 1 && !threaded ? 0 : numEnvs, threaded ? threads : 0,
                sendRecv ? batchSize : 0, seed)) {
            loopName = loop.description();
            m = loop.measure(warmup != null ? warmup : Math.min(1.0, seconds / 5), seconds);
        } catch (OutOfMemoryError e) {
            throw new CliException("out of memory making " + numEnvs + " envs of " + envId + ": use fewer --num-envs or a larger -Xmx");
        }
        PrintWriter out = spec.commandLine().getOut();
        double perSecond = m.stepsPerSecond();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("env", envId);
            o.put("num_envs", numEnvs);
            o.put("threads", threads);
            o.put("batch_size", sendRecv ? batchSize : numEnvs);
            o.put("loop", loopName);
            o.put("steps", m.steps());
            o.put("seconds", m.seconds());
            o.put("steps_per_second", perSecond);
            o.put("episodes", m.episodes());
            out.println(Json.write(o));
        } else {
            out.println(String.format(java.util.Locale.ROOT, "%s: %d steps in %.3f s = %.0f steps/s (%d episodes; num_envs %d, threads %d, batch_size %d; %s)",
                    envId, m.steps(), m.seconds(), perSecond, m.episodes(), numEnvs, threads, sendRecv ? batchSize : numEnvs, loopName));
        }
        out.flush();
        return 0;
    }

    private void validate() {
        if (!(seconds > 0) || seconds > MAX_SECONDS) {
            throw new CliException("--seconds must be a positive number of seconds, at most " + (long) MAX_SECONDS + ", got " + seconds);
        }
        if (warmup != null && (!(warmup >= 0) || warmup > MAX_SECONDS)) {
            throw new CliException("--warmup must be a non-negative number of seconds, at most " + (long) MAX_SECONDS + ", got " + warmup);
        }
        if (numEnvs < 1 || threads < 1) {
            throw new CliException("--num-envs and --threads must be at least 1, got " + numEnvs + " and " + threads);
        }
        if (numEnvs > MAX_ENVS || threads > MAX_THREADS) {
            throw new CliException("--num-envs must be at most " + MAX_ENVS + " and --threads at most " + MAX_THREADS + ", got "
                    + numEnvs + " and " + threads);
        }
        if (batchSize < 0 || batchSize > numEnvs) {
            throw new CliException("--batch-size must be between 1 and --num-envs (" + numEnvs + "), or 0 for all, got " + batchSize);
        }
        if (seed < 0) {
            throw new CliException("--seed must be a non-negative integer, got " + seed);
        }
    }
}
