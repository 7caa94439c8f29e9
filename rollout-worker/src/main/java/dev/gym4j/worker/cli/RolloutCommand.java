package dev.gym4j.worker.cli;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.random.Generator;
import dev.gym4j.api.random.SeedSequence;
import dev.gym4j.api.registry.ExpertPolicy;
import dev.gym4j.api.registry.Experts;
import dev.gym4j.policy.OnnxPolicy;
import dev.gym4j.policy.Policy;
import dev.gym4j.replay.internal.json.Json;
import dev.gym4j.video.RecordVideo;
import dev.gym4j.video.VideoSchedules;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gym4j rollout ENV}: runs episodes with a policy and prints their statistics. */
@Command(name = "rollout", mixinStandardHelpOptions = true,
        description = {"Runs episodes of an env made by Gym.make and prints, per episode, the return, the length and "
            + "whether it terminated or was truncated, then a summary.",
            "Seeding: with --seed S, episode i starts with reset(S + i) and the action space is seeded once with S, "
            + "so every episode can be reproduced on its own; without --seed, reset() and the sampler draw OS entropy.",
            "With --policy FILE.onnx the actions come from an ONNX model (docs/POLICY.md; FILE.json beside it is its "
            + "metadata): sampled with a generator seeded with S, or the mode with --deterministic. With --policy expert "
            + "the env's scripted expert acts (one its module ships, such as tracker/ObjectTracker-v0's bearing follower).",
            "--kwarg NAME=VALUE (repeatable) passes kwargs to Gym.make, such as --kwarg observation=state."})
final class RolloutCommand implements Callable<Integer> {

