package dev.gym4j.api.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.spaces.Spaces;
import dev.gym4j.testkit.fixtures.ScriptedEnv;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlattenObservationTest {

    @Test
    void flattensABoxIntoOneDimension() {
        double[] low = {-1, -2, -3, -4, -5, -6};
        double[] high = {1, 2, 3, 4, 5, 6};
        Box<float[]> space = BoxSupport.box(DType.FLOAT32, low, high, new int[] {2, 3});
        float[] first = {0.5f, -1f, 2f, 3f, -4f, 5.5f};
        float[] second = {0f, 1f, 2f, 3f, 4f, 5f};
        FlattenObservation<float[], Integer> env = new FlattenObservation<>(
                new ScriptedEnv<>(space, new Discrete(2), first, List.of(ScriptedEnv.Step.of(second, 1.0))));
        Box<?> flat = (Box<?>) (Space<?>) env.observationSpace();
        assertArrayEquals(new int[] {6}, flat.shape());
        assertEquals(DType.FLOAT32, flat.dtype());
        assertArrayEquals(low, flat.low());
        Object obs = env.reset(0).observation();
        assertArrayEquals(first, (float[]) obs);
        assertTrue(env.observationSpace().contains(obs));
        assertArrayEquals(second, (float[]) env.step(1).observation());
    }

    @Test
    void flattensADiscreteObservationAsSpacesFlattenDoes() {
        Discrete space = new Discrete(4, 1);
        FlattenObservation<Integer, Integer> env = new FlattenObservation<>(
                new ScriptedEnv<>(space, new Discrete(2), 3, List.of(ScriptedEnv.Step.of(1, 0.0))));
        Object obs = env.reset(0).observation();
        assertTrue(Spaces.flattenSpace(space).valuesEqual(Spaces.flatten(space, 3), obs));
        assertTrue(env.observationSpace().contains(obs));
        assertEquals(3, Spaces.unflatten(space, obs));
        assertEquals(1, Spaces.unflatten(space, env.step(0).observation()));
    }
}
