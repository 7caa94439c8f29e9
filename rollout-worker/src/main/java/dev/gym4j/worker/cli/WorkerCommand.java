package dev.gym4j.worker.cli;

import dev.gym4j.Gym;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gym4j worker ENV --experience URI}: a rollout worker. It runs a vector env with the latest policy of the
 * policy store, ships each sub-env's fragments of {@code --fragment-length} steps to the trainer, switches to a new
 * policy version between fragments, and on SIGTERM (or after {@code --max-fragments}) ships what it holds, waits
 * for the trainer to acknowledge it and exits.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Run a rollout worker: envs with the latest policy, experience to a trainer (bridge/PROTOCOL.md).",
            "Experience goes to zmq://HOST:PORT (a trainer's ExperienceSource binds there) or "
            + "redis://[user:password@]HOST:PORT/EXPERIMENT (Redis Streams; rediss:// for TLS; the password may be in "
            + "GYM4J_REDIS_PASSWORD). Policies (ONNX, docs/POLICY.md) come from --policy-store dir:/path, "
            + "redis://HOST:PORT, zmq://HOST:PORT (the trainer binds there, the worker connects) or mem:; without one "
            + "the worker acts at random (policy version 0).",
            "In a SageMaker or RoboMaker container (or with SAGEMAKER_BASE_DIR set) options may come as hyperparameters "
            + "(hyperparameters.json, SM_HPS, SM_HP_*; rl.worker.num_envs and num-envs both set --num-envs); "
            + "a failure's reason goes to $SAGEMAKER_BASE_DIR/output/failure. Metrics print as SageMaker's default "
            + "regexes read them: 'episode_reward_mean: X', 'episode_reward_max: X' and Coach's 'Training> ... "
            + "Total reward=X, Steps=N, ...'."})
