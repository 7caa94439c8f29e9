package dev.gym4j.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.Frame;
import dev.gym4j.api.internal.EnvInspection.Finding;
import dev.gym4j.api.internal.EnvInspection.Severity;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DictSpace;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.MultiBinary;
import dev.gym4j.api.spaces.MultiDiscrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.spaces.TupleSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvInspectionTest {

    @Test
    void wellFormedSpacesHaveNoFindings() {
        assertEquals(List.of(), EnvInspection.inspectSpace(new Discrete(3), "action"));
        assertEquals(List.of(), EnvInspection.inspectSpace(new MultiDiscrete(2, 3), "action"));
        assertEquals(List.of(), EnvInspection.inspectSpace(new MultiBinary(4), "observation"));
        assertEquals(List.of(), EnvInspection.inspectSpace(Box.float32(-1f, 1f, 2, 3), "observation"));
        Map<String, Space<?>> parts = new LinkedHashMap<>();
        parts.put("a", new Discrete(2));
        parts.put("b", new TupleSpace(Box.float64(0, 1, 1), new Discrete(4)));
        assertEquals(List.of(), EnvInspection.inspectSpace(new DictSpace(parts), "observation"));
    }

    @Test
    void problemsInsideCompositeSpacesAreFound() {
        List<Finding> f = EnvInspection.inspectSpace(new TupleSpace(new Discrete(2), Box.float32(3f, 3f, 2)), "observation");
        assertEquals(1, f.size());
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertTrue(f.get(0).message().contains("degenerate"), f.get(0).message());
        assertEquals(Severity.ERROR, EnvInspection.inspectSpace(null, "action").get(0).severity());
    }

    @Test
    void spaceLimitsAreWarnings() {
        List<Finding> f = EnvInspection.inspectSpaceLimits(Box.float32(-2f, Float.POSITIVE_INFINITY, 2), "action");
        assertEquals(2, f.size(), f::toString);
        assertTrue(f.stream().allMatch(x -> x.severity() == Severity.WARNING));
        assertEquals(List.of(), EnvInspection.inspectSpaceLimits(Box.float32(-1f, 1f, 2), "action"));
        assertEquals(List.of(), EnvInspection.inspectSpaceLimits(Box.float32(0f, 1f, 2), "action"));
    }

    @Test
    void renderSetupAndResults() {
        assertEquals(List.of(), EnvInspection.inspectRenderSetup(Map.of("render_modes", List.of("rgb_array"), "render_fps", 30), "rgb_array"));
        assertEquals(Severity.ERROR, EnvInspection.inspectRenderSetup(Map.of("render_modes", List.of("rgb_array"), "render_fps", 30), "ansi")
                .get(0).severity());
        assertEquals(Severity.ERROR, EnvInspection.inspectRenderSetup(Map.of("render_modes", List.of(), "render_fps", 30), "rgb_array")
                .get(0).severity());
        assertEquals(Severity.WARNING, EnvInspection.inspectRenderSetup(Map.of("render_modes", List.of("rgb_array")), null)
                .get(0).severity());
        assertEquals(Severity.ERROR, EnvInspection.inspectRenderResult("rgb_array", Optional.empty()).get(0).severity());
        assertEquals(List.of(), EnvInspection.inspectRenderResult("rgb_array", Optional.of(new Frame(1, 1, new byte[3]))));
    }

    @Test
    void observationsAndRewards() {
        Box<float[]> box = Box.float32(-1f, 1f, 2);
        assertEquals(List.of(), EnvInspection.inspectObservation(new float[] {0f, 1f}, box, "reset"));
        assertTrue(EnvInspection.inspectObservation(new double[] {0, 1}, box, "reset").get(0).message()
                .startsWith("The obs returned by the `reset()` method is not within the observation space"));
        assertEquals(Severity.ERROR, EnvInspection.inspectObservation(new float[] {Float.NaN, 0f}, box, "step").get(0).severity());
        assertEquals(Severity.ERROR, EnvInspection.inspectObservation(null, box, "step").get(0).severity());
        assertEquals(List.of(), EnvInspection.inspectReward(-3.5));
        assertEquals(Severity.ERROR, EnvInspection.inspectReward(Double.NEGATIVE_INFINITY).get(0).severity());
    }
}
