package dev.gym4j.worker.cli;

import dev.gym4j.api.Env;
import dev.gym4j.api.Gym;
import dev.gym4j.api.internal.json.Json;
import dev.gym4j.api.spaces.Space;
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
 * {@code gym4j bench ENV}: steps per second of one env made by {@code Gym.make}. A quick figure for a
 * terminal; the benchmarks module's JMH benchmarks are the careful measurement.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures steps per second of an env made by Gym.make (with its wrappers), after a warm-up of "
            + "a fifth of the time (at most 1 s). Random actions are sampled before timing starts and cycled, so the "
            + "sampler is not measured; an episode that ends is reset() and the reset is timed with the steps.",
            "Vector envs (--num-envs > 1, --threads > 1) arrive with the vector-env issue; until then both must be 1."})
final class BenchCommand implements Callable<Integer> {

    private static final int PRESAMPLED_ACTIONS = 4096;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ENV", description = "a registered env id, such as CartPole-v1")
    private String envId;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5", description = "measured time in seconds (default ${DEFAULT-VALUE})")
    private double seconds;

    @Option(names = "--num-envs", paramLabel = "N", defaultValue = "1", description = "number of envs; only 1 for now")
    private int numEnvs;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1", description = "worker threads; only 1 for now")
    private int threads;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "seed of the env and the actions (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--json", description = "print one JSON object: env, num_envs, threads, steps, seconds, steps_per_second")
    private boolean json;

    @Override
    public Integer call() {
        validate();
        Measurement m;
        try (Env<Object, Object> env = Gym.make(envId)) {
            Object[] actions = presample(env.actionSpace());
            env.reset(seed);
            double warmup = Math.min(1.0, seconds / 5);
            run(env, actions, warmup, 0);
            m = run(env, actions, seconds, PRESAMPLED_ACTIONS / 2);
        }
        PrintWriter out = spec.commandLine().getOut();
        double perSecond = m.steps / m.seconds;
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("env", envId);
            o.put("num_envs", numEnvs);
            o.put("threads", threads);
            o.put("steps", m.steps);
            o.put("seconds", m.seconds);
            o.put("steps_per_second", perSecond);
            o.put("episodes", m.episodes);
            out.println(Json.write(o));
        } else {
            out.println(String.format(java.util.Locale.ROOT, "%s: %d steps in %.3f s = %.0f steps/s (%d episodes; num_envs %d, threads %d)",
                    envId, m.steps, m.seconds, perSecond, m.episodes, numEnvs, threads));
        }
        out.flush();
        return 0;
    }

    private void validate() {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new CliException("--seconds must be a positive number, got " + seconds);
        }
        if (numEnvs < 1 || threads < 1) {
            throw new CliException("--num-envs and --threads must be at least 1, got " + numEnvs + " and " + threads);
        }
        if (numEnvs != 1 || threads != 1) {
            throw new CliException("--num-envs " + numEnvs + " --threads " + threads + " is not supported yet: vector envs "
                    + "arrive with the vector-env issue; use --num-envs 1 --threads 1");
        }
        if (seed < 0) {
            throw new CliException("--seed must be a non-negative integer, got " + seed);
        }
    }

    private Object[] presample(Space<Object> actionSpace) {
        actionSpace.seed(seed);
        Object[] actions = new Object[PRESAMPLED_ACTIONS];
        for (int i = 0; i < actions.length; i++) {
            actions[i] = actionSpace.sample();
        }
        return actions;
    }

    /** Steps for {@code budget} seconds, checking the clock every 64 steps. */
    private static Measurement run(Env<Object, Object> env, Object[] actions, double budget, int offset) {
        long start = System.nanoTime();
        long deadline = start + (long) (budget * 1e9);
        long steps = 0;
        long episodes = 0;
        int next = offset;
        long now = start;
        while (now < deadline) {
            for (int i = 0; i < 64; i++) {
                if (env.step(actions[next]).done()) {
                    env.reset();
                    episodes++;
                }
                next = (next + 1) & (PRESAMPLED_ACTIONS - 1);
            }
            steps += 64;
            now = System.nanoTime();
        }
        return new Measurement(steps, (now - start) / 1e9, episodes);
    }

    private record Measurement(long steps, double seconds, long episodes) {
    }
}