    private static final String RANDOM = "random";
    private static final String EXPERT = "expert";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ENV", description = "a registered env id, such as CartPole-v1")
    private String envId;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "10", description = "episodes to run (default ${DEFAULT-VALUE})")
    private int episodes;

    @Option(names = "--seed", paramLabel = "S", description = "base seed (non-negative); episode i resets with S + i")
    private Long seed;

    @Option(names = "--policy", paramLabel = "POLICY", defaultValue = "random",
            description = "the policy: random (sample the action space; the default), expert (the env's scripted "
                + "expert) or an ONNX model file")
    private String policy;

    @Option(names = "--kwarg", paramLabel = "NAME=VALUE", description = "a kwarg for Gym.make, such as observation=state "
            + "or image_size=[64,48] (repeatable)")
    private List<String> kwargs;

    @Option(names = "--deterministic", description = "with an ONNX policy, take the mode (argmax of the logits, the "
            + "Gaussian's mean) instead of sampling")
    private boolean deterministic;

    @Option(names = "--trace", description = "with --json, add each episode's observations and the actions taken "
            + "on them to its JSON object")
    private boolean trace;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "1000000",
            description = "stop an episode that has not ended after N steps (default ${DEFAULT-VALUE}); it is then "
                + "reported neither terminated nor truncated")
    private int maxSteps;

    @Option(names = "--json", description = "print one JSON object per episode and a final summary object")
    private boolean json;

    @Option(names = "--video", paramLabel = "DIR", arity = "0..1", fallbackValue = "", description = "record episodes "
            + "as MP4 files in DIR (made with render_mode rgb_array; RecordVideo's default schedule: episodes 0, 1, 8, "
            + "27, ..., 729, 1000, 2000, ...); without DIR in a SageMaker container (or with SAGEMAKER_BASE_DIR set): "
            + "BASE/output/intermediate")
    private String video;

    private Path videoDir;

    @Option(names = "--video-every", paramLabel = "N", description = "with --video, record episodes 0, N, 2N, ... instead")
    private Long videoEvery;

    @Override
    public Integer call() {
        videoDir = video == null ? null : SageMaker.fromEnvironment().videoDir(video);
        validate();
        PrintWriter out = spec.commandLine().getOut();
        Statistics stats = new Statistics();
        Map<String, Object> envKwargs = KwargOptions.parse(kwargs);
        try (Env<Object, Object> env = makeEnv(envKwargs); Policy onnx = loadPolicy(env)) {
            ExpertPolicy expert = EXPERT.equals(policy) ? Experts.create(envId, env) : null;
            if (seed != null) {
                env.actionSpace().seed(seed);
            }
            Generator generator = onnx == null || deterministic ? null
                    : seed != null ? Generator.fromSeed(seed) : Generator.fromSeed(SeedSequence.fromOsEntropy().entropy());
            for (int i = 0; i < episodes; i++) {
                Long episodeSeed = seed == null ? null : seed + i;
                Episode e = runEpisode(env, episodeSeed, onnx, expert, generator);
                stats.add(e);
                out.println(json ? Json.write(e.toJson(i)) : e.toText(i));
            }
        }
        out.println(json ? Json.write(stats.toJson(envId, policy, seed)) : stats.toText(envId));
        out.flush();
        return 0;
    }

    /** @return the ONNX policy for the env's spaces, or null for the random policy and the expert */
    private Policy loadPolicy(Env<Object, Object> env) {
        return RANDOM.equals(policy) || EXPERT.equals(policy) ? null
                : OnnxPolicy.fromFile(Path.of(policy), env.observationSpace(), env.actionSpace());
    }

    private Env<Object, Object> makeEnv(Map<String, Object> envKwargs) {
        if (videoDir == null) {
            return Gym.make(envId, envKwargs);
        }
        Object mode = envKwargs.get("render_mode");
        if (envKwargs.containsKey("render_mode") && !"rgb_array".equals(mode)) {
            throw new CliException("--video records render_mode rgb_array; drop --kwarg render_mode=" + mode);
        }
        Map<String, Object> withRender = new LinkedHashMap<>(envKwargs);
        withRender.put("render_mode", "rgb_array");
        Env<Object, Object> env = Gym.make(envId, withRender);
        try {
            return RecordVideo.builder(env, videoDir)
                    .episodeTrigger(videoEvery == null ? VideoSchedules.cappedCubic() : VideoSchedules.every(videoEvery))
                    .build();
        } catch (RuntimeException e) {
            env.close();
            throw e;
        }
    }

    private void validate() {
        if (episodes < 1) {
            throw new CliException("--episodes must be at least 1, got " + episodes);
        }
        if (maxSteps < 1) {
            throw new CliException("--max-steps must be at least 1, got " + maxSteps);
        }
        if (seed != null && seed < 0) {
            throw new CliException("--seed must be a non-negative integer, got " + seed);
        }
        if (seed != null && seed > Long.MAX_VALUE - episodes) {
            throw new CliException("--seed " + seed + " + " + episodes + " episodes would overflow a 64-bit seed");
        }
        if (videoEvery != null && (videoDir == null || videoEvery < 1)) {
            throw new CliException("--video-every needs --video DIR and a period of at least 1, got " + videoEvery);
        }
        if (!RANDOM.equals(policy) && !EXPERT.equals(policy) && !Files.isRegularFile(Path.of(policy))) {
            throw new CliException("--policy '" + policy + "': no such file (expected random, expert or an ONNX model file)");
        }
        if (deterministic && (RANDOM.equals(policy) || EXPERT.equals(policy))) {
            throw new CliException("--deterministic needs --policy FILE.onnx (the " + policy + " policy has no mode)");
        }
        if (trace && !json) {
            throw new CliException("--trace needs --json");
        }
    }

    private Episode runEpisode(Env<Object, Object> env, Long episodeSeed, Policy onnx, ExpertPolicy expert, Generator generator) {
        ResetResult<Object> start = env.reset(episodeSeed, Map.of());
        Object observation = start.observation();
        Map<String, Object> info = start.info();
        if (expert != null) {
            expert.reset();
        }
        double total = 0.0;
        int length = 0;
        boolean terminated = false;
        boolean truncated = false;
        List<Object> observations = trace ? new ArrayList<>() : null;
        List<Object> actions = trace ? new ArrayList<>() : null;
        while (length < maxSteps && !terminated && !truncated) {
            Object action = expert != null ? expert.act(observation, info)
                    : onnx == null ? env.actionSpace().sample() : onnx.actOne(observation, generator);
            if (trace) {
                observations.add(env.observationSpace().copyValue(observation));
                actions.add(action);
            }
            StepResult<Object> r = env.step(action);
            observation = r.observation();
            info = r.info();
            total += r.reward();
            length++;
            terminated = r.terminated();
            truncated = r.truncated();
        }
        return new Episode(episodeSeed, total, length, terminated, truncated, observations, actions);
    }

    /** One episode's outcome (with its observations and actions under --trace). */
    private record Episode(Long seed, double total, int length, boolean terminated, boolean truncated,
            List<Object> observations, List<Object> actions) {
        Map<String, Object> toJson(int index) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("episode", index);
            m.put("seed", seed);
            m.put("return", total);
            m.put("length", length);
            m.put("terminated", terminated);
            m.put("truncated", truncated);
            if (observations != null) {
                m.put("observations", observations);
                m.put("actions", actions);
            }
            return m;
        }

        String toText(int index) {
            return "episode " + index + ": return " + Json.formatDouble(total) + ", length " + length
                    + (terminated ? ", terminated" : "") + (truncated ? ", truncated" : "")
                    + (!terminated && !truncated ? ", stopped at --max-steps" : "")
                    + (seed != null ? " (seed " + seed + ")" : "");
        }
    }

    /** Running sums over episodes (Welford's algorithm for the variance). */
    private static final class Statistics {
        private int n;
        private double mean;
        private double m2;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private long steps;

        void add(Episode e) {
            n++;
            double delta = e.total() - mean;
            mean += delta / n;
            m2 += delta * (e.total() - mean);
            min = Math.min(min, e.total());
            max = Math.max(max, e.total());
            steps += e.length();
        }

        double std() {
            return n > 0 ? Math.sqrt(m2 / n) : 0.0;
        }

        Map<String, Object> toJson(String envId, String policy, Long seed) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("summary", true);
            m.put("env", envId);
            m.put("policy", policy);
            m.put("seed", seed);
            m.put("episodes", n);
            m.put("mean_return", mean);
            m.put("std_return", std());
            m.put("min_return", min);
            m.put("max_return", max);
            m.put("mean_length", (double) steps / n);
            m.put("total_steps", steps);
            return m;
        }

        String toText(String envId) {
            return String.format(java.util.Locale.ROOT,
                    "%s: %d episodes, return mean %.4f std %.4f min %.4f max %.4f, mean length %.2f, %d steps",
                    envId, n, mean, std(), min, max, (double) steps / n, steps);
        }
    }
}
