package dev.gym4j.trainer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.random.Generator;
import dev.gym4j.simd.Simd;
import dev.gym4j.simd.VectorConv;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The Vector API convolution kernels give the same bits as {@link Conv2d}'s scalar loops, over shapes that
 * exercise full vectors, the four-pixel and four-row blocks, their tails and output-channel counts that are not a
 * multiple of the vector length (the tracker's layers among them). This module's tests run with
 * {@code --add-modules jdk.incubator.vector} (see the POM).
 */
class ConvVectorTest {

    /** rows, h, w, c, k, s, f */
    private static final int[][] SHAPES = {
        {3, 48, 64, 1, 8, 4, 16}, {2, 11, 15, 16, 4, 2, 32}, {2, 4, 6, 32, 3, 1, 32}, {1, 5, 5, 1, 1, 1, 1},
        {2, 9, 13, 3, 3, 2, 5}, {1, 12, 12, 2, 5, 3, 20}, {3, 7, 9, 4, 2, 1, 48}, {2, 10, 7, 5, 3, 1, 17},
        {1, 6, 23, 1, 6, 1, 16}, {4, 3, 3, 7, 3, 3, 33},
    };

    @Test
    void vectorKernelsAreAvailableInTheseTests() {
        assertTrue(Simd.available(), "the trainer's tests run with --add-modules jdk.incubator.vector");
    }

    @Test
    void forwardMatchesScalarBits() {
        Generator g = Generator.fromSeed(21);
        for (int[] sh : SHAPES) {
            int rows = sh[0], h = sh[1], w = sh[2], c = sh[3], k = sh[4], s = sh[5], f = sh[6];
            int out = rows * Conv2d.outSize(h, k, s) * Conv2d.outSize(w, k, s) * f;
            float[] x = random(g, 3 + rows * h * w * c);
            float[] p = random(g, 5 + k * k * c * f + f);
            float[] a = random(g, 2 + out + 3);
            float[] b = a.clone();
            Conv2d.forwardScalar(x, 3, rows, h, w, c, p, 5, 5 + k * k * c * f, k, s, f, a, 2);
            VectorConv.forward(x, 3, rows, h, w, c, p, 5, 5 + k * k * c * f, k, s, f, b, 2);
            assertArrayEquals(a, b, () -> "forward " + Arrays.toString(sh));
        }
    }

    @Test
    void backwardMatchesScalarBits() {
        Generator g = Generator.fromSeed(22);
        for (int[] sh : SHAPES) {
            int rows = sh[0], h = sh[1], w = sh[2], c = sh[3], k = sh[4], s = sh[5], f = sh[6];
            int out = rows * Conv2d.outSize(h, k, s) * Conv2d.outSize(w, k, s) * f;
            int weights = k * k * c * f;
            float[] x = random(g, 1 + rows * h * w * c);
            float[] dy = random(g, 4 + out);
            float[] ga = random(g, 2 + weights + f + 1);
            float[] gb = ga.clone();
            Conv2d.backwardParamsScalar(x, 1, rows, h, w, c, dy, 4, k, s, f, ga, 2, 2 + weights);
            VectorConv.backwardParams(x, 1, rows, h, w, c, dy, 4, k, s, f, gb, 2, 2 + weights);
            assertArrayEquals(ga, gb, () -> "backwardParams " + Arrays.toString(sh));
            float[] p = random(g, weights);
            float[] wt = new float[3 + weights];
            Conv2d.transposeWeights(p, 0, k, c, f, wt, 3);
            float[] da = random(g, 1 + rows * h * w * c + 2);
            float[] db = da.clone();
            Conv2d.backwardInputScalar(dy, 4, rows, h, w, c, wt, 3, k, s, f, da, 1);
            VectorConv.backwardInput(dy, 4, rows, h, w, c, wt, 3, k, s, f, db, 1);
            assertArrayEquals(da, db, () -> "backwardInput " + Arrays.toString(sh));
        }
    }

    private static float[] random(Generator g, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) g.standardNormal();
        }
        return a;
    }
}
