package dev.gym4j.trainer;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.random.Generator;
import dev.gym4j.trainer.internal.ActorCritic;
import dev.gym4j.trainer.internal.Distributions;
import dev.gym4j.trainer.internal.InProcessWorker;
import dev.gym4j.trainer.internal.Mlp;
import dev.gym4j.trainer.internal.OnnxImport;
import dev.gym4j.trainer.internal.SpaceAdapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A policy trained by {@link PpoTrainer}, run by the trainer's own network (the same arithmetic as training):
 * read from a {@code policy.onnx} the trainer wrote, or taken from a trainer.
 *
 * <p>Not thread-safe (it keeps its activations); use one instance per thread.
 */
public final class TrainedPolicy {

    private final ActorCritic net;
    private final Map<String, Object> metadata;
    private final String metadataJson;
    private final Mlp.Workspace aws;
    private final Mlp.Workspace cws;
    private final float[] row;

    TrainedPolicy(ActorCritic net, Map<String, Object> metadata, String metadataJson) {
        this.net = net;
        this.metadata = metadata;
        this.metadataJson = metadataJson;
        aws = net.actor().workspace(1);
        cws = net.critic().workspace(1);
        row = new float[net.obsDim()];
    }

    /**
     * Reads a {@code policy.onnx} written by the trainer.
     *
     * @param file the ONNX file
     * @return the policy
     * @throws TrainerException if the file is missing or not a gym4j trainer policy
     */
    public static TrainedPolicy read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TrainerException("no policy file " + file);
        } catch (IOException e) {
            throw new TrainerException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return fromOnnx(bytes, file.toString());
    }

    /**
     * @param onnx ONNX bytes written by the trainer
     * @param source where they came from, for messages
     * @return the policy
     */
    public static TrainedPolicy fromOnnx(byte[] onnx, String source) {
        OnnxImport.Decoded d = OnnxImport.read(onnx, source);
        return new TrainedPolicy(d.net(), d.metadata(), d.metadataJson());
    }

    /** @return the env id the policy was trained on */
    public String envId() {
        return (String) metadata.get("env_id");
    }

    /** @return the {@code gym4j.policy.v1} metadata */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** @return the metadata as JSON */
    public String metadataJson() {
        return metadataJson;
    }

    /** @return the flattened observation size */
    public int observationSize() {
        return net.obsDim();
    }

    /**
     * The network's outputs for one observation.
     *
     * @param observation a flattened observation
     * @return the actor's outputs (logits, or the Gaussian mean) followed by the value
     */
    public float[] outputs(float[] observation) {
        net.normalize(observation, 0, 1, row, 0);
        net.actor().forward(net.params(), row, 0, 1, aws);
        net.critic().forward(net.params(), row, 0, 1, cws);
        int k = net.actorOutputs();
        float[] out = new float[k + 1];
        System.arraycopy(aws.output(), 0, out, 0, k);
        out[k] = cws.output()[0];
        return out;
    }

    /** @return the Gaussian log-stds, empty for a categorical policy */
    public float[] logStd() {
        if (net.kind() != ActorCritic.Kind.GAUSSIAN) {
            return new float[0];
        }
        return java.util.Arrays.copyOfRange(net.params(), net.logStdOffset(), net.logStdOffset() + net.actDim());
    }

    /**
     * Runs whole episodes.
     *
     * @param envId the env (normally {@link #envId()})
     * @param kwargs its kwargs
     * @param episodes how many
     * @param deterministic take the most likely action (else sample)
     * @param seed seeds the episodes' resets and the action sampling
     * @return the returns
     * @throws TrainerException if the env's spaces do not fit the policy
     */
    public Evaluation evaluate(String envId, Map<String, ?> kwargs, int episodes, boolean deterministic, long seed) {
        Env<Object, Object> env = Gym.make(envId, kwargs);
        try {
            return evaluate(env, episodes, deterministic, seed);
        } finally {
            env.close();
        }
    }

    /**
     * Runs whole episodes on a given env (wrapped as the caller likes, by a video recorder for example).
     *
     * @param env the env; not closed
     * @param episodes how many
     * @param deterministic take the most likely action (else sample)
     * @param seed seeds the episodes' resets and the action sampling
     * @return the returns
     * @throws TrainerException if the env's spaces do not fit the policy
     */
    @SuppressWarnings("unchecked")
    public Evaluation evaluate(Env<?, ?> anyEnv, int episodes, boolean deterministic, long seed) {
        Env<Object, Object> env = (Env<Object, Object>) anyEnv;
        Object transform = metadata.get("action") instanceof Map<?, ?> a ? a.get("transform") : "clip";
        SpaceAdapter spaces = new SpaceAdapter(String.valueOf(env.spec() == null ? "env" : env.spec().id()),
                env.observationSpace(), env.actionSpace(), String.valueOf(transform == null ? "clip" : transform));
        if (spaces.obsDim() != net.obsDim() || spaces.kind() != net.kind() || spaces.actDim() != net.actDim()) {
            throw new TrainerException("the policy (observation size " + net.obsDim() + ", " + net.kind() + " of "
                    + net.actDim() + ") does not fit the env's spaces " + env.observationSpace() + " / " + env.actionSpace());
        }
        Generator rng = Generator.fromSeed(seed);
        float[] obs = new float[net.obsDim()];
        float[] action = new float[net.actDim()];
        int[] chosen = new int[net.actDim()];
        List<Double> returns = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        int successes = 0;
        boolean reports = false;
        for (int e = 0; e < episodes; e++) {
            ResetResult<Object> r = env.reset(InProcessWorker.episodeSeed(seed, -1, e));
            spaces.observation(r.observation(), obs, 0);
            double total = 0;
            int length = 0;
            while (true) {
                net.normalize(obs, 0, 1, row, 0);
                net.actor().forward(net.params(), row, 0, 1, aws);
                if (net.kind() == ActorCritic.Kind.GAUSSIAN) {
                    Distributions.sampleGaussian(aws.output(), 0, net.params(), net.logStdOffset(), net.actDim(),
                            deterministic, rng, action, 0);
                } else {
                    Distributions.sampleCategorical(aws.output(), 0, net.nvec(), deterministic, rng, chosen, 0);
                    for (int j = 0; j < chosen.length; j++) {
                        action[j] = chosen[j];
                    }
                }
                StepResult<Object> s = env.step(spaces.envAction(action, 0));
                total += s.reward();
                length++;
                if (s.terminated() || s.truncated()) {
                    Object success = s.info().containsKey("is_success") ? s.info().get("is_success") : s.info().get("success");
                    if (success instanceof Boolean b) {
                        reports = true;
                        successes += b ? 1 : 0;
                    }
                    break;
                }
                spaces.observation(s.observation(), obs, 0);
            }
            returns.add(total);
            lengths.add(length);
        }
        return new Evaluation(returns, lengths, successes, reports);
    }
}
