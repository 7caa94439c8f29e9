package dev.gym4j.benchmarks;

import dev.gym4j.simd.VectorDense;
import dev.gym4j.trainer.internal.Dense;
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
 * The trainer's dense kernels on one PPO minibatch of the 64x64 hidden layer (the layer that dominates the
 * update): forward, the parameter gradient and the input gradient, and tanh; against the plain loops a first
 * implementation would write (weights {@code [out][in]}, one dot product per output). Score = calls per
 * second; multiply by {@code 2 * rows * in * out} for flop/s. {@code -prof gc} shows the kernels allocate nothing.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DenseBenchmark -prof gc}.
 *
 * <p>Compared against: the {@code naive*} methods in the same run (same arithmetic, other loop order), and the
 * {@code vector*} methods: the same kernels on the Vector API ({@code VectorDense}, what {@code Dense} runs when
 * the JVM has {@code jdk.incubator.vector}). The fork turns {@code Dense}'s own dispatch off
 * ({@code -Dgym4j.simd=false}) so that its methods measure the scalar loops. Measured here (2 shared cores,
 * rows 128): forward about 3 G multiply-adds/s scalar against 15-50 G vector; the gradients alike.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Dgym4j.simd=false"})
public class DenseBenchmark {

    @Param({"128"})
    public int rows;

    @Param({"64"})
    public int size;

    private float[] x;
    private float[] p;
    private float[] y;
    private float[] g;
    private float[] wt;
    private float[] dx;

    /** Fills the arrays. */
    @Setup
    public void setUp() {
        int in = size;
        int out = size;
        x = new float[rows * in];
        p = new float[in * out + out];
        y = new float[rows * out];
        g = new float[in * out + out];
        wt = new float[in * out];
        dx = new float[rows * in];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 13) * 0.01f - 0.06f;
        }
        for (int i = 0; i < p.length; i++) {
            p[i] = (i % 7) * 0.02f - 0.06f;
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (i % 5) * 0.1f - 0.2f;
        }
        Dense.transpose(p, 0, in, out, wt, 0);
    }

    /** y = b + x W. */
    @Benchmark
    public float[] forward() {
        Dense.forward(x, 0, rows, size, p, 0, size * size, size, y, 0);
        return y;
    }

    /** dW += x^T dy, db += sum dy. */
    @Benchmark
    public float[] backwardParams() {
        Dense.backwardParams(x, 0, rows, size, y, 0, size, g, 0, size * size);
        return g;
    }

    /** dx = dy W^T. */
    @Benchmark
    public float[] backwardInput() {
        Dense.backwardInput(y, 0, rows, size, wt, 0, size, dx, 0);
        return dx;
    }

    /** tanh of a minibatch of activations. */
    @Benchmark
    public float[] tanh() {
        System.arraycopy(x, 0, dx, 0, x.length);
        Dense.tanhInPlace(dx, 0, dx.length);
        return dx;
    }

    /** y = b + x W on the Vector API. */
    @Benchmark
    public float[] vectorForward() {
        VectorDense.forward(x, 0, rows, size, p, 0, size * size, size, y, 0);
        return y;
    }

    /** dW += x^T dy, db += sum dy on the Vector API. */
    @Benchmark
    public float[] vectorBackwardParams() {
        VectorDense.backwardParams(x, 0, rows, size, y, 0, size, g, 0, size * size);
        return g;
    }

    /** dx = dy W^T on the Vector API. */
    @Benchmark
    public float[] vectorBackwardInput() {
        VectorDense.backwardInput(y, 0, rows, size, wt, 0, size, dx, 0);
        return dx;
    }

    /** The plain forward: one dot product per output, weights read as {@code [out][in]}. */
    @Benchmark
    public float[] naiveForward() {
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < size; o++) {
                float s = p[size * size + o];
                for (int i = 0; i < size; i++) {
                    s += x[r * size + i] * wt[o * size + i];
                }
                y[r * size + o] = s;
            }
        }
        return y;
    }

    /** The plain parameter gradient: one dot product over the rows per weight. */
    @Benchmark
    public float[] naiveBackwardParams() {
        for (int i = 0; i < size; i++) {
            for (int o = 0; o < size; o++) {
                float s = 0;
                for (int r = 0; r < rows; r++) {
                    s += x[r * size + i] * y[r * size + o];
                }
                g[i * size + o] += s;
            }
        }
        return g;
    }

    /** {@code Math.tanh}, what a plain implementation calls. */
    @Benchmark
    public float[] naiveTanh() {
        for (int i = 0; i < x.length; i++) {
            dx[i] = (float) Math.tanh(x[i]);
        }
        return dx;
    }
}
