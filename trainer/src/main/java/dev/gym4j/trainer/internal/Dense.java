package dev.gym4j.trainer.internal;

import dev.gym4j.simd.Simd;
import dev.gym4j.simd.VectorDense;

/**
 * The dense kernels of the networks: a fully connected layer's forward and backward pass over a batch of rows,
 * and tanh. Allocation-free; every array is flat and row-major, addressed by offsets.
 *
 * <p>Weights are stored {@code [in][out]} (the layout of ONNX {@code Gemm} with {@code transB = 0}), so that the
 * inner loops are {@code y[j] += a * w[j]} over contiguous memory: HotSpot's C2 vectorizes them without
 * reordering any sum. The loops are unrolled over four inputs, adding the four products in the order a plain
 * loop would: the results are the same bits as the naive triple loop, on any JVM.
 *
 * <p>When the JVM runs with {@code --add-modules jdk.incubator.vector} (the {@code gym4j} launcher does so for
 * {@code train}, {@code tune} and {@code evaluate}), every kernel runs {@link VectorDense} instead, about ten
 * times faster on this project's 64-wide layers: C2 in JDK 17 does not vectorize these loops by itself. The
 * vector kernels compute every output with the same float operations in the same order, so the results are the
 * same bits either way (a test checks it); {@code -Dgym4j.simd=false} forces the scalar loops.
 */
public final class Dense {

    private static final boolean SIMD = Simd.available();

    private Dense() {
    }

    /**
     * {@code y[r] = b + x[r] W} for each row {@code r}.
     *
     * @param x input, {@code rows x in} at {@code xOff}
     * @param rows number of rows
     * @param in input width
     * @param p parameters holding {@code W} ({@code in x out}) at {@code wOff} and {@code b} ({@code out}) at {@code bOff}
     * @param out output width
     * @param y output, {@code rows x out} at {@code yOff}
     */
    public static void forward(float[] x, int xOff, int rows, int in, float[] p, int wOff, int bOff, int out,
            float[] y, int yOff) {
        if (SIMD) {
            VectorDense.forward(x, xOff, rows, in, p, wOff, bOff, out, y, yOff);
            return;
        }
        forwardScalar(x, xOff, rows, in, p, wOff, bOff, out, y, yOff);
    }

    /** The scalar loops of {@link #forward}, the reference the vector kernels match bit for bit. */
    static void forwardScalar(float[] x, int xOff, int rows, int in, float[] p, int wOff, int bOff, int out,
            float[] y, int yOff) {
        int r = 0;
        // Two rows at a time share each weight load; each row's sum is still added in input order.
        for (; r + 1 < rows; r += 2) {
            int ya = yOff + r * out;
            int yb = ya + out;
            int xa = xOff + r * in;
            int xb = xa + in;
            System.arraycopy(p, bOff, y, ya, out);
            System.arraycopy(p, bOff, y, yb, out);
            int i = 0;
            for (; i + 3 < in; i += 4) {
                float a0 = x[xa + i];
                float a1 = x[xa + i + 1];
                float a2 = x[xa + i + 2];
                float a3 = x[xa + i + 3];
                float c0 = x[xb + i];
                float c1 = x[xb + i + 1];
                float c2 = x[xb + i + 2];
                float c3 = x[xb + i + 3];
                int w0 = wOff + i * out;
                int w1 = w0 + out;
                int w2 = w1 + out;
                int w3 = w2 + out;
                for (int j = 0; j < out; j++) {
                    float q0 = p[w0 + j];
                    float q1 = p[w1 + j];
                    float q2 = p[w2 + j];
                    float q3 = p[w3 + j];
                    y[ya + j] = y[ya + j] + a0 * q0 + a1 * q1 + a2 * q2 + a3 * q3;
                    y[yb + j] = y[yb + j] + c0 * q0 + c1 * q1 + c2 * q2 + c3 * q3;
                }
            }
            for (; i < in; i++) {
                float a = x[xa + i];
                float c = x[xb + i];
                int w = wOff + i * out;
                for (int j = 0; j < out; j++) {
                    float q = p[w + j];
                    y[ya + j] += a * q;
                    y[yb + j] += c * q;
                }
            }
        }
        for (; r < rows; r++) {
            int yo = yOff + r * out;
            int xo = xOff + r * in;
            System.arraycopy(p, bOff, y, yo, out);
            int i = 0;
            for (; i + 3 < in; i += 4) {
                float a0 = x[xo + i];
                float a1 = x[xo + i + 1];
                float a2 = x[xo + i + 2];
                float a3 = x[xo + i + 3];
                int w0 = wOff + i * out;
                int w1 = w0 + out;
                int w2 = w1 + out;
                int w3 = w2 + out;
                for (int j = 0; j < out; j++) {
                    y[yo + j] = y[yo + j] + a0 * p[w0 + j] + a1 * p[w1 + j] + a2 * p[w2 + j] + a3 * p[w3 + j];
                }
            }
            for (; i < in; i++) {
                float a = x[xo + i];
                int w = wOff + i * out;
                for (int j = 0; j < out; j++) {
                    y[yo + j] += a * p[w + j];
                }
            }
        }
    }

