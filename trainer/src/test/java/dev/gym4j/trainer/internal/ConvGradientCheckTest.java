package dev.gym4j.trainer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.random.Generator;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.trainer.TrainerException;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * {@link Conv2d} against a naive convolution written from the definition, and its three gradients (weights, bias,
 * input) and a whole {@link ConvTorso} + {@link Mlp} network against central finite differences, as
 * {@link GradientCheckTest} does for the dense layers.
 */
class ConvGradientCheckTest {

    private static final int H = 7, W = 9, C = 2, K = 3, S = 2, F = 4, ROWS = 2;

    private static float[] normal(Generator g, int n, double scale) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (scale * g.standardNormal());
        }
        return a;
    }

    @Test
    void forwardIsTheDefinitionInNhwcWithValidPadding() {
        Generator g = Generator.fromSeed(1);
        float[] x = normal(g, ROWS * H * W * C, 1);
        float[] p = normal(g, K * K * C * F + F, 1);
        int oh = Conv2d.outSize(H, K, S), ow = Conv2d.outSize(W, K, S);
        assertEquals(3, oh);
        assertEquals(4, ow);
        float[] y = new float[ROWS * oh * ow * F];
        Conv2d.forward(x, 0, ROWS, H, W, C, p, 0, K * K * C * F, K, S, F, y, 0);
        for (int r = 0; r < ROWS; r++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    for (int f = 0; f < F; f++) {
                        double sum = p[K * K * C * F + f];
                        for (int ky = 0; ky < K; ky++) {
                            for (int kx = 0; kx < K; kx++) {
                                for (int c = 0; c < C; c++) {
                                    sum += x[((r * H + oy * S + ky) * W + ox * S + kx) * C + c] * p[((ky * K + kx) * C + c) * F + f];
                                }
                            }
                        }
                        assertEquals(sum, y[((r * oh + oy) * ow + ox) * F + f], 1e-5, "output " + r + "," + oy + "," + ox + "," + f);
                    }
                }
            }
        }
    }

    @Test
    void weightBiasAndInputGradientsMatchFiniteDifferences() {
        Generator g = Generator.fromSeed(2);
        float[] x = normal(g, ROWS * H * W * C, 1);
        int wCount = K * K * C * F;
        float[] p = normal(g, wCount + F, 0.5);
        int oh = Conv2d.outSize(H, K, S), ow = Conv2d.outSize(W, K, S);
        float[] dy = normal(g, ROWS * oh * ow * F, 1);
        float[] grad = new float[p.length];
        Conv2d.backwardParams(x, 0, ROWS, H, W, C, dy, 0, K, S, F, grad, 0, wCount);
        float[] dx = new float[x.length];
        float[] wt = new float[wCount];
        Conv2d.transposeWeights(p, 0, K, C, F, wt, 0);
        Conv2d.backwardInput(dy, 0, ROWS, H, W, C, wt, 0, K, S, F, dx, 0);
        float[] y = new float[dy.length];
        DoubleSupplier loss = () -> {
            Conv2d.forward(x, 0, ROWS, H, W, C, p, 0, wCount, K, S, F, y, 0);
            double s = 0;
            for (int i = 0; i < y.length; i++) {
                s += (double) dy[i] * y[i];
            }
            return s;
        };
        for (int i = 0; i < p.length; i++) {
            assertEquals(fd(p, i, 1e-2, loss), grad[i], 2e-3 + 2e-3 * Math.abs(grad[i]), "parameter " + i);
        }
        for (int i = 0; i < x.length; i++) {
            assertEquals(fd(x, i, 1e-2, loss), dx[i], 2e-3 + 2e-3 * Math.abs(dx[i]), "input " + i);
        }
    }

    @Test
    void reluAndItsGradient() {
        float[] a = {-1f, 0f, 2f, Float.NaN};
        Conv2d.reluInPlace(a, 0, 4);
        assertArrayEquals(new float[] {0f, 0f, 2f, 0f}, a);
        float[] d = {5f, 6f, 7f, 8f};
        Conv2d.reluBackward(a, 0, d, 0, 4);
        assertArrayEquals(new float[] {0f, 0f, 7f, 0f}, d);
    }

    /** A two-layer torso, then tanh dense layers: every parameter's gradient against finite differences. */
    @Test
    void torsoAndMlpMatchFiniteDifferences() {
        ConvSpec spec = new ConvSpec(10, 12, 2, new int[][] {{3, 4, 2}, {4, 2, 1}});
        assertEquals(3 * 4 * 4, spec.outputSize()); // 10x12 -> 4x5 -> 3x4
        Mlp mlp = new Mlp(spec, new int[] {spec.outputSize(), 6, 3}, 5);
        float[] p = new float[5 + mlp.paramCount()];
        Generator g = Generator.fromSeed(4);
        mlp.initialize(p, new Orthogonal(g), Math.sqrt(2), 1.0);
        for (int i = 5; i < p.length; i++) {
            p[i] += (float) (0.05 * g.standardNormal());
        }
        int rows = 3;
        float[] x = new float[rows * spec.inputSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) g.integers(256); // pixels
        }
        float[] w = normal(g, rows * 3, 1);
        mlp.syncTranspose(p);
        Mlp.Workspace ws = mlp.workspace(rows);
        mlp.forward(p, x, 0, rows, ws);
        float[] grad = new float[p.length];
        mlp.backward(w.clone(), grad, ws);
        Mlp.Workspace probe = mlp.workspace(rows);
        DoubleSupplier loss = () -> {
            mlp.forward(p, x, 0, rows, probe);
            double s = 0;
            for (int i = 0; i < w.length; i++) {
                s += (double) w[i] * probe.output()[i];
            }
            return s;
        };
        int checked = 0;
        for (int i = 0; i < p.length; i++) {
            double numeric = fd(p, i, 1e-3, loss);
            assertEquals(numeric, grad[i], 2e-3 + 3e-3 * Math.abs(numeric), "parameter " + i);
            checked += grad[i] != 0 ? 1 : 0;
        }
        assertEquals(0f, grad[0]); // before the network's slice
        assertTrue(checked > mlp.paramCount() * 3 / 4, "most gradients are non-zero: " + checked);
    }

    @Test
    void autoTorsoFitsTheImageAndOnlyImages() {
        ConvSpec tracker = ConvSpec.forObservation(Box.uint8(0, 255, 120, 160, 3), "auto");
        assertEquals("ConvSpec[120x160x3, 16:8:4, 32:4:2, 32:3:1 -> 5632]", tracker.toString());
        ConvSpec small = ConvSpec.forObservation(Box.uint8(0, 255, 24, 32, 1), "auto");
        assertEquals("ConvSpec[24x32x1, 16:8:4, 32:4:2 -> 64]", small.toString()); // 5x7 -> 1x2: the 3x3 layer does not fit
        assertNull(ConvSpec.forObservation(Box.float32(new float[] {-1f, -1f}, new float[] {1f, 1f}), "auto"));
        assertNull(ConvSpec.forObservation(Box.uint8(0, 255, 24, 32, 1), "none"));
        assertEquals(new ConvSpec(24, 32, 1, new int[][] {{8, 3, 1}}), ConvSpec.forObservation(Box.uint8(0, 255, 24, 32, 1), "8:3:1"));
        assertEquals(small, ConvSpec.fromJson(small.toJson()));
        assertTrue(assertThrows(TrainerException.class, () -> ConvSpec.forObservation(Box.uint8(0, 255, 24, 32, 1), "8x3"))
                .getMessage().contains("FILTERS:KERNEL:STRIDE"));
        assertTrue(assertThrows(TrainerException.class, () -> ConvSpec.forObservation(Box.uint8(0, 255, 24, 32, 1),
                "8:30:1")).getMessage().contains("30x30 kernel but its input is 24x32"));
        assertTrue(assertThrows(TrainerException.class, () -> ConvSpec.forObservation(
                Box.float32(new float[] {-1f}, new float[] {1f}), "8:3:1")).getMessage().contains("needs image observations"));
    }

    private static double fd(float[] a, int i, double h, DoubleSupplier f) {
        float saved = a[i];
        a[i] = (float) (saved + h);
        double up = f.getAsDouble();
        a[i] = (float) (saved - h);
        double down = f.getAsDouble();
        a[i] = saved;
        return (up - down) / (2 * h);
    }
}
