package dev.gym4j.worker.cli;

import dev.gym4j.Gym;
import dev.gym4j.replay.internal.json.Json;
import dev.gym4j.trainer.Evaluation;
import dev.gym4j.trainer.PpoTrainer;
import dev.gym4j.trainer.TrainedPolicy;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gym4j evaluate RUN_DIR|policy.onnx|checkpoint.bin}: runs whole episodes with a policy {@code gym4j train}
 * wrote, with the trainer's own network, and prints the mean and standard deviation of the return (and the
 * success rate where the env reports one).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluates a policy written by 'gym4j train' (a run directory, its policy.onnx or its checkpoint.bin) "
            + "over whole episodes: mean and standard deviation of the return, success rate where the env reports one.")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR|POLICY", description = "a run directory, a policy.onnx or a checkpoint.bin")
    private Path source;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "100", description = "episodes (default ${DEFAULT-VALUE})")
    private int episodes;

    @Option(names = "--deterministic", description = "take the most likely action (default: sample from the policy)")
    private boolean deterministic;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "seeds the resets and the sampling (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--env", paramLabel = "ID", description = "evaluate on this env instead of the one the policy was trained on")
    private String envId;

    @Option(names = "--kwarg", paramLabel = "NAME=VALUE", description = "a kwarg for Gym.make (repeatable); default: the "
            + "run's env_kwargs from config.json beside the policy (when evaluating on the run's env)")
    private java.util.List<String> kwargs;

    @Option(names = "--json", description = "print one JSON object: env, episodes, deterministic, mean, std, min, max, "
            + "success_rate, returns")
    private boolean json;

    @Override
    public Integer call() {
        if (episodes < 1) {
            throw new CliException("--episodes must be at least 1, got " + episodes);
        }
        if (seed < 0) {
            throw new CliException("--seed must be a non-negative integer, got " + seed);
        }
        TrainedPolicy policy = load(source);
        String id = envId != null ? envId : policy.envId();
        Evaluation e = policy.evaluate(id, envKwargs(), episodes, deterministic, seed);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(toJson(id, e, deterministic)));
        } else {
            out.println(String.format(Locale.ROOT, "%s: mean return %.2f ± %.2f over %d %s episodes (min %.1f, max %.1f)%s", id,
                    e.mean(), e.std(), episodes, deterministic ? "deterministic" : "sampled",
                    e.returns().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                    e.returns().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                    e.reportsSuccess() ? String.format(Locale.ROOT, ", success rate %.3f", e.successRate()) : ""));
        }
        out.flush();
        return 0;
    }

    /** @return the --kwarg options, else the run's env_kwargs (config.json beside the policy) when on the run's env */
    @SuppressWarnings("unchecked")
    private Map<String, Object> envKwargs() {
        if (kwargs != null || envId != null) {
            return KwargOptions.parse(kwargs);
        }
        Path dir = Files.isDirectory(source) ? source : source.toAbsolutePath().getParent();
        Path config = dir == null ? null : dir.resolve("config.json");
        if (config == null || !Files.isRegularFile(config)) {
            return Map.of();
        }
        try {
            Object saved = Json.parseObject(Files.readString(config)).get("env_kwargs");
            return saved instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        } catch (java.io.IOException | RuntimeException e) {
            throw new CliException("cannot read the run's env kwargs from " + config + ": " + e.getMessage());
        }
    }

    static TrainedPolicy load(Path source) {
        Path file = source;
        if (Files.isDirectory(source)) {
            file = Files.exists(source.resolve("policy.onnx")) ? source.resolve("policy.onnx") : source.resolve("checkpoint.bin");
        }
        if (!Files.exists(file)) {
            throw new CliException("no policy at " + source + " (expected a run directory, a policy.onnx or a checkpoint.bin)");
        }
        if (file.getFileName().toString().endsWith(".bin")) {
            try (PpoTrainer t = PpoTrainer.resume(file, 0)) {
                return t.policy();
            }
        }
        return TrainedPolicy.read(file);
    }

    static Map<String, Object> toJson(String envId, Evaluation e, boolean deterministic) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("env", envId);
        o.put("episodes", e.returns().size());
        o.put("deterministic", deterministic);
        o.put("mean", e.mean());
        o.put("std", e.std());
        o.put("min", e.returns().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
        o.put("max", e.returns().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
        o.put("success_rate", e.reportsSuccess() ? e.successRate() : null);
        o.put("returns", e.returns());
        return o;
    }
}
