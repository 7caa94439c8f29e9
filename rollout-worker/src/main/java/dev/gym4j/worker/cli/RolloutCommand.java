package dev.gym4j.worker.cli;

import dev.gym4j.api.Env;
import dev.gym4j.api.Gym;
import dev.gym4j.api.StepResult;
import dev.gym4j.replay.internal.json.Json;
import dev.gym4j.video.RecordVideo;
import dev.gym4j.video.VideoSchedules;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
            + "so every episode can be reproduced on its own; without --seed, reset() and the sampler draw OS entropy."})
final class RolloutCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ENV", description = "a registered env id, such as CartPole-v1")
    private String envId;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "10", description = "episodes to run (default ${DEFAULT-VALUE})")
    private int episodes;

    @Option(names = "--seed", paramLabel = "S", description = "base seed (non-negative); episode i resets with S + i")
    private Long seed;

    @Option(names = "--policy", paramLabel = "POLICY", defaultValue = "random",
            description = "the policy: random (sample the action space); the default")
    private String policy;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "1000000",
            description = "stop an episode that has not ended after N steps (default ${DEFAULT-VALUE}); it is then "
                + "reported neither terminated nor truncated")
    private int maxSteps;

    @Option(names = "--json", description = "print one JSON object per episode and a final summary object")
    private boolean json;

    @Option(names = "--video", paramLabel = "DIR", description = "record episodes as MP4 files in DIR (made with "
            + "render_mode rgb_array; RecordVideo's default schedule: episodes 0, 1, 8, 27, ..., 729, 1000, 2000, ...)")
    private Path videoDir;

    @Option(names = "--video-every", paramLabel = "N", description = "with --video, record episodes 0, N, 2N, ... instead")
    private Long videoEvery;

    @Override
    public Integer call() {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        Statistics stats = new Statistics();
        try (Env<Object, Object> env = makeEnv()) {
            if (seed != null) {
                env.actionSpace().seed(seed);
            }
            for (int i = 0; i < episodes; i++) {
                Long episodeSeed = seed == null ? null : seed + i;
                Episode e = runEpisode(env, episodeSeed);
                stats.add(e);
                out.println(json ? Json.write(e.toJson(i)) : e.toText(i));
            }
        }
        out.println(json ? Json.write(stats.toJson(envId, policy, seed)) : stats.toText(envId));
        out.flush();
        return 0;
    }

    private Env<Object, Object> makeEnv() {
        if (videoDir == null) {
            return Gym.make(envId);
        }
        Env<Object, Object> env = Gym.make(envId, Map.of("render_mode", "rgb_array"));
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
        if (!"random".equals(policy)) {
            throw new CliException("unknown --policy '" + policy + "': expected random");
        }
    }

    private Episode runEpisode(Env<Object, Object> env, Long episodeSeed) {
        env.reset(episodeSeed, Map.of());
        double total = 0.0;
        int length = 0;
        boolean terminated = false;
        boolean truncated = false;
        while (length < maxSteps && !terminated && !truncated) {
            StepResult<Object> r = env.step(env.actionSpace().sample());
            total += r.reward();
            length++;
            terminated = r.terminated();
            truncated = r.truncated();
        }
        return new Episode(episodeSeed, total, length, terminated, truncated);
    }

    /** One episode's outcome. */
    private record Episode(Long seed, double total, int length, boolean terminated, boolean truncated) {
        Map<String, Object> toJson(int index) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("episode", index);
            m.put("seed", seed);
            m.put("return", total);
            m.put("length", length);
            m.put("terminated", terminated);
            m.put("truncated", truncated);
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
