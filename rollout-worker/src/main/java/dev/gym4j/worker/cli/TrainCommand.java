package dev.gym4j.worker.cli;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.replay.internal.json.Json;
import dev.gym4j.trainer.Evaluation;
import dev.gym4j.trainer.IterationReport;
import dev.gym4j.trainer.PpoConfig;
import dev.gym4j.trainer.PpoTrainer;
import dev.gym4j.video.RecordVideo;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gym4j train ENV}: PPO with the trainer module's in-process workers, writing the run's outputs to one
 * directory: {@code policy.onnx} and {@code policy.json}, {@code checkpoint.bin}, {@code config.json},
 * {@code evaluation.json} (the final evaluation),
 * {@code metrics.jsonl} (deterministic), {@code timing.jsonl}, {@code learning-curve.png} and, when the env
 * renders, {@code video/final-policy-episode-0.mp4}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a policy with PPO (CleanRL's defaults; embedded defaults for CartPole-v1) and writes "
            + "policy.onnx, policy.json, checkpoint.bin, config.json, metrics.jsonl, timing.jsonl, learning-curve.png and "
            + "an MP4 of the final policy into --out.",
            "Hyperparameters, later ones winning: defaults, SageMaker's hyperparameters.json and SM_HPS, --config FILE, "
            + "key=value arguments, then --steps, --num-envs and --seed. Each iteration prints SageMaker's metric lines "
            + "(episode_reward_mean: X, episode_reward_max: X)."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ENV", description = "a registered env id (default CartPole-v1; "
            + "with --resume, the checkpoint's)")
    private String envId;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "KEY=VALUE", description = "hyperparameters, such as "
            + "learning_rate=3e-4 (see --list-hyperparameters)")
    private List<String> assignments = new ArrayList<>();

    @Option(names = "--steps", paramLabel = "N", description = "total env steps (total_timesteps)")
    private Long steps;

    @Option(names = "--num-envs", paramLabel = "N", description = "parallel sub-envs (num_envs)")
    private Integer numEnvs;

    @Option(names = "--seed", paramLabel = "S", description = "seed (seed)")
    private Long seed;

    @Option(names = "--config", paramLabel = "FILE", description = "hyperparameters from a JSON or YAML file")
    private Path configFile;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: $SM_MODEL_DIR, /opt/ml/model "
            + "under SageMaker, else runs/<env>-<time>/; with --resume, the resumed directory)")
    private Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "continue the run whose checkpoint.bin is in DIR")
    private Path resume;

    @Option(names = "--stop-after", paramLabel = "N", description = "stop (with a checkpoint) once N steps are done, as "
            + "if interrupted; --resume continues the same run")
    private Long stopAfter;

    @Option(names = "--no-video", description = "do not record the final policy")
    private boolean noVideo;

    @Option(names = "--experience", paramLabel = "URI", description = "experience transport (zmq://HOST:PORT to bind, or "
            + "redis://HOST:PORT/EXPERIMENT); default: in memory")
    private String experience;

    @Option(names = "--policy-store", paramLabel = "URI", description = "where policy versions are published (dir:PATH, "
            + "redis://HOST:PORT, or zmq://HOST:PORT, which this process binds and serves to workers); default: in memory (only this process's workers see it)")
    private String policyStore;

    @Option(names = "--experiment", paramLabel = "NAME", description = "experiment name on the transports (default train-<env>)")
    private String experiment;

    @Option(names = "--no-local-workers", description = "run no rollout workers in this process: num_envs trajectories of "
            + "each policy version come from remote workers (gym4j worker) through --experience")
    private boolean noLocalWorkers;

    @Option(names = "--kwarg", paramLabel = "NAME=VALUE", description = "a kwarg for Gym.make of every env, such as "
            + "observation=gray or image_size=[64,48] (repeatable; saved with the run)")
    private List<String> kwargs;

    @Option(names = "--list-hyperparameters", description = "print every hyperparameter with its default for ENV and exit")
    private boolean list;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        if (noLocalWorkers && experience == null) {
            throw new CliException("--no-local-workers needs --experience (the transport remote workers send to)");
        }
        if (list) {
            String id = envId == null ? "CartPole-v1" : envId;
            Map<String, Object> d = PpoConfig.defaults(id, PpoTrainer.continuousActions(id, Map.of()));
            PpoConfig.descriptions().forEach((k, v) -> stdout.println(k + " = " + d.get(k) + "  # " + v));
            stdout.flush();
            return 0;
        }
        PpoTrainer trainer;
        Path dir;
        List<String> previousMetrics = new ArrayList<>();
        if (resume != null) {
            if (configFile != null || !assignments.isEmpty() || numEnvs != null || seed != null || experience != null
                    || policyStore != null || kwargs != null) {
                throw new CliException("--resume continues a run with its own configuration; only --steps, --out and "
                        + "--stop-after may be given with it");
            }
            trainer = PpoTrainer.resume(resume.resolve("checkpoint.bin"), steps == null ? 0 : checkSteps(steps));
            if (envId != null && !envId.equals(trainer.envId())) {
                trainer.close();
                throw new CliException("the checkpoint in " + resume + " is a run on " + trainer.envId() + ", not " + envId);
            }
            dir = out != null ? out : resume;
            Path old = resume.resolve("metrics.jsonl");
            if (Files.isRegularFile(old)) {
                List<String> lines = Files.readAllLines(old, StandardCharsets.UTF_8);
                previousMetrics.addAll(lines.subList(0, Math.min(lines.size(), trainer.iteration())));
            }
        } else {
            String id = envId == null ? "CartPole-v1" : envId;
            Gym.spec(id); // an unknown env fails here, with the registry's message
            Map<String, Object> envKwargs = KwargOptions.parse(kwargs);
            PpoConfig config = PpoConfig.resolve(id, PpoTrainer.continuousActions(id, envKwargs), overrides());
            trainer = experience == null && policyStore == null && experiment == null
                    ? PpoTrainer.create(id, envKwargs, config)
                    : PpoTrainer.create(id, envKwargs, config,
                            new PpoTrainer.Transport(experience, policyStore, experiment, !noLocalWorkers));
            dir = out != null ? out : defaultOut(id, System.getenv());
        }
        try (PpoTrainer t = trainer) {
            return run(t, dir, previousMetrics, stdout);
        }
    }

    private static long checkSteps(long s) {
        if (s < 1) {
            throw new CliException("--steps must be at least 1, got " + s);
        }
        return s;
    }

    private Map<String, Object> overrides() {
        Map<String, Object> o = new LinkedHashMap<>(Hyperparameters.sageMaker(System.getenv()));
        if (configFile != null) {
            o.putAll(Hyperparameters.file(configFile));
        }
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new CliException("expected KEY=VALUE, got '" + a + "'");
            }
            o.put(a.substring(0, eq), a.substring(eq + 1));
        }
        if (steps != null) {
            o.put("total_timesteps", checkSteps(steps));
        }
        if (numEnvs != null) {
            o.put("num_envs", numEnvs);
        }
        if (seed != null) {
            o.put("seed", seed);
        }
        // validate the keys now, so that the message names the key as the user wrote it
        o.keySet().forEach(PpoConfig::canonical);
        return o;
    }

    static Path defaultOut(String envId, Map<String, String> env) {
        if (env.get("SM_MODEL_DIR") != null) {
            return Path.of(env.get("SM_MODEL_DIR"));
        }
        if (env.get("SAGEMAKER_BASE_DIR") != null) {
            return Path.of("/opt/ml/model");
        }
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return Path.of("runs", envId.replace('/', '_') + "-" + time);
    }

    private int run(PpoTrainer t, Path dir, List<String> previousMetrics, PrintWriter stdout) throws Exception {
        Files.createDirectories(dir);
        PpoConfig config = t.config();
        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("env_id", t.envId());
        resolved.put("env_kwargs", t.envKwargs());
        resolved.putAll(config.toMap());
        Files.writeString(dir.resolve("config.json"), Json.write(resolved) + "\n", StandardCharsets.UTF_8);
        Path checkpoint = dir.resolve("checkpoint.bin");
        long total = (long) config.numIterations() * config.batchSize();
        long stop = stopAfter == null ? Long.MAX_VALUE : stopAfter;
        List<long[]> curveSteps = new ArrayList<>();
        List<Double> curveMeans = new ArrayList<>();
        for (String line : previousMetrics) {
            Map<String, Object> m = Json.parseObject(line);
            if (m.get("episode_reward_mean") instanceof Number mean) {
                curveSteps.add(new long[] {((Number) m.get("global_step")).longValue()});
                curveMeans.add(mean.doubleValue());
            }
        }
        boolean terminal = System.console() != null;
        double[] trainSeconds = new double[1];
        try (BufferedWriter metrics = Files.newBufferedWriter(dir.resolve("metrics.jsonl"), StandardCharsets.UTF_8);
                BufferedWriter timing = Files.newBufferedWriter(dir.resolve("timing.jsonl"), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, previousMetrics.isEmpty() ? StandardOpenOption.TRUNCATE_EXISTING
                                : StandardOpenOption.APPEND);
                ProgressBar bar = terminal ? new ProgressBarBuilder().setTaskName("train " + t.envId()).setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUnit(" steps", 1).showSpeed().setUpdateIntervalMillis(250)
                        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build() : null) {
            for (String line : previousMetrics) {
                metrics.write(line);
                metrics.write('\n');
            }
            if (bar != null) {
                bar.stepTo(t.globalStep());
            }
            long[] lastPrinted = {-1};
            t.train(report -> {
                try {
                    metrics.write(Json.write(report.metrics()));
                    metrics.write('\n');
                    metrics.flush();
                    Map<String, Object> tm = new LinkedHashMap<>();
                    tm.put("iteration", report.iteration());
                    tm.putAll(report.timing());
                    timing.write(Json.write(tm));
                    timing.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                trainSeconds[0] = (Double) report.timing().get("seconds");
                double mean = report.episodeRewardMean();
                if (!Double.isNaN(mean)) {
                    curveSteps.add(new long[] {report.globalStep()});
                    curveMeans.add(mean);
                    stdout.println("episode_reward_mean: " + Json.formatDouble(mean));
                    stdout.println("episode_reward_max: " + Json.formatDouble(report.episodeRewardMax()));
                }
                if (bar != null) {
                    bar.stepTo(report.globalStep());
                    bar.setExtraMessage(Double.isNaN(mean) ? "" : String.format(Locale.ROOT, " return %.1f", mean));
                } else if (report.globalStep() * 10 / total != lastPrinted[0] || report.iteration() == config.numIterations()) {
                    lastPrinted[0] = report.globalStep() * 10 / total;
                    stdout.println(String.format(Locale.ROOT, "%s: step %d/%d, mean return %s, %.0f steps/s", t.envId(),
                            report.globalStep(), total, Double.isNaN(mean) ? "-" : String.format(Locale.ROOT, "%.1f", mean),
                            (Double) report.timing().get("steps_per_second")));
                }
                stdout.flush();
            }, stop, checkpoint);
        }
        t.saveCheckpoint(checkpoint);
        Files.write(dir.resolve("policy.onnx"), t.policyOnnx());
        Files.writeString(dir.resolve("policy.json"), t.policyJson() + "\n", StandardCharsets.UTF_8);
        LearningCurve.write(dir.resolve("learning-curve.png"), t.envId(), curveSteps, curveMeans);
        Map<String, Object> timing = t.timing();
        if (!t.finished()) {
            stdout.println(String.format(Locale.ROOT, "%s: stopped after %d of %d steps (checkpoint in %s; continue with "
                    + "'gym4j train --resume %s')", t.envId(), t.globalStep(), total, checkpoint, dir));
            stdout.flush();
            return 0;
        }
        Evaluation eval = config.evalEpisodes() > 0
                ? t.evaluate(config.evalEpisodes(), config.evalDeterministic(), config.seed() + 1_000_003L) : null;
        if (eval != null) {
            Files.writeString(dir.resolve("evaluation.json"), Json.write(EvaluateCommand.toJson(t.envId(), eval,
                    config.evalDeterministic())) + "\n", StandardCharsets.UTF_8);
        }
        String video = noVideo ? null : recordVideo(t, dir);
        double seconds = (Double) timing.get("seconds");
        stdout.println(String.format(Locale.ROOT, "%s: %s after %d steps in %.1f s of training (%.0f steps/s; env %.1f s, "
                + "inference %.1f s, update %.1f s, policy publish %.1f s)%s; outputs in %s", t.envId(),
                eval == null ? "no evaluation" : String.format(Locale.ROOT, "mean return %.1f ± %.1f over %d %s episodes",
                        eval.mean(), eval.std(), eval.returns().size(), config.evalDeterministic() ? "deterministic" : "sampled"),
                t.globalStep(), seconds, t.globalStep() / seconds, (Double) timing.get("env_seconds"),
                (Double) timing.get("inference_seconds"), (Double) timing.get("update_seconds"),
                (Double) timing.get("publish_seconds"), video == null ? "" : "; video " + video, dir));
        stdout.flush();
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static String recordVideo(PpoTrainer t, Path dir) {
        Env<Object, Object> probe = Gym.make(t.envId(), t.envKwargs());
        Object modes = probe.metadata().get("render_modes");
        probe.close();
        if (!(modes instanceof List<?> l) || !l.contains("rgb_array")) {
            return null;
        }
        Map<String, Object> kwargs = new LinkedHashMap<>(t.envKwargs());
        kwargs.put("render_mode", "rgb_array");
        Path videoDir = dir.resolve("video");
        Env<Object, Object> env = Gym.make(t.envId(), kwargs);
        try (RecordVideo<Object, Object> rec = RecordVideo.builder(env, videoDir).namePrefix("final-policy")
                .episodeTrigger(e -> e == 0).build()) {
            t.policy().evaluate(rec, 1, true, t.config().seed() + 2_000_003L);
        }
        return videoDir.resolve("final-policy-episode-0.mp4").toString();
    }
}
