package dev.gym4j.api.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.spaces.Box;
import dev.gym4j.testkit.fixtures.ScriptedEnv;
import java.util.Collections;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class RescaleActionProperties {

    private static ScriptedEnv<float[], double[]> env(double low, double high) {
        return new ScriptedEnv<>(Box.float32(-1f, 1f, 1), Box.float64(low, high, 1), new float[] {0f},
                Collections.nCopies(3, ScriptedEnv.Step.of(new float[] {0f}, 0.0)));
    }

    private static double tolerance(double... values) {
        double scale = 1;
        for (double v : values) {
            scale = Math.max(scale, Math.abs(v));
        }
        return 1e-9 * scale;
    }

    @Property(tries = 300)
    void mapsMinToLowMaxToHighAndMidpointToMidpoint(
            @ForAll @DoubleRange(min = -1e3, max = 1e3) double low, @ForAll @DoubleRange(min = 0.01, max = 1e3) double width,
            @ForAll @DoubleRange(min = -1e3, max = 1e3) double min, @ForAll @DoubleRange(min = 0.01, max = 1e3) double newWidth) {
        double high = low + width;
        double max = min + newWidth;
        Assume.that(high > low && max > min);
        ScriptedEnv<float[], double[]> inner = env(low, high);
        RescaleAction<float[], double[]> wrapper = new RescaleAction<>(inner, min, max);
        wrapper.reset(0);
        wrapper.step(new double[] {min});
        wrapper.step(new double[] {max});
        wrapper.step(new double[] {(min + max) / 2});
        double tol = tolerance(low, high, min, max);
        assertEquals(low, inner.actions().get(0)[0], tol);
        assertEquals(high, inner.actions().get(1)[0], tol);
        assertEquals((low + high) / 2, inner.actions().get(2)[0], tol);
    }

    @Property(tries = 200)
    void keepsTheOrderOfActions(@ForAll @DoubleRange(min = -1, max = 1) double a, @ForAll @DoubleRange(min = -1, max = 1) double b) {
        ScriptedEnv<float[], double[]> inner = env(-7, 3);
        RescaleAction<float[], double[]> wrapper = new RescaleAction<>(inner, -1, 1);
        wrapper.reset(0);
        wrapper.step(new double[] {a});
        wrapper.step(new double[] {b});
        double ra = inner.actions().get(0)[0];
        double rb = inner.actions().get(1)[0];
        assertTrue(a <= b ? ra <= rb : ra >= rb);
        assertTrue(ra >= -7 - 1e-12 && ra <= 3 + 1e-12);
    }
}