final class WorkerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ENV", description = "the env id, such as CartPole-v1")
    String envId;

    @Option(names = "--experience", paramLabel = "URI", description = "where experience goes: zmq://HOST:PORT or "
            + "redis://[user:password@]HOST:PORT/EXPERIMENT")
    String experience;

    @Option(names = "--experiment", paramLabel = "NAME", description = "the experiment (default: the one in a redis:// "
            + "address, else gym4j)")
    String experiment;

    @Option(names = "--worker-id", paramLabel = "ID", description = "this worker's id, unique in the experiment "
            + "(default: HOST-PID)")
    String workerId;

    @Option(names = "--num-envs", paramLabel = "N", description = "sub-envs stepped as one batch (default 1)")
    Integer numEnvs;

    @Option(names = "--policy-store", paramLabel = "URI", description = "where policies come from: dir:/path, "
            + "redis://HOST:PORT, zmq://HOST:PORT or mem: (default: none, random actions)")
    String policyStore;

    @Option(names = "--fragment-length", paramLabel = "T", description = "steps per trajectory fragment (default 128)")
    Integer fragmentLength;

    @Option(names = "--seed", paramLabel = "S", description = "seed: sub-env i resets with S + i, actions are sampled "
            + "with a generator seeded with S (default: OS entropy)")
    Long seed;

    @Option(names = "--max-fragments", paramLabel = "N", description = "stop after shipping N fragments (default: run "
            + "until SIGTERM)")
    Long maxFragments;

    @Option(names = "--wait-for-policy", description = "wait for the first policy version instead of acting at random "
            + "meanwhile")
    Boolean waitForPolicy;

    @Option(names = "--max-policy-lag", paramLabel = "L", description = "fragments a policy version may act in beyond "
            + "its first before the worker waits for a newer one: 0 is on-policy (each fragment with a new version, as "
            + "`gym4j train --no-local-workers` expects); default: never wait")
    Long maxPolicyLag;

    @Option(names = "--video", paramLabel = "DIR", arity = "0..1", fallbackValue = "", description = "record sub-env "
            + "0's episodes as MP4 files in DIR (RecordVideo's schedule: episodes 0, 1, 8, 27, ..., 1000, 2000, ...); "
            + "without DIR in a SageMaker container (or with SAGEMAKER_BASE_DIR set): BASE/output/intermediate, which "
            + "SageMaker uploads during training")
    String video;

    @Option(names = "--video-every", paramLabel = "N", description = "with --video, record episodes 0, N, 2N, ... instead")
    Long videoEvery;

    @Option(names = "--kwarg", paramLabel = "NAME=VALUE", description = "a kwarg for Gym.make of every sub-env, such as "
            + "observation=gray (repeatable)")
    java.util.List<String> kwargs;

    @Option(names = "--metrics-interval", paramLabel = "SECONDS", description = "how often to print the reward "
            + "metrics (default 10)")
    Double metricsInterval;

    @Override
    public Integer call() throws Exception {
        SageMaker sm = SageMaker.fromEnvironment();
        try {
            applyHyperparameters(sm.hyperparameters());
            RolloutWorker.Config config = config(sm);
            PrintWriter out = spec.commandLine().getOut();
            return new RolloutWorker(config, out, spec.commandLine().getErr()).runUntilStopped();
        } catch (Exception e) {
            sm.writeFailure(e.getMessage() == null ? e.toString() : e.getMessage());
            throw e;
        }
    }

    private void applyHyperparameters(Map<String, String> hp) {
        if (hp.isEmpty()) {
            return;
        }
        try {
            envId = envId != null ? envId : hp.getOrDefault("env", hp.get("env_id"));
            experience = experience != null ? experience : hp.get("experience");
            experiment = experiment != null ? experiment : hp.get("experiment");
            workerId = workerId != null ? workerId : hp.get("worker_id");
            policyStore = policyStore != null ? policyStore : hp.get("policy_store");
            numEnvs = numEnvs != null ? numEnvs : hp.containsKey("num_envs") ? Integer.valueOf(hp.get("num_envs")) : null;
            fragmentLength = fragmentLength != null ? fragmentLength
                    : hp.containsKey("fragment_length") ? Integer.valueOf(hp.get("fragment_length")) : null;
            seed = seed != null ? seed : hp.containsKey("seed") ? Long.valueOf(hp.get("seed")) : null;
            maxFragments = maxFragments != null ? maxFragments
                    : hp.containsKey("max_fragments") ? Long.valueOf(hp.get("max_fragments")) : null;
            waitForPolicy = waitForPolicy != null ? waitForPolicy
                    : hp.containsKey("wait_for_policy") ? Boolean.valueOf(hp.get("wait_for_policy")) : null;
            if (video == null && hp.containsKey("video")) {
                // video=true: the default directory; video=false: none; anything else names the directory
                String v = hp.get("video");
                video = "true".equalsIgnoreCase(v) ? "" : "false".equalsIgnoreCase(v) ? null : v;
            }
            videoEvery = videoEvery != null ? videoEvery
                    : hp.containsKey("video_every") ? Long.valueOf(hp.get("video_every")) : null;
        } catch (NumberFormatException e) {
            throw new CliException("a worker hyperparameter is not a number: " + e.getMessage());
        }
    }

    private RolloutWorker.Config config(SageMaker sm) {
        if (envId == null) {
            throw new CliException("missing ENV: give an env id, such as CartPole-v1 (or the 'env' hyperparameter)");
        }
        if (experience == null) {
            throw new CliException("missing --experience: expected zmq://HOST:PORT or "
                    + "redis://[user:password@]HOST:PORT/EXPERIMENT");
        }
        if (!experience.startsWith("zmq://") && !experience.startsWith("redis://")
                && !experience.startsWith("rediss://")) {
            throw new CliException("--experience '" + experience + "': expected zmq://HOST:PORT or "
                    + "redis://[user:password@]HOST:PORT/EXPERIMENT");
        }
        int n = numEnvs == null ? 1 : numEnvs;
        if (n < 1) {
            throw new CliException("--num-envs must be at least 1, got " + n);
        }
        int t = fragmentLength == null ? 128 : fragmentLength;
        if (t < 1) {
            throw new CliException("--fragment-length must be at least 1, got " + t);
        }
        if (seed != null && seed < 0) {
            throw new CliException("--seed must be a non-negative integer, got " + seed);
        }
        if (maxFragments != null && maxFragments < 1) {
            throw new CliException("--max-fragments must be at least 1, got " + maxFragments);
        }
        double interval = metricsInterval == null ? 10 : metricsInterval;
        if (!(interval > 0)) {
            throw new CliException("--metrics-interval must be positive, got " + interval);
        }
        if (maxPolicyLag != null && maxPolicyLag < 0) {
            throw new CliException("--max-policy-lag must be 0 or more, got " + maxPolicyLag);
        }
        if (maxPolicyLag != null && policyStore == null) {
            throw new CliException("--max-policy-lag needs --policy-store");
        }
        if (Boolean.TRUE.equals(waitForPolicy) && policyStore == null) {
            throw new CliException("--wait-for-policy needs --policy-store");
        }
        if (videoEvery != null && (video == null || videoEvery < 1)) {
            throw new CliException("--video-every needs --video and a period of at least 1, got " + videoEvery);
        }
        java.nio.file.Path videoDir = video == null ? null : sm.videoDir(video);
        Map<String, Object> envKwargs = KwargOptions.parse(kwargs);
        if (videoDir != null && envKwargs.containsKey("render_mode") && !"rgb_array".equals(envKwargs.get("render_mode"))) {
            throw new CliException("--video records render_mode rgb_array; drop --kwarg render_mode=" + envKwargs.get("render_mode"));
        }
        String exp = experiment != null ? experiment : redisExperiment(experience);
        if (exp == null) {
            exp = "gym4j";
        }
        return new RolloutWorker.Config(envId, experience, exp, workerId != null ? workerId : defaultWorkerId(), n,
                policyStore, t, seed, maxFragments == null ? Long.MAX_VALUE : maxFragments,
                Boolean.TRUE.equals(waitForPolicy), interval, maxPolicyLag == null ? Long.MAX_VALUE : maxPolicyLag,
                videoDir, videoEvery, envKwargs);
    }

    /** @return the EXPERIMENT of redis://HOST:PORT/EXPERIMENT, or null */
    static String redisExperiment(String uri) {
        if (!uri.startsWith("redis://") && !uri.startsWith("rediss://")) {
            return null;
        }
        String rest = uri.substring(uri.indexOf("://") + 3);
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        if (slash < 0 || slash == rest.length() - 1) {
            return null;
        }
        return java.net.URLDecoder.decode(rest.substring(slash + 1), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String defaultWorkerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "worker";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

}
