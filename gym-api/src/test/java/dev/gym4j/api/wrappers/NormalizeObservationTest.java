package dev.gym4j.api.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.testenvs.JsonFixtures;
import dev.gym4j.testkit.fixtures.RandomWalkEnv;
import dev.gym4j.testkit.fixtures.ScriptedEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalizeObservationTest {

    static <O> ScriptedEnv<O, Integer> scripted(Box<O> space, List<O> observations) {
        List<ScriptedEnv.Step<O>> steps = new ArrayList<>();
        for (O o : observations.subList(1, observations.size())) {
            steps.add(ScriptedEnv.Step.of(o, 0.0));
        }
        return new ScriptedEnv<>(space, new Discrete(2), observations.get(0), steps);
    }

    @Test
    @SuppressWarnings("unchecked")
    void matchesGymnasiumBitForBitOnFloat32() {
        Map<String, Object> k = (Map<String, Object>) RescaleActionTest.golden().get("normalize_observation");
        List<float[]> observations = new ArrayList<>();
        for (Object o : (List<Object>) k.get("observations")) {
            observations.add(JsonFixtures.floats(o));
        }
        List<Object> outputs = (List<Object>) k.get("outputs");
        int freezeFrom = ((Number) k.get("freeze_from")).intValue();
        NormalizeObservation<float[], Integer> env =
                new NormalizeObservation<>(scripted(Box.float32(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 3), observations));
        assertArrayEquals(JsonFixtures.floats(outputs.get(0)), env.reset(0).observation(), 0f, "reset");
        for (int i = 1; i < observations.size(); i++) {
            if (i == freezeFrom) {
                env.setUpdateRunningMean(false);
            }
            assertArrayEquals(JsonFixtures.floats(outputs.get(i)), env.step(0).observation(), 0f, "step " + i);
        }
        assertArrayEquals(JsonFixtures.doubles(k.get("mean")), env.mean(), 0.0);
        assertArrayEquals(JsonFixtures.doubles(k.get("var")), env.var(), 0.0);
        assertEquals(((Number) k.get("count")).doubleValue(), env.count(), 0.0);
        assertFalse(env.updateRunningMean());
    }

    @Test
    void float64ObservationsStayFloat64() {
        Box<double[]> space = Box.float64(-10, 10, 2);
        NormalizeObservation<double[], Integer> env = new NormalizeObservation<>(
                scripted(space, List.of(new double[] {1, 2}, new double[] {3, -4})), 1e-8);
        double[] first = env.reset(0).observation();
        // after one observation: mean = x * 1/(1 + 1e-4), var = 1e-4 / (1 + 1e-4) + x^2 * 1e-4 / (1 + 1e-4)^2
        double c = 1 + 1e-4;
        double mean0 = 1 / c;
        double var0 = (1e-4 + 1 * 1 * 1e-4 / c) / c;
        assertEquals((1 - mean0) / Math.sqrt(var0 + 1e-8), first[0], 1e-12);
        Box<?> out = (Box<?>) env.observationSpace();
        assertEquals(DType.FLOAT64, out.dtype());
        assertEquals(Double.NEGATIVE_INFINITY, out.low()[0]);
        assertEquals(Double.POSITIVE_INFINITY, out.high()[1]);
        assertEquals(2, env.step(0).observation().length);
    }

    @Test
    void rejectsNonFloatBoxes() {
        assertThrows(InvalidArgumentException.class,
                () -> new NormalizeObservation<>(new ScriptedEnv<>(new Discrete(3), new Discrete(2), 0, List.of())));
        Box<int[]> ints = BoxSupport.box(DType.INT32, new double[] {0}, new double[] {10}, new int[] {1});
        assertThrows(InvalidArgumentException.class, () -> new NormalizeObservation<>(
                new ScriptedEnv<>(ints, new Discrete(2), new int[] {0}, List.of())));
        assertThrows(InvalidArgumentException.class, () -> new NormalizeObservation<>(new RandomWalkEnv(), -1));
    }
}
