package dev.gym4j.trainer.internal;

import dev.gym4j.simd.Simd;
import dev.gym4j.simd.VectorConv;
import java.util.Arrays;

/**
 * The convolution kernels of the image networks: a 2-d convolution (valid padding, that is padding 0, square
 * kernel, equal strides) forward and backward over a batch of images, and ReLU. Allocation-free; every array is
 * flat, addressed by offsets.
 *
 * <p>Layout: images are <b>NHWC</b> ({@code [rows][height][width][channels]}, the layout of the env's
 * {@code (H, W, C)} observations, so no transposition is needed before the first layer); weights are
 * {@code [kernel_y][kernel_x][in_channels][out_channels]} and the bias {@code [out_channels]}. With this layout one
 * kernel row of an input patch ({@code kernel x in_channels} values) is contiguous in memory, and so are the
 * weights it meets: the forward and the weight gradient are, for each output pixel and kernel row, the same
 * contiguous {@code y[j] += a * w[j]} loop over the output channels as {@link Dense}, which HotSpot's C2
 * vectorizes without reordering any sum. Every sum runs in a fixed order (kernel row, then kernel column and
 * input channel; output pixels in raster order), so the results are the same bits on every JVM. ONNX's
 * {@code Conv} is NCHW with {@code [out][in][ky][kx]} weights: {@link OnnxExport} transposes.
 *
 * <p>Output size per axis: {@code (in - kernel) / stride + 1}.
 *
 * <p>When the JVM has {@code jdk.incubator.vector} (as for {@link Dense}), the three passes run
 * {@link VectorConv} instead: the same float operations in the same order, so the same bits
 * ({@code ConvVectorTest}), with the accumulators in registers over a kernel row; the scalar loops here are the
 * reference and the fallback.
 */
public final class Conv2d {

    private static final boolean SIMD = Simd.available();

    private Conv2d() {
    }

    /** @return the output size along an axis of size {@code in} for this kernel and stride (0 when it does not fit) */
    public static int outSize(int in, int kernel, int stride) {
        return in < kernel ? 0 : (in - kernel) / stride + 1;
    }

    /**
     * {@code y = b + conv(x, W)} for each of {@code rows} images.
     *
     * @param x input images, {@code rows x h x w x c} at {@code xOff}
     * @param p parameters holding {@code W} ({@code k x k x c x f}) at {@code wOff} and {@code b} ({@code f}) at {@code bOff}
     * @param k kernel size
     * @param s stride
     * @param f output channels
     * @param y output, {@code rows x oh x ow x f} at {@code yOff} (overwritten)
     */
    public static void forward(float[] x, int xOff, int rows, int h, int w, int c, float[] p, int wOff, int bOff,
            int k, int s, int f, float[] y, int yOff) {
        if (SIMD) {
            VectorConv.forward(x, xOff, rows, h, w, c, p, wOff, bOff, k, s, f, y, yOff);
            return;
        }
        forwardScalar(x, xOff, rows, h, w, c, p, wOff, bOff, k, s, f, y, yOff);
    }

