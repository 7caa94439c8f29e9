package dev.gym4j.trainer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.random.Generator;
import dev.gym4j.simd.Simd;
import dev.gym4j.simd.VectorDense;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels give the same bits as the scalar loops (so that a run's result does not depend on
 * whether the JVM has {@code jdk.incubator.vector}), over shapes that exercise full vectors, row blocks and both
 * tails. This module's tests run with {@code --add-modules jdk.incubator.vector} (see the POM).
 */
class DenseVectorTest {

    private static final int[][] SHAPES = {
        {1, 1, 1}, {3, 4, 64}, {4, 64, 64}, {5, 64, 2}, {7, 11, 64}, {9, 64, 1}, {128, 64, 64}, {6, 17, 33},
        {8, 3, 70}, {2, 70, 5}, {13, 48, 16},
    };

    @Test
    void vectorKernelsAreAvailableInTheseTests() {
        assertTrue(Simd.available(), "the trainer's tests run with --add-modules jdk.incubator.vector");
    }

    @Test
    void forwardMatchesScalarBits() {
        Generator g = Generator.fromSeed(11);
        for (int[] s : SHAPES) {
            int rows = s[0];
            int in = s[1];
            int out = s[2];
            float[] x = random(g, 3 + rows * in);
            float[] p = random(g, 5 + in * out + out);
            float[] a = new float[2 + rows * out];
            float[] b = new float[2 + rows * out];
            Dense.forwardScalar(x, 3, rows, in, p, 5, 5 + in * out, out, a, 2);
            VectorDense.forward(x, 3, rows, in, p, 5, 5 + in * out, out, b, 2);
            assertArrayEquals(a, b, () -> "forward " + java.util.Arrays.toString(s));
        }
    }

    @Test
    void backwardMatchesScalarBits() {
        Generator g = Generator.fromSeed(12);
        for (int[] s : SHAPES) {
            int rows = s[0];
            int in = s[1];
            int out = s[2];
            float[] x = random(g, 1 + rows * in);
            float[] dy = random(g, 4 + rows * out);
            float[] ga = random(g, 2 + in * out + out);
            float[] gb = ga.clone();
            Dense.backwardParamsScalar(x, 1, rows, in, dy, 4, out, ga, 2, 2 + in * out);
            VectorDense.backwardParams(x, 1, rows, in, dy, 4, out, gb, 2, 2 + in * out);
            assertArrayEquals(ga, gb, () -> "backwardParams " + java.util.Arrays.toString(s));
            float[] wt = random(g, 3 + in * out);
            float[] da = random(g, 1 + rows * in);
            float[] db = da.clone();
            Dense.backwardInputScalar(dy, 4, rows, out, wt, 3, in, da, 1);
            VectorDense.backwardInput(dy, 4, rows, out, wt, 3, in, db, 1);
            assertArrayEquals(da, db, () -> "backwardInput " + java.util.Arrays.toString(s));
        }
    }

    @Test
    void tanhMatchesScalarBits() {
        Generator g = Generator.fromSeed(13);
        float[] v = random(g, 1000);
        for (int i = 0; i < v.length; i++) {
            v[i] *= 1 + i % 9; // up to |x| ~ 30, past the clamp
        }
        v[0] = Float.NaN;
        v[1] = -0f;
        v[2] = Float.POSITIVE_INFINITY;
        v[3] = Float.NEGATIVE_INFINITY;
        v[4] = Float.MIN_VALUE;
        float[] a = v.clone();
        float[] b = v.clone();
        Dense.tanhInPlaceScalar(a, 0, 997);
        Dense.tanhInPlace(b, 0, 997);
        assertArrayEquals(a, b);
        float[] h = random(g, 300);
        float[] da = random(g, 300);
        float[] db = da.clone();
        Dense.tanhBackwardScalar(h, 0, da, 0, 300);
        VectorDense.tanhBackward(h, 0, db, 0, 300);
        assertArrayEquals(da, db);
    }

    private static float[] random(Generator g, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) g.standardNormal();
        }
        return a;
    }
}
