package dev.gym4j.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A 2-d convolution's forward and backward passes over a batch of images on the Vector API: valid padding,
 * square kernels, equal strides, images <b>NHWC</b> ({@code [rows][height][width][channels]}), weights
 * {@code [kernel_y][kernel_x][in_channels][out_channels]}, bias {@code [out_channels]}; the trainer's
 * {@code Conv2d} layout. Call only when {@link Simd#available()}. Allocation-free once C2 has compiled it.
 *
 * <p>As in {@link VectorDense}, the lanes run across independent outputs (output channels for the forward pass
 * and the weight gradient, input positions of one kernel row for the input gradient), never across the terms of
 * one sum, and no multiply-add is fused: every output is the same float operations in the same order as the
 * trainer's scalar loops (bias first, then the patch in kernel-row, kernel-column, input-channel order; the
 * gradients over the output pixels in raster order, image by image; the input gradient over output pixels, then
 * output channels), so the results are the same bits. Unlike the scalar loops, each accumulator stays in a
 * register over a whole kernel row (forward) or over all output pixels (weight gradient), and four output pixels
 * or four weight rows share each vector load. Every accumulator is carried by a single loop, in a small method of
 * its own: carried across nested loops, C2 (JDK 17) boxes the vectors and the kernels run seven times slower.
 * Thread-safe (stateless); calls on disjoint outputs may run concurrently.
 */
public final class VectorConv {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorConv() {
    }

    private static int outSize(int in, int kernel, int stride) {
        return in < kernel ? 0 : (in - kernel) / stride + 1;
    }

    /**
     * {@code y = b + conv(x, W)} for each of {@code rows} images.
     *
     * @param x input images, {@code rows x h x w x c} at {@code xOff}
     * @param rows number of images
     * @param h input height
     * @param w input width
     * @param c input channels
     * @param p parameters holding {@code W} ({@code k x k x c x f}) at {@code wOff} and {@code b} ({@code f}) at {@code bOff}
     * @param wOff offset of the weights
     * @param bOff offset of the bias
     * @param k kernel size
     * @param s stride
     * @param f output channels
     * @param y output, {@code rows x oh x ow x f} at {@code yOff} (overwritten)
     * @param yOff offset of the output
     */
    public static void forward(float[] x, int xOff, int rows, int h, int w, int c, float[] p, int wOff, int bOff,
            int k, int s, int f, float[] y, int yOff) {
        int oh = outSize(h, k, s);
        int ow = outSize(w, k, s);
        int n = k * c;
        int jv = f - f % L;
        int rowStride = w * c;
        for (int r = 0; r < rows; r++) {
            int image = xOff + r * h * w * c;
            for (int oy = 0; oy < oh; oy++) {
                int line = image + oy * s * rowStride;
                int yLine = yOff + ((r * oh + oy) * ow) * f;
                int ox = 0;
                // four neighbouring output pixels of one output row share each weight load
                for (; ox + 3 < ow; ox += 4) {
                    int x0 = line + ox * s * c;
                    int x1 = x0 + s * c;
                    int x2 = x1 + s * c;
                    int x3 = x2 + s * c;
                    int y0 = yLine + ox * f;
                    for (int j = 0; j < jv; j += L) {
                        // one kernel row per call: its accumulators are carried by one loop only (C2 keeps them
                        // in registers; carried across nested loops, it boxes them), stored and reloaded between rows
                        FloatVector b = FloatVector.fromArray(S, p, bOff + j);
                        b.intoArray(y, y0 + j);
                        b.intoArray(y, y0 + f + j);
                        b.intoArray(y, y0 + 2 * f + j);
                        b.intoArray(y, y0 + 3 * f + j);
                        for (int ky = 0; ky < k; ky++) {
                            forwardRow4(x, x0 + ky * rowStride, s * c, p, wOff + ky * n * f + j, f, n, y, y0 + j);
                        }
                    }
                }
                for (; ox < ow; ox++) {
                    int x0 = line + ox * s * c;
                    int y0 = yLine + ox * f;
                    for (int j = 0; j < jv; j += L) {
                        FloatVector.fromArray(S, p, bOff + j).intoArray(y, y0 + j);
                        for (int ky = 0; ky < k; ky++) {
                            forwardRow1(x, x0 + ky * rowStride, p, wOff + ky * n * f + j, f, n, y, y0 + j);
                        }
                    }
                }
                for (ox = 0; jv < f && ox < ow; ox++) {
                    int x0 = line + ox * s * c;
                    int y0 = yLine + ox * f;
                    for (int j = jv; j < f; j++) {
                        float a = p[bOff + j];
                        for (int ky = 0; ky < k; ky++) {
                            int xr = x0 + ky * rowStride;
                            int wr = wOff + ky * n * f + j;
                            for (int i = 0; i < n; i++) {
                                a = a + x[xr + i] * p[wr + i * f];
                            }
                        }
                        y[y0 + j] = a;
                    }
                }
            }
        }
    }