    /** The scalar loops of {@link #forward}, the reference the vector kernels match bit for bit. */
    static void forwardScalar(float[] x, int xOff, int rows, int h, int w, int c, float[] p, int wOff, int bOff,
            int k, int s, int f, float[] y, int yOff) {
        int oh = outSize(h, k, s);
        int ow = outSize(w, k, s);
        int n = k * c; // one kernel row of a patch: contiguous in x and in W
        for (int r = 0; r < rows; r++) {
            int image = xOff + r * h * w * c;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    int yo = yOff + ((r * oh + oy) * ow + ox) * f;
                    System.arraycopy(p, bOff, y, yo, f);
                    for (int ky = 0; ky < k; ky++) {
                        int xr = image + ((oy * s + ky) * w + ox * s) * c;
                        int wr = wOff + ky * n * f;
                        int i = 0;
                        for (; i + 3 < n; i += 4) {
                            float a0 = x[xr + i];
                            float a1 = x[xr + i + 1];
                            float a2 = x[xr + i + 2];
                            float a3 = x[xr + i + 3];
                            int w0 = wr + i * f;
                            int w1 = w0 + f;
                            int w2 = w1 + f;
                            int w3 = w2 + f;
                            for (int j = 0; j < f; j++) {
                                y[yo + j] = y[yo + j] + a0 * p[w0 + j] + a1 * p[w1 + j] + a2 * p[w2 + j] + a3 * p[w3 + j];
                            }
                        }
                        for (; i < n; i++) {
                            float a = x[xr + i];
                            int wi = wr + i * f;
                            for (int j = 0; j < f; j++) {
                                y[yo + j] += a * p[wi + j];
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Accumulates the parameter gradients: {@code dW += sum over output pixels of patch^T dy}, {@code db += sum of dy}.
     * Four output pixels at a time share each load and store of {@code dW}; each sum still runs in pixel order.
     *
     * @param x the layer's input, {@code rows x h x w x c}
     * @param dy gradient of the loss with respect to the layer's output, {@code rows x oh x ow x f}
     * @param g gradients, {@code dW} at {@code gwOff} and {@code db} at {@code gbOff} (accumulated into)
     */
    public static void backwardParams(float[] x, int xOff, int rows, int h, int w, int c, float[] dy, int dyOff,
            int k, int s, int f, float[] g, int gwOff, int gbOff) {
        if (SIMD) {
            VectorConv.backwardParams(x, xOff, rows, h, w, c, dy, dyOff, k, s, f, g, gwOff, gbOff);
            return;
        }
        backwardParamsScalar(x, xOff, rows, h, w, c, dy, dyOff, k, s, f, g, gwOff, gbOff);
    }

    /** The scalar loops of {@link #backwardParams}, the reference the vector kernels match bit for bit. */
    static void backwardParamsScalar(float[] x, int xOff, int rows, int h, int w, int c, float[] dy, int dyOff,
            int k, int s, int f, float[] g, int gwOff, int gbOff) {
        int oh = outSize(h, k, s);
        int ow = outSize(w, k, s);
        int n = k * c;
        int pixels = rows * oh * ow;
        int q = 0;
        for (; q + 3 < pixels; q += 4) {
            int x0 = patch(xOff, q, oh, ow, h, w, c, s);
            int x1 = patch(xOff, q + 1, oh, ow, h, w, c, s);
            int x2 = patch(xOff, q + 2, oh, ow, h, w, c, s);
            int x3 = patch(xOff, q + 3, oh, ow, h, w, c, s);
            int d0 = dyOff + q * f;
            int d1 = d0 + f;
            int d2 = d1 + f;
            int d3 = d2 + f;
            for (int ky = 0; ky < k; ky++) {
                int row = ky * w * c;
                int gr = gwOff + ky * n * f;
                for (int i = 0; i < n; i++) {
                    float a0 = x[x0 + row + i];
                    float a1 = x[x1 + row + i];
                    float a2 = x[x2 + row + i];
                    float a3 = x[x3 + row + i];
                    int gi = gr + i * f;
                    for (int j = 0; j < f; j++) {
                        g[gi + j] = g[gi + j] + a0 * dy[d0 + j] + a1 * dy[d1 + j] + a2 * dy[d2 + j] + a3 * dy[d3 + j];
                    }
                }
            }
            for (int j = 0; j < f; j++) {
                g[gbOff + j] = g[gbOff + j] + dy[d0 + j] + dy[d1 + j] + dy[d2 + j] + dy[d3 + j];
            }
        }
        for (; q < pixels; q++) {
            int xq = patch(xOff, q, oh, ow, h, w, c, s);
            int d = dyOff + q * f;
            for (int ky = 0; ky < k; ky++) {
                int xr = xq + ky * w * c;
                int gr = gwOff + ky * n * f;
                for (int i = 0; i < n; i++) {
                    float a = x[xr + i];
                    int gi = gr + i * f;
                    for (int j = 0; j < f; j++) {
                        g[gi + j] += a * dy[d + j];
                    }
                }
            }
            for (int j = 0; j < f; j++) {
                g[gbOff + j] += dy[d + j];
            }
        }
    }

    /** @return the offset of output pixel {@code q}'s patch (its top-left input value) among {@code rows} images */
    private static int patch(int xOff, int q, int oh, int ow, int h, int w, int c, int s) {
        int r = q / (oh * ow);
        int rem = q - r * oh * ow;
        int oy = rem / ow;
        int ox = rem - oy * ow;
        return xOff + r * h * w * c + (oy * s * w + ox * s) * c;
    }

    /**
     * The weights rearranged for {@link #backwardInput}: {@code [ky][kx][c][f]} at {@code wOff} into
     * {@code [ky][f][kx][c]} at {@code wtOff}.
     */
    public static void transposeWeights(float[] p, int wOff, int k, int c, int f, float[] wt, int wtOff) {
        int n = k * c;
        for (int ky = 0; ky < k; ky++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < f; j++) {
                    wt[wtOff + (ky * f + j) * n + i] = p[wOff + (ky * n + i) * f + j];
                }
            }
        }
    }

    /**
     * The gradient with respect to the layer's input: each output pixel's gradient, times the weights, is added
     * onto its patch, one contiguous kernel row ({@code k x c} values) at a time, four output channels at a time.
     *
     * @param dy gradient of the output, {@code rows x oh x ow x f}
     * @param wt the weights as {@link #transposeWeights} arranges them, at {@code wtOff}
     * @param dx output, {@code rows x h x w x c} (overwritten)
     */
    public static void backwardInput(float[] dy, int dyOff, int rows, int h, int w, int c, float[] wt, int wtOff,
            int k, int s, int f, float[] dx, int dxOff) {
        if (SIMD) {
            VectorConv.backwardInput(dy, dyOff, rows, h, w, c, wt, wtOff, k, s, f, dx, dxOff);
            return;
        }
        backwardInputScalar(dy, dyOff, rows, h, w, c, wt, wtOff, k, s, f, dx, dxOff);
    }

    /** The scalar loops of {@link #backwardInput}, the reference the vector kernels match bit for bit. */
    static void backwardInputScalar(float[] dy, int dyOff, int rows, int h, int w, int c, float[] wt, int wtOff,
            int k, int s, int f, float[] dx, int dxOff) {
        int oh = outSize(h, k, s);
        int ow = outSize(w, k, s);
        int n = k * c;
        Arrays.fill(dx, dxOff, dxOff + rows * h * w * c, 0f);
        int pixels = rows * oh * ow;
        for (int q = 0; q < pixels; q++) {
            int xq = patch(dxOff, q, oh, ow, h, w, c, s);
            int d = dyOff + q * f;
            for (int ky = 0; ky < k; ky++) {
                int xr = xq + ky * w * c;
                int wr = wtOff + ky * f * n;
                int j = 0;
                for (; j + 3 < f; j += 4) {
                    float a0 = dy[d + j];
                    float a1 = dy[d + j + 1];
                    float a2 = dy[d + j + 2];
                    float a3 = dy[d + j + 3];
                    int w0 = wr + j * n;
                    int w1 = w0 + n;
                    int w2 = w1 + n;
                    int w3 = w2 + n;
                    for (int i = 0; i < n; i++) {
                        dx[xr + i] = dx[xr + i] + a0 * wt[w0 + i] + a1 * wt[w1 + i] + a2 * wt[w2 + i] + a3 * wt[w3 + i];
                    }
                }
                for (; j < f; j++) {
                    float a = dy[d + j];
                    int wj = wr + j * n;
                    for (int i = 0; i < n; i++) {
                        dx[xr + i] += a * wt[wj + i];
                    }
                }
            }
        }
    }

    /** {@code a = max(a, 0)} in place for {@code n} values at {@code off}. */
    public static void reluInPlace(float[] a, int off, int n) {
        for (int i = off; i < off + n; i++) {
            a[i] = a[i] > 0f ? a[i] : 0f;
        }
    }

    /** {@code dy = y > 0 ? dy : 0}, the gradient through ReLU given its output {@code y}; in place on {@code dy}. */
    public static void reluBackward(float[] y, int yOff, float[] dy, int dyOff, int n) {
        for (int i = 0; i < n; i++) {
            if (!(y[yOff + i] > 0f)) {
                dy[dyOff + i] = 0f;
            }
        }
    }
}
