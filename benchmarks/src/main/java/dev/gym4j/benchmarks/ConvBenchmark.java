package dev.gym4j.benchmarks;

import dev.gym4j.simd.VectorConv;
import dev.gym4j.trainer.internal.Conv2d;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The trainer's convolution kernels ({@code Conv2d}, NHWC) on one PPO minibatch of the auto CNN's layers for the
 * tracker's {@code observation=gray, image_size=[64,48]} images: {@code c1} is 48x64x1 -> 16 filters 8x8 stride 4,
 * {@code c2} 11x15x16 -> 32 filters 4x4 stride 2, {@code c3} 4x6x32 -> 32 filters 3x3 stride 1. Forward, the
 * parameter gradient and the input gradient, against the plain loops a first implementation would write (NCHW,
 * weights {@code [out][in][ky][kx]}, one dot product per output value). Score = calls per second; multiply by
 * {@code 2 * rows * oh * ow * f * k * k * c} for flop/s. {@code -prof gc} shows the kernels allocate nothing.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ConvBenchmark -prof gc}.
 *
 * <p>Compared against: the {@code naive*} methods in the same run (same arithmetic, other layout and loop order),
 * and the {@code vector*} methods: the same kernels on the Vector API ({@code VectorConv}, what {@code Conv2d}
 * runs when the JVM has {@code jdk.incubator.vector}; the fork turns that off with {@code -Dgym4j.simd=false} so
 * that the plain methods measure the scalar loops).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Dgym4j.simd=false"})
public class ConvBenchmark {

    @Param({"c1", "c2", "c3"})
    public String layer;

    @Param({"128"})
    public int rows;

    private int h;
    private int w;
    private int c;
    private int k;
    private int s;
    private int f;
    private int oh;
    private int ow;
    private float[] x;
    private float[] p;
    private float[] y;
    private float[] g;
    private float[] dx;
    private float[] wt;

    /** Fills the arrays. */
    @Setup
    public void setUp() {
        int[] shape = switch (layer) {
            case "c1" -> new int[] {48, 64, 1, 8, 4, 16};
            case "c2" -> new int[] {11, 15, 16, 4, 2, 32};
            case "c3" -> new int[] {4, 6, 32, 3, 1, 32};
            default -> throw new IllegalArgumentException(layer);
        };
        h = shape[0];
        w = shape[1];
        c = shape[2];
        k = shape[3];
        s = shape[4];
        f = shape[5];
        oh = Conv2d.outSize(h, k, s);
        ow = Conv2d.outSize(w, k, s);
        x = new float[rows * h * w * c];
        p = new float[k * k * c * f + f];
        y = new float[rows * oh * ow * f];
        g = new float[p.length];
        dx = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 13) * 0.01f - 0.06f;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = (i % 7) * 0.02f - 0.07f;
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (i % 11) * 0.01f - 0.05f;
        }
        wt = new float[k * k * c * f];
        Conv2d.transposeWeights(p, 0, k, c, f, wt, 0);
    }

    /** Forward pass of the minibatch. */
    @Benchmark
    public float[] forward() {
        Conv2d.forward(x, 0, rows, h, w, c, p, 0, k * k * c * f, k, s, f, y, 0);
        return y;
    }

    /** Weight and bias gradients of the minibatch. */
    @Benchmark
    public float[] backwardParams() {
        Conv2d.backwardParams(x, 0, rows, h, w, c, y, 0, k, s, f, g, 0, k * k * c * f);
        return g;
    }

    /** Input gradient of the minibatch. */
    @Benchmark
    public float[] backwardInput() {
        Conv2d.backwardInput(y, 0, rows, h, w, c, wt, 0, k, s, f, dx, 0);
        return dx;
    }

    /** {@link #forward} on the Vector API. */
    @Benchmark
    public float[] vectorForward() {
        VectorConv.forward(x, 0, rows, h, w, c, p, 0, k * k * c * f, k, s, f, y, 0);
        return y;
    }

    /** {@link #backwardParams} on the Vector API. */
    @Benchmark
    public float[] vectorBackwardParams() {
        VectorConv.backwardParams(x, 0, rows, h, w, c, y, 0, k, s, f, g, 0, k * k * c * f);
        return g;
    }

    /** {@link #backwardInput} on the Vector API. */
    @Benchmark
    public float[] vectorBackwardInput() {
        VectorConv.backwardInput(y, 0, rows, h, w, c, wt, 0, k, s, f, dx, 0);
        return dx;
    }

    /** The plain NCHW forward: one dot product over (c, ky, kx) per output value. */
    @Benchmark
    public float[] naiveForward() {
        int b = k * k * c * f;
        for (int r = 0; r < rows; r++) {
            for (int fo = 0; fo < f; fo++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        float sum = p[b + fo];
                        for (int ci = 0; ci < c; ci++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    sum += x[((r * c + ci) * h + oy * s + ky) * w + ox * s + kx] * p[((fo * c + ci) * k + ky) * k + kx];
                                }
                            }
                        }
                        y[((r * f + fo) * oh + oy) * ow + ox] = sum;
                    }
                }
            }
        }
        return y;
    }

    /** The plain NCHW weight gradient: one dot product over (rows, oy, ox) per weight. */
    @Benchmark
    public float[] naiveBackwardParams() {
        for (int fo = 0; fo < f; fo++) {
            for (int ci = 0; ci < c; ci++) {
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        float sum = 0;
                        for (int r = 0; r < rows; r++) {
                            for (int oy = 0; oy < oh; oy++) {
                                for (int ox = 0; ox < ow; ox++) {
                                    sum += x[((r * c + ci) * h + oy * s + ky) * w + ox * s + kx] * y[((r * f + fo) * oh + oy) * ow + ox];
                                }
                            }
                        }
                        g[((fo * c + ci) * k + ky) * k + kx] += sum;
                    }
                }
            }
        }
        return g;
    }

    /** The plain NCHW input gradient: scatter each output gradient over its patch. */
    @Benchmark
    public float[] naiveBackwardInput() {
        java.util.Arrays.fill(dx, 0f);
        for (int r = 0; r < rows; r++) {
            for (int fo = 0; fo < f; fo++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        float d = y[((r * f + fo) * oh + oy) * ow + ox];
                        for (int ci = 0; ci < c; ci++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    dx[((r * c + ci) * h + oy * s + ky) * w + ox * s + kx] += d * p[((fo * c + ci) * k + ky) * k + kx];
                                }
                            }
                        }
                    }
                }
            }
        }
        return dx;
    }
}
