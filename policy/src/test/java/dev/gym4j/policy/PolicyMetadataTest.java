package dev.gym4j.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.MultiDiscrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.policy.PolicyMetadata.ActionTransform;
import dev.gym4j.policy.PolicyMetadata.Distribution;
import dev.gym4j.policy.PolicyMetadata.ObservationLayout;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyMetadataTest {

    private static final Box<float[]> CARTPOLE_LIKE = Box.float32(
            new float[] {-4.8f, Float.NEGATIVE_INFINITY, -0.41887903f, Float.NEGATIVE_INFINITY},
            new float[] {4.8f, Float.POSITIVE_INFINITY, 0.41887903f, Float.POSITIVE_INFINITY});

    @Test
    void roundTripsEveryKeyAndKeepsUnknownOnes(@TempDir Path tmp) {
        PolicyMetadata m = PolicyMetadata.of("CartPole-v1", CARTPOLE_LIKE, new Discrete(2), Distribution.CATEGORICAL)
                .withOutput("logits", "pi").withOutput("value", "v")
                .withActionTransform(ActionTransform.NONE).withObservationLayout(ObservationLayout.HWC)
                .withTrainer(Map.of("name", "gym4j-ppo", "steps", 200000));
        PolicyMetadata back = PolicyMetadata.parse(m.toJson());
        assertEquals(m, back);
        assertEquals(CARTPOLE_LIKE, back.observationSpace().orElseThrow());
        assertEquals(Map.of("logits", "pi", "value", "v"), back.outputs());
        assertEquals(200000, back.trainer().get("steps"));
        Path f = tmp.resolve("policy.json");
        m.write(f);
        assertEquals(m, PolicyMetadata.read(f));
        assertEquals(f, PolicyMetadata.besideModel(tmp.resolve("policy.onnx")));

        PolicyMetadata extra = PolicyMetadata.parse("{\"format\": \"gym4j.policy.v1\", \"normalizer\": {\"eps\": 1e-8}}");
        assertTrue(extra.toJson().contains("\"normalizer\""), extra.toJson());
        assertEquals(extra, PolicyMetadata.parse(extra.toJson()));
    }

    @Test
    void readsSpacesAsGym4jInfoPrintsThem() {
        // The form of `gym4j info CartPole-v1` (non-standard Infinity tokens) and of Python's json (same).
        String json = "{\"observation_space\": {\"type\": \"Box\", \"shape\": [4], \"dtype\": \"float32\","
                + " \"low\": [-4.800000190734863, -Infinity, -0.41887903213500977, -Infinity],"
                + " \"high\": [4.800000190734863, Infinity, 0.41887903213500977, Infinity],"
                + " \"bounded_below\": [true, false, true, false], \"bounded_above\": [true, false, true, false]},"
                + " \"action_space\": {\"type\": \"MultiDiscrete\", \"nvec\": [3, 4], \"start\": [0, 1], \"shape\": [2],"
                + " \"dtype\": \"int64\"}}";
        PolicyMetadata m = PolicyMetadata.parse(json);
        assertEquals(CARTPOLE_LIKE, m.observationSpace().orElseThrow());
        assertEquals(new MultiDiscrete(new long[] {3, 4}, new long[] {0, 1}), m.actionSpace().orElseThrow());
        assertTrue(m.distribution().isEmpty());
        Space<?> box2d = Box.float64(-1, 1, 2, 3);
        assertEquals(box2d, PolicyMetadata.parse(PolicyMetadata.empty().withSpaces(box2d, box2d).toJson())
                .actionSpace().orElseThrow());
    }

    @Test
    void emptyMeansTheObviousMapping() {
        assertEquals(PolicyMetadata.empty(), PolicyMetadata.parse("{}"));
        assertEquals(PolicyMetadata.empty(), PolicyMetadata.parse(""));
        assertEquals(ActionTransform.CLIP, PolicyMetadata.empty().actionTransform());
    }

    @Test
    void badMetadataSaysWhatWasExpected() {
        assertMessage("{", "policy metadata is not valid JSON");
        assertMessage("[1]", "policy metadata must be a JSON object");
        assertMessage("{\"format\": \"gym4j.policy.v9\"}", "this gym4j reads 'gym4j.policy.v1'");
        assertMessage("{\"distribution\": \"beta\"}", "expected categorical, multi_categorical, diag_gaussian or deterministic");
        assertMessage("{\"outputs\": {\"q\": \"x\"}}", "unknown role 'q'");
        assertMessage("{\"action\": {\"transform\": \"squash\"}}", "expected clip, rescale or none");
        assertMessage("{\"observation\": {\"layout\": \"nhwc\"}}", "expected flat, chw or hwc");
        assertMessage("{\"action_space\": {\"type\": \"Graph\"}}", "unknown space type 'Graph'");
        assertMessage("{\"action_space\": {\"type\": \"Discrete\"}}", "a Discrete space needs 'n'");
        assertMessage("{\"distribution\": \"categorical\", \"distribution\": \"categorical\"}", "Duplicate field");
    }

    private static void assertMessage(String json, String part) {
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyMetadata.parse(json));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