    /**
     * Accumulates the parameter gradients of a layer: {@code dW += x^T dy}, {@code db += sum of dy rows}.
     *
     * @param x the layer's input, {@code rows x in}
     * @param rows number of rows
     * @param in input width
     * @param dy gradient of the loss with respect to the layer's output, {@code rows x out}
     * @param out output width
     * @param g gradients, {@code dW} at {@code gwOff} and {@code db} at {@code gbOff} (accumulated into)
     */
    public static void backwardParams(float[] x, int xOff, int rows, int in, float[] dy, int dyOff, int out,
            float[] g, int gwOff, int gbOff) {
        if (SIMD) {
            VectorDense.backwardParams(x, xOff, rows, in, dy, dyOff, out, g, gwOff, gbOff);
            return;
        }
        backwardParamsScalar(x, xOff, rows, in, dy, dyOff, out, g, gwOff, gbOff);
    }

    /** The scalar loops of {@link #backwardParams}, the reference the vector kernels match bit for bit. */
    static void backwardParamsScalar(float[] x, int xOff, int rows, int in, float[] dy, int dyOff, int out,
            float[] g, int gwOff, int gbOff) {
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            int d0 = dyOff + r * out;
            int d1 = d0 + out;
            int d2 = d1 + out;
            int d3 = d2 + out;
            int x0 = xOff + r * in;
            int x1 = x0 + in;
            int x2 = x1 + in;
            int x3 = x2 + in;
            int i = 0;
            // Two weight rows at a time share each gradient load; each sum still runs in row order.
            for (; i + 1 < in; i += 2) {
                float a0 = x[x0 + i];
                float a1 = x[x1 + i];
                float a2 = x[x2 + i];
                float a3 = x[x3 + i];
                float c0 = x[x0 + i + 1];
                float c1 = x[x1 + i + 1];
                float c2 = x[x2 + i + 1];
                float c3 = x[x3 + i + 1];
                int w = gwOff + i * out;
                int v = w + out;
                for (int j = 0; j < out; j++) {
                    float e0 = dy[d0 + j];
                    float e1 = dy[d1 + j];
                    float e2 = dy[d2 + j];
                    float e3 = dy[d3 + j];
                    g[w + j] = g[w + j] + a0 * e0 + a1 * e1 + a2 * e2 + a3 * e3;
                    g[v + j] = g[v + j] + c0 * e0 + c1 * e1 + c2 * e2 + c3 * e3;
                }
            }
            for (; i < in; i++) {
                float a0 = x[x0 + i];
                float a1 = x[x1 + i];
                float a2 = x[x2 + i];
                float a3 = x[x3 + i];
                int w = gwOff + i * out;
                for (int j = 0; j < out; j++) {
                    g[w + j] = g[w + j] + a0 * dy[d0 + j] + a1 * dy[d1 + j] + a2 * dy[d2 + j] + a3 * dy[d3 + j];
                }
            }
            for (int j = 0; j < out; j++) {
                g[gbOff + j] = g[gbOff + j] + dy[d0 + j] + dy[d1 + j] + dy[d2 + j] + dy[d3 + j];
            }
        }
        for (; r < rows; r++) {
            int d = dyOff + r * out;
            int xo = xOff + r * in;
            for (int i = 0; i < in; i++) {
                float a = x[xo + i];
                int w = gwOff + i * out;
                for (int j = 0; j < out; j++) {
                    g[w + j] += a * dy[d + j];
                }
            }
            for (int j = 0; j < out; j++) {
                g[gbOff + j] += dy[d + j];
            }
        }
    }

    /**
     * The gradient with respect to the layer's input, {@code dx = dy W^T}, computed from the transposed weights
     * so that the inner loop runs over contiguous memory.
     *
     * @param dy gradient of the output, {@code rows x out}
     * @param rows number of rows
     * @param out output width
     * @param wt the transposed weights {@code out x in} at {@code wtOff}
     * @param in input width
     * @param dx output, {@code rows x in} (overwritten)
     */
    public static void backwardInput(float[] dy, int dyOff, int rows, int out, float[] wt, int wtOff, int in,
            float[] dx, int dxOff) {
        if (SIMD) {
            VectorDense.backwardInput(dy, dyOff, rows, out, wt, wtOff, in, dx, dxOff);
            return;
        }
        backwardInputScalar(dy, dyOff, rows, out, wt, wtOff, in, dx, dxOff);
    }

    /** The scalar loops of {@link #backwardInput}, the reference the vector kernels match bit for bit. */
    static void backwardInputScalar(float[] dy, int dyOff, int rows, int out, float[] wt, int wtOff, int in,
            float[] dx, int dxOff) {
        int r = 0;
        for (; r + 1 < rows; r += 2) {
            int xa = dxOff + r * in;
            int xb = xa + in;
            int da = dyOff + r * out;
            int db = da + out;
            java.util.Arrays.fill(dx, xa, xb + in, 0f);
            int j = 0;
            for (; j + 3 < out; j += 4) {
                float a0 = dy[da + j];
                float a1 = dy[da + j + 1];
                float a2 = dy[da + j + 2];
                float a3 = dy[da + j + 3];
                float c0 = dy[db + j];
                float c1 = dy[db + j + 1];
                float c2 = dy[db + j + 2];
                float c3 = dy[db + j + 3];
                int w0 = wtOff + j * in;
                int w1 = w0 + in;
                int w2 = w1 + in;
                int w3 = w2 + in;
                for (int i = 0; i < in; i++) {
                    float q0 = wt[w0 + i];
                    float q1 = wt[w1 + i];
                    float q2 = wt[w2 + i];
                    float q3 = wt[w3 + i];
                    dx[xa + i] = dx[xa + i] + a0 * q0 + a1 * q1 + a2 * q2 + a3 * q3;
                    dx[xb + i] = dx[xb + i] + c0 * q0 + c1 * q1 + c2 * q2 + c3 * q3;
                }
            }
            for (; j < out; j++) {
                float a = dy[da + j];
                float c = dy[db + j];
                int w = wtOff + j * in;
                for (int i = 0; i < in; i++) {
                    float q = wt[w + i];
                    dx[xa + i] += a * q;
                    dx[xb + i] += c * q;
                }
            }
        }
        for (; r < rows; r++) {
            int xo = dxOff + r * in;
            int d = dyOff + r * out;
            java.util.Arrays.fill(dx, xo, xo + in, 0f);
            int j = 0;
            for (; j + 3 < out; j += 4) {
                float a0 = dy[d + j];
                float a1 = dy[d + j + 1];
                float a2 = dy[d + j + 2];
                float a3 = dy[d + j + 3];
                int w0 = wtOff + j * in;
                int w1 = w0 + in;
                int w2 = w1 + in;
                int w3 = w2 + in;
                for (int i = 0; i < in; i++) {
                    dx[xo + i] = dx[xo + i] + a0 * wt[w0 + i] + a1 * wt[w1 + i] + a2 * wt[w2 + i] + a3 * wt[w3 + i];
                }
            }
            for (; j < out; j++) {
                float a = dy[d + j];
                int w = wtOff + j * in;
                for (int i = 0; i < in; i++) {
                    dx[xo + i] += a * wt[w + i];
                }
            }
        }
    }

    /**
     * Transposes {@code rows x cols} at {@code srcOff} into {@code cols x rows} at {@code dstOff}.
     */
    public static void transpose(float[] src, int srcOff, int rows, int cols, float[] dst, int dstOff) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[dstOff + c * rows + r] = src[srcOff + r * cols + c];
            }
        }
    }

    /** Applies {@link #tanh(float)} in place to {@code n} values at {@code off}. */
    public static void tanhInPlace(float[] a, int off, int n) {
        if (SIMD) {
            VectorDense.tanhInPlace(a, off, n, CLAMP, TANH_NUM, TANH_DEN);
            return;
        }
        tanhInPlaceScalar(a, off, n);
    }

    /** The scalar loops of {@link #tanhInPlace}, the reference the vector kernels match bit for bit. */
    static void tanhInPlaceScalar(float[] a, int off, int n) {
        for (int k = off; k < off + n; k++) {
            a[k] = tanh(a[k]);
        }
    }

    /**
     * {@code dz = dh * (1 - h^2)}, the gradient through tanh given its output {@code h}; in place on {@code dh}.
     */
    public static void tanhBackward(float[] h, int hOff, float[] dh, int dhOff, int n) {
        if (SIMD) {
            VectorDense.tanhBackward(h, hOff, dh, dhOff, n);
            return;
        }
        tanhBackwardScalar(h, hOff, dh, dhOff, n);
    }

    /** The scalar loops of {@link #tanhBackward}, the reference the vector kernels match bit for bit. */
    static void tanhBackwardScalar(float[] h, int hOff, float[] dh, int dhOff, int n) {
        for (int k = 0; k < n; k++) {
            float v = h[hOff + k];
            dh[dhOff + k] = dh[dhOff + k] * (1f - v * v);
        }
    }

    // A rational approximation of tanh on [-c, c] (odd polynomial of degree 13 over an even one of degree 6;
    // the coefficients are the well-known minimax fit used by Eigen's and MLAS's fast float tanh). Within
    // 2e-7 of the true value, and made of multiplications, additions and one division only: the same bits on
    // every JVM and CPU, and vectorizable (Math.tanh is neither fast nor inlined).
    private static final float CLAMP = 7.90531110763549805f;
    private static final float A1 = 4.89352455891786e-03f;
    private static final float A3 = 6.37261928875436e-04f;
    private static final float A5 = 1.48572235717979e-05f;
    private static final float A7 = 5.12229709037114e-08f;
    private static final float A9 = -8.60467152213735e-11f;
    private static final float A11 = 2.00018790482477e-13f;
    private static final float A13 = -2.76076847742355e-16f;
    private static final float B0 = 4.89352518554385e-03f;
    private static final float B2 = 2.26843463243900e-03f;
    private static final float B4 = 1.18534705686654e-04f;
    private static final float B6 = 1.19825839466702e-06f;
    private static final float[] TANH_NUM = {A13, A11, A9, A7, A5, A3, A1};
    private static final float[] TANH_DEN = {B6, B4, B2, B0};

    /**
     * The hyperbolic tangent in float, to within {@code 2e-7} absolute; deterministic to the bit everywhere.
     *
     * @param x any value (NaN gives NaN)
     * @return {@code tanh(x)}
     */
    public static float tanh(float x) {
        float v = Math.max(-CLAMP, Math.min(CLAMP, x));
        float x2 = v * v;
        float p = A13;
        p = p * x2 + A11;
        p = p * x2 + A9;
        p = p * x2 + A7;
        p = p * x2 + A5;
        p = p * x2 + A3;
        p = p * x2 + A1;
        p = p * v;
        float q = B6;
        q = q * x2 + B4;
        q = q * x2 + B2;
        q = q * x2 + B0;
        return p / q;
    }
}