    /**
     * Accumulates the parameter gradients: {@code dW += sum over output pixels of patch^T dy},
     * {@code db += sum of dy}, each sum over the output pixels in raster order, image by image.
     *
     * @param x the layer's input, {@code rows x h x w x c} at {@code xOff}
     * @param rows number of images
     * @param h input height
     * @param w input width
     * @param c input channels
     * @param dy gradient of the loss with respect to the layer's output, {@code rows x oh x ow x f} at {@code dyOff}
     * @param dyOff offset of {@code dy}
     * @param k kernel size
     * @param s stride
     * @param f output channels
     * @param g gradients, {@code dW} at {@code gwOff} and {@code db} at {@code gbOff} (accumulated into)
     * @param gwOff offset of the weight gradient
     * @param gbOff offset of the bias gradient
     */
    public static void backwardParams(float[] x, int xOff, int rows, int h, int w, int c, float[] dy, int dyOff,
            int k, int s, int f, float[] g, int gwOff, int gbOff) {
        int oh = outSize(h, k, s);
        int ow = outSize(w, k, s);
        int n = k * c;
        int jv = f - f % L;
        int rowStride = w * c;
        int image = h * w * c;
        for (int j = 0; j < jv; j += L) {
            for (int ky = 0; ky < k; ky++) {
                int i = 0;
                // four weight rows (neighbouring patch values) share each gradient load
                for (; i + 3 < n; i += 4) {
                    paramsRows4(x, xOff + ky * rowStride + i, rows, image, oh, ow, s * rowStride, s * c, dy, dyOff + j,
                            f, g, gwOff + (ky * n + i) * f + j);
                }
                for (; i < n; i++) {
                    paramsRows1(x, xOff + ky * rowStride + i, rows, image, oh, ow, s * rowStride, s * c, dy, dyOff + j,
                            f, g, gwOff + (ky * n + i) * f + j);
                }
            }
            FloatVector b = FloatVector.fromArray(S, g, gbOff + j);
            int pixels = rows * oh * ow;
            for (int q = 0; q < pixels; q++) {
                b = b.add(FloatVector.fromArray(S, dy, dyOff + q * f + j));
            }
            b.intoArray(g, gbOff + j);
        }
        for (int j = jv; j < f; j++) {
            for (int ky = 0; ky < k; ky++) {
                for (int i = 0; i < n; i++) {
                    int gw = gwOff + (ky * n + i) * f + j;
                    float a = g[gw];
                    int d = dyOff + j;
                    for (int r = 0; r < rows; r++) {
                        int base = xOff + r * image + ky * rowStride + i;
                        for (int oy = 0; oy < oh; oy++) {
                            int xo = base + oy * s * rowStride;
                            for (int ox = 0; ox < ow; ox++, xo += s * c, d += f) {
                                a = a + x[xo] * dy[d];
                            }
                        }
                    }
                    g[gw] = a;
                }
            }
            float a = g[gbOff + j];
            int pixels = rows * oh * ow;
            for (int q = 0; q < pixels; q++) {
                a = a + dy[dyOff + q * f + j];
            }
            g[gbOff + j] = a;
        }
    }

    /** Adds one kernel row ({@code n} values from {@code xr}, pixels {@code step} apart) of four pixels. */
    private static void forwardRow4(float[] x, int xr, int step, float[] p, int wr, int f, int n, float[] y, int y0) {
        FloatVector c0 = FloatVector.fromArray(S, y, y0);
        FloatVector c1 = FloatVector.fromArray(S, y, y0 + f);
        FloatVector c2 = FloatVector.fromArray(S, y, y0 + 2 * f);
        FloatVector c3 = FloatVector.fromArray(S, y, y0 + 3 * f);
        int x1 = xr + step;
        int x2 = x1 + step;
        int x3 = x2 + step;
        for (int i = 0; i < n; i++) {
            FloatVector q = FloatVector.fromArray(S, p, wr + i * f);
            c0 = c0.add(q.mul(x[xr + i]));
            c1 = c1.add(q.mul(x[x1 + i]));
            c2 = c2.add(q.mul(x[x2 + i]));
            c3 = c3.add(q.mul(x[x3 + i]));
        }
        c0.intoArray(y, y0);
        c1.intoArray(y, y0 + f);
        c2.intoArray(y, y0 + 2 * f);
        c3.intoArray(y, y0 + 3 * f);
    }

    /** Adds one kernel row of one pixel onto {@code y[y0 .. y0 + L)}. */
    private static void forwardRow1(float[] x, int xr, float[] p, int wr, int f, int n, float[] y, int y0) {
        FloatVector c0 = FloatVector.fromArray(S, y, y0);
        for (int i = 0; i < n; i++) {
            c0 = c0.add(FloatVector.fromArray(S, p, wr + i * f).mul(x[xr + i]));
        }
        c0.intoArray(y, y0);
    }

