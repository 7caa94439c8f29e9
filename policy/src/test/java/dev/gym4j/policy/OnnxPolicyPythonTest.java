package dev.gym4j.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.random.Generator;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.MultiDiscrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.vector.SyncVectorEnv;
import dev.gym4j.api.vector.VectorBatch;
import dev.gym4j.bridge.experience.PolicyVersion;
import dev.gym4j.policy.PolicyMetadata.ActionTransform;
import dev.gym4j.policy.PolicyMetadata.Distribution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OnnxPolicy on models exported by Python's torch and onnx, against Python's onnxruntime and NumPy. */
class OnnxPolicyPythonTest {

    private static final long SEED = 123;
    private static final Box<float[]> PENDULUM_OBS = Box.float32(new float[] {-1, -1, -8}, new float[] {1, 1, 8});
    private static final Box<float[]> PENDULUM_ACT = Box.float32(-2, 2, 1);

    private static Space<?> cartPoleObs() {
        try (Env<?, ?> env = Gym.make("CartPole-v1")) {
            return env.observationSpace();
        }
    }

    private static float[] flat(JsonNode rows) {
        int n = rows.size();
        int k = rows.get(0).isArray() ? rows.get(0).size() : 1;
        float[] out = new float[n * k];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < k; j++) {
                out[r * k + j] = (float) (k == 1 && !rows.get(r).isArray() ? rows.get(r) : rows.get(r).get(j)).asDouble();
            }
        }
        return out;
    }

    private static long[] longs(JsonNode rows) {
        float[] f = flat(rows);
        long[] out = new long[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = (long) f[i];
        }
        return out;
    }

    private static void assertClose(float[] expected, float[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(1.0, Math.abs(expected[i]));
            assertTrue(Math.abs(expected[i] - actual[i]) <= tolerance * scale,
                    what + "[" + i + "]: Python " + expected[i] + ", Java " + actual[i]);
        }
    }

    @Test
    void cartPoleActorCriticMatchesOnnxruntimeDeterministicAndSampled() {
        JsonNode ref = PythonModels.reference().get("cartpole");
        float[] obs = flat(ref.get("obs"));
        int batch = ref.get("obs").size();
        try (OnnxPolicy policy = OnnxPolicy.fromFile(PythonModels.model("cartpole"), cartPoleObs(), new Discrete(2))) {
            assertEquals(Distribution.CATEGORICAL, policy.distribution());
            assertEquals("CartPole-v1", policy.metadata().envId().orElseThrow());
            assertClose(flat(ref.get("logits")), policy.outputs(obs, batch).get("logits"), 1e-5, "logits");

            PolicyStep det = policy.actDeterministic(obs, batch);
            assertArrayEquals(longs(ref.get("det")), det.longActions());
            assertClose(flat(ref.get("det_logp")), det.logProbs(), 1e-5, "deterministic log-probs");
            assertClose(flat(ref.get("value")), det.values(), 1e-5, "values");

            PolicyStep sampled = policy.act(obs, batch, Generator.fromSeed(SEED));
            assertArrayEquals(longs(ref.get("sampled")), sampled.longActions());
            assertClose(flat(ref.get("sampled_logp")), sampled.logProbs(), 1e-5, "sampled log-probs");
            // Sampling is not the argmax everywhere (the logits are scaled so both actions occur).
            assertTrue(!java.util.Arrays.equals(det.longActions(), sampled.longActions()));
        }
    }

    @Test
    void plainTorchExportWithFixedBatchAndNoMetadataJustWorks() {
        JsonNode ref = PythonModels.reference().get("plain");
        float[] obs = flat(ref.get("obs"));
        int batch = ref.get("obs").size();
        try (OnnxPolicy policy = OnnxPolicy.fromFile(PythonModels.model("plain"), cartPoleObs(), new Discrete(2))) {
            assertEquals(PolicyMetadata.empty(), policy.metadata());
            assertEquals(Distribution.CATEGORICAL, policy.distribution());
            assertArrayEquals(longs(ref.get("det")), policy.actDeterministic(obs, batch).longActions());
            assertArrayEquals(longs(ref.get("sampled")), policy.act(obs, batch, Generator.fromSeed(SEED)).longActions());
            assertNull(policy.actDeterministic(obs, batch).values());
            // A single observation, as a single env gives it.
            float[] first = java.util.Arrays.copyOf(obs, 4);
            assertEquals((int) longs(ref.get("det"))[0], policy.actOne(first, null));
        }
    }

    @Test
    void gaussianPolicyWithSharedLogStdMatchesNumpy() {
        JsonNode ref = PythonModels.reference().get("gauss");
        float[] obs = flat(ref.get("obs"));
        int batch = ref.get("obs").size();
        PolicyMetadata metadata = PolicyMetadata.empty().withDistribution(Distribution.DIAG_GAUSSIAN);
        try (OnnxPolicy policy = OnnxPolicy.fromBytes(read(PythonModels.model("gauss")), metadata, PENDULUM_OBS,
                PENDULUM_ACT)) {
            assertEquals("mean", policy.outputNames().get("mean"));
            assertClose(flat(ref.get("det")), policy.actDeterministic(obs, batch).floatActions(), 1e-5, "means");
            PolicyStep s = policy.act(obs, batch, Generator.fromSeed(SEED));
            assertClose(flat(ref.get("sampled")), s.floatActions(), 1e-5, "sampled actions");
            assertClose(flat(ref.get("sampled_logp")), s.logProbs(), 1e-5, "sampled log-densities");
            for (float a : s.floatActions()) {
                assertTrue(a >= -2f && a <= 2f, "clipped to the bounds: " + a);
            }
        }
    }

    @Test
    void multiDiscreteLogitsSplitPerDimension() {
        JsonNode ref = PythonModels.reference().get("multi");
        float[] obs = flat(ref.get("obs"));
        int batch = ref.get("obs").size();
        Box<float[]> obsSpace = Box.float32(-10, 10, 5);
        MultiDiscrete act = new MultiDiscrete(new long[] {3, 4}, new long[] {0, 0});
        try (OnnxPolicy policy = OnnxPolicy.fromFile(PythonModels.model("multi"), obsSpace, act)) {
            assertEquals(Distribution.MULTI_CATEGORICAL, policy.distribution());
            assertArrayEquals(longs(ref.get("det")), policy.actDeterministic(obs, batch).longActions());
            PolicyStep s = policy.act(obs, batch, Generator.fromSeed(SEED));
            assertArrayEquals(longs(ref.get("sampled")), s.longActions());
            assertClose(flat(ref.get("sampled_logp")), s.logProbs(), 1e-5, "log-probs");
        }
        // The same model with start offsets: the actions shift by start.
        MultiDiscrete shifted = new MultiDiscrete(new long[] {3, 4}, new long[] {10, -2});
        try (OnnxPolicy policy = OnnxPolicy.fromFile(PythonModels.model("multi"), obsSpace, shifted)) {
            long[] expected = longs(ref.get("det"));
            for (int i = 0; i < expected.length; i++) {
                expected[i] += i % 2 == 0 ? 10 : -2;
            }
            assertArrayEquals(expected, policy.actDeterministic(obs, batch).longActions());
        }
    }

    @Test
    void deterministicTanhPolicyIsRescaledOntoTheBounds() {
        JsonNode ref = PythonModels.reference().get("tanh");
        float[] obs = flat(ref.get("obs"));
        int batch = ref.get("obs").size();
        Box<float[]> act = Box.float32(new float[] {-2, 0}, new float[] {2, 10});
        PolicyMetadata metadata = PolicyMetadata.empty().withActionTransform(ActionTransform.RESCALE);
        try (OnnxPolicy policy = OnnxPolicy.fromBytes(read(PythonModels.model("tanh")), metadata, PENDULUM_OBS, act)) {
            assertEquals(Distribution.DETERMINISTIC, policy.distribution());
            PolicyStep s = policy.act(obs, batch, Generator.fromSeed(SEED));
            assertClose(flat(ref.get("det")), s.floatActions(), 1e-5, "rescaled actions");
            assertNull(s.logProbs());
        }
    }

    @Test
    void policyVersionCarriesModelAndMetadata() throws Exception {
        Space<?> obs = cartPoleObs();
        byte[] model = read(PythonModels.model("cartpole"));
        String json = PolicyMetadata.of("CartPole-v1", obs, new Discrete(2), Distribution.CATEGORICAL).toJson();
        PolicyVersion v = PolicyVersion.onnx("exp", 3, model, obs, new Discrete(2), json);
        JsonNode ref = PythonModels.reference().get("cartpole");
        try (OnnxPolicy policy = OnnxPolicy.fromPolicyVersion(v, obs, new Discrete(2))) {
            assertArrayEquals(longs(ref.get("det")), policy.actDeterministic(flat(ref.get("obs")), 37).longActions());
        }
        PolicyException e = assertThrows(PolicyException.class,
                () -> OnnxPolicy.fromPolicyVersion(v, PENDULUM_OBS, PENDULUM_ACT));
        assertTrue(e.getMessage().contains("was made for observation space") && e.getMessage().contains("Discrete(2)"),
                e.getMessage());
    }

    @Test
    void aPolicyForTheWrongSpacesIsRefusedPrintingBoth() {
        Path model = PythonModels.model("cartpole");
        PolicyException obs = assertThrows(PolicyException.class,
                () -> OnnxPolicy.fromBytes(read(model), PENDULUM_OBS, new Discrete(2)));
        assertTrue(obs.getMessage().contains("does not fit the env's spaces"), obs.getMessage());
        assertTrue(obs.getMessage().contains("'obs' float32[batch, 4]"), obs.getMessage());
        assertTrue(obs.getMessage().contains("'logits' float32[batch, 2]"), obs.getMessage());
        assertTrue(obs.getMessage().contains(PENDULUM_OBS.toString()), obs.getMessage());

        PolicyException act = assertThrows(PolicyException.class,
                () -> OnnxPolicy.fromBytes(read(model), cartPoleObs(), new Discrete(3)));
        assertTrue(act.getMessage().contains("has shape [?, 2], but 3 logits per row for Discrete(3)"), act.getMessage());
        assertTrue(act.getMessage().contains("action space Discrete(3)"), act.getMessage());

        PolicyException box = assertThrows(PolicyException.class,
                () -> OnnxPolicy.fromBytes(read(model), cartPoleObs(), Box.float32(-1, 1, 3)));
        assertTrue(box.getMessage().contains("'logits' float32[batch, 2]") && box.getMessage().contains("3 elements"),
                box.getMessage());

        // Metadata made for other spaces (policy.json beside the model says CartPole's; the env is another).
        PolicyMetadata meta = PolicyMetadata.of("CartPole-v1", cartPoleObs(), new Discrete(2), Distribution.CATEGORICAL);
        PolicyException m = assertThrows(PolicyException.class,
                () -> OnnxPolicy.fromBytes(read(model), meta, Box.float32(-9, 9, 4), new Discrete(2)));
        assertTrue(m.getMessage().contains("was made for observation space"), m.getMessage());

        // A distribution that does not apply to the action space.
        PolicyException d = assertThrows(PolicyException.class, () -> OnnxPolicy.fromBytes(read(model),
                PolicyMetadata.empty().withDistribution(Distribution.DIAG_GAUSSIAN), cartPoleObs(), new Discrete(2)));
        assertTrue(d.getMessage().contains("diag_gaussian does not apply"), d.getMessage());
    }

    // "try": the policy is closed inside its own try on purpose, to check that a closed policy refuses to act.
    @SuppressWarnings("try")
    @Test
    void wrongBatchesAreRefusedClearly() {
        try (OnnxPolicy policy = OnnxPolicy.fromFile(PythonModels.model("cartpole"), cartPoleObs(), new Discrete(2))) {
            PolicyException e = assertThrows(PolicyException.class, () -> policy.actDeterministic(new float[7], 2));
            assertTrue(e.getMessage().contains("expected a batch of 2 observations of 4 elements"), e.getMessage());
            assertThrows(PolicyException.class, () -> policy.actDeterministic("obs", 1));
            policy.close();
            assertThrows(IllegalStateException.class, () -> policy.actDeterministic(new float[4], 1));
        }
    }

    @Test
    void drivesSixtyFourCartPolesBatchedAndConcurrently() throws Exception {
        try (SyncVectorEnv<float[], long[]> envs = SyncVectorEnv.of(64, i -> Gym.make("CartPole-v1"),
                dev.gym4j.api.vector.AutoresetMode.NEXT_STEP);
                OnnxPolicy policy = OnnxPolicy.fromFile(PythonModels.model("cartpole"), cartPoleObs(), new Discrete(2))) {
            VectorBatch<float[]> batch = envs.reset(0L, Map.of());
            Generator g = Generator.fromSeed(5);
            double reward = 0;
            for (int t = 0; t < 50; t++) {
                PolicyStep step = policy.act(batch.observations(), 64, g);
                batch = envs.step(step.longActions());
                for (double r : batch.rewards()) {
                    reward += r;
                }
            }
            assertTrue(reward > 0);
            // Concurrent calls on one policy give the same answers as sequential ones.
            float[] obs = batch.observations().clone();
            long[] expected = policy.actDeterministic(obs, 64).longActions();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                java.util.List<Future<long[]>> futures = new java.util.ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    futures.add(pool.submit(() -> policy.actDeterministic(obs, 64).longActions()));
                }
                for (Future<long[]> f : futures) {
                    assertArrayEquals(expected, f.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void metadataBesideTheModelIsFoundAndSpacesFromItServe(@TempDir Path tmp) throws Exception {
        Path model = tmp.resolve("policy.onnx");
        Files.copy(PythonModels.model("cartpole"), model);
        PolicyMetadata.of("CartPole-v1", cartPoleObs(), new Discrete(2), Distribution.CATEGORICAL)
                .withOutput("logits", "logits").write(tmp.resolve("policy.json"));
        try (OnnxPolicy policy = OnnxPolicy.fromFile(model)) {
            assertEquals(cartPoleObs(), policy.observationSpace());
            assertEquals(new Discrete(2), policy.actionSpace());
            assertTrue(policy.outputNames().containsKey("value"), "value found by name: " + policy.outputNames());
        }
        Files.delete(tmp.resolve("policy.json"));
        PolicyException e = assertThrows(PolicyException.class, () -> OnnxPolicy.fromFile(model));
        assertTrue(e.getMessage().contains("has no metadata beside it"), e.getMessage());
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
