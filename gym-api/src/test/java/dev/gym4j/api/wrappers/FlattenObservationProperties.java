package dev.gym4j.api.wrappers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.spaces.Spaces;
import dev.gym4j.testkit.fixtures.ScriptedEnv;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class FlattenObservationProperties {

    private static final Box<double[]> SPACE = BoxSupport.box(DType.FLOAT64,
            new double[] {-1, -1, -1, -1, -1, -1, -1, -1}, new double[] {1, 1, 1, 1, 1, 1, 1, 1}, new int[] {2, 2, 2});

    @Property(tries = 100)
    void flattenedObservationsAreInTheFlatSpaceAndUnflattenBack(@ForAll long seed) {
        SPACE.seed(Math.abs(seed % 1_000_000));
        double[] reset = SPACE.sample();
        double[] step = SPACE.sample();
        FlattenObservation<double[], Integer> env = new FlattenObservation<>(
                new ScriptedEnv<>(SPACE, new Discrete(2), reset, List.of(ScriptedEnv.Step.of(step, 0.0))));
        Space<Object> flat = env.observationSpace();
        Object a = env.reset(0).observation();
        Object b = env.step(0).observation();
        assertTrue(flat.contains(a) && flat.contains(b));
        assertTrue(SPACE.valuesEqual(reset, Spaces.unflatten(SPACE, a)));
        assertTrue(SPACE.valuesEqual(step, Spaces.unflatten(SPACE, b)));
    }
}