    /**
     * Accumulates, for four neighbouring weight rows from patch offset {@code i0}, the products of every output
     * pixel's input value and its output gradient (block {@code j}), pixels in raster order image by image: one
     * loop over the pixels, so that the four accumulators stay in registers.
     */
    private static void paramsRows4(float[] x, int first, int rows, int image, int oh, int ow, int lineStep,
            int step, float[] dy, int d, int f, float[] g, int gw) {
        FloatVector c0 = FloatVector.fromArray(S, g, gw);
        FloatVector c1 = FloatVector.fromArray(S, g, gw + f);
        FloatVector c2 = FloatVector.fromArray(S, g, gw + 2 * f);
        FloatVector c3 = FloatVector.fromArray(S, g, gw + 3 * f);
        int pixels = rows * oh * ow;
        int ox = 0;
        int oy = 0;
        int line = first;
        int xo = first;
        for (int q = 0; q < pixels; q++, d += f) {
            FloatVector e = FloatVector.fromArray(S, dy, d);
            c0 = c0.add(e.mul(x[xo]));
            c1 = c1.add(e.mul(x[xo + 1]));
            c2 = c2.add(e.mul(x[xo + 2]));
            c3 = c3.add(e.mul(x[xo + 3]));
            if (++ox < ow) {
                xo += step;
            } else {
                ox = 0;
                if (++oy < oh) {
                    line += lineStep;
                } else {
                    oy = 0;
                    first += image;
                    line = first;
                }
                xo = line;
            }
        }
        c0.intoArray(g, gw);
        c1.intoArray(g, gw + f);
        c2.intoArray(g, gw + 2 * f);
        c3.intoArray(g, gw + 3 * f);
    }

    /** {@link #paramsRows4} for one weight row. */
    private static void paramsRows1(float[] x, int first, int rows, int image, int oh, int ow, int lineStep,
            int step, float[] dy, int d, int f, float[] g, int gw) {
        FloatVector c0 = FloatVector.fromArray(S, g, gw);
        int pixels = rows * oh * ow;
        int ox = 0;
        int oy = 0;
        int line = first;
        int xo = first;
        for (int q = 0; q < pixels; q++, d += f) {
            c0 = c0.add(FloatVector.fromArray(S, dy, d).mul(x[xo]));
            if (++ox < ow) {
                xo += step;
            } else {
                ox = 0;
                if (++oy < oh) {
                    line += lineStep;
                } else {
                    oy = 0;
                    first += image;
                    line = first;
                }
                xo = line;
            }
        }
        c0.intoArray(g, gw);
    }

    /**
     * The gradient with respect to the layer's input: each output pixel's gradient, times the weights, is added
     * onto its patch, one kernel row ({@code k x c} contiguous values) at a time, over the output channels in
     * order; output pixels in raster order.
     *
     * @param dy gradient of the output, {@code rows x oh x ow x f} at {@code dyOff}
     * @param dyOff offset of {@code dy}
     * @param rows number of images
     * @param h input height
     * @param w input width
     * @param c input channels
     * @param wt the weights rearranged as {@code [ky][f][kx][c]} at {@code wtOff}
     * @param wtOff offset of {@code wt}
     * @param k kernel size
     * @param s stride
     * @param f output channels
     * @param dx output, {@code rows x h x w x c} at {@code dxOff} (overwritten)
     * @param dxOff offset of {@code dx}
     */
    public static void backwardInput(float[] dy, int dyOff, int rows, int h, int w, int c, float[] wt, int wtOff,
            int k, int s, int f, float[] dx, int dxOff) {
        int oh = outSize(h, k, s);
        int ow = outSize(w, k, s);
        int n = k * c;
        int iv = n - n % L;
        int rowStride = w * c;
        java.util.Arrays.fill(dx, dxOff, dxOff + rows * h * w * c, 0f);
        int d = dyOff;
        for (int r = 0; r < rows; r++) {
            int image = dxOff + r * h * w * c;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++, d += f) {
                    int xq = image + (oy * s * w + ox * s) * c;
                    for (int ky = 0; ky < k; ky++) {
                        int xr = xq + ky * rowStride;
                        int wr = wtOff + ky * f * n;
                        for (int i = 0; i < iv; i += L) {
                            FloatVector a = FloatVector.fromArray(S, dx, xr + i);
                            for (int j = 0; j < f; j++) {
                                a = a.add(FloatVector.fromArray(S, wt, wr + j * n + i).mul(dy[d + j]));
                            }
                            a.intoArray(dx, xr + i);
                        }
                        for (int i = iv; i < n; i++) {
                            float a = dx[xr + i];
                            for (int j = 0; j < f; j++) {
                                a = a + dy[d + j] * wt[wr + j * n + i];
                            }
                            dx[xr + i] = a;
                        }
                    }
                }
            }
        }
    }
}
