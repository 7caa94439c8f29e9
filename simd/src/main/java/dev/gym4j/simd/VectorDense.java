package dev.gym4j.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A fully connected layer's forward and backward passes over a batch of rows, and tanh, on the Vector API.
 * Call only when {@link Simd#available()}. Allocation-free once C2 has compiled them (the vectors then live in
 * registers; interpreted or C1-compiled Vector API code boxes them, for the first second or so of a run). Every
 * array is flat and row-major, addressed by offsets; weights are {@code [in][out]}.
 *
 * <p>The lanes run across independent outputs, never across the terms of one sum, and no multiply-add is
 * fused: every output is the same sequence of float multiplications and additions, in the same order, as the
 * plain triple loop (bias first, then input 0, 1, ...; gradients row 0, 1, ...). The results are therefore the
 * same bits as the trainer's scalar kernels, with or without the incubator module, on any CPU. Thread-safe
 * (stateless); calls on disjoint output arrays may run concurrently.
 */
public final class VectorDense {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorDense() {
    }

    /**
     * {@code y[r] = b + x[r] W} for each row {@code r}.
     *
     * @param x input, {@code rows x in} at {@code xOff}
     * @param rows number of rows
     * @param in input width
     * @param p parameters holding {@code W} ({@code in x out}) at {@code wOff} and {@code b} at {@code bOff}
     * @param out output width
     * @param y output, {@code rows x out} at {@code yOff} (overwritten)
     */
    public static void forward(float[] x, int xOff, int rows, int in, float[] p, int wOff, int bOff, int out,
            float[] y, int yOff) {
        int jv = out - out % L;
        int r = 0;
        // four rows share each weight load; four accumulators per output block stay in registers over the inputs
        for (; r + 3 < rows; r += 4) {
            int x0 = xOff + r * in;
            int y0 = yOff + r * out;
            for (int j = 0; j < jv; j += L) {
                FloatVector b = FloatVector.fromArray(S, p, bOff + j);
                FloatVector c0 = b;
                FloatVector c1 = b;
                FloatVector c2 = b;
                FloatVector c3 = b;
                for (int i = 0; i < in; i++) {
                    FloatVector q = FloatVector.fromArray(S, p, wOff + i * out + j);
                    c0 = c0.add(q.mul(x[x0 + i]));
                    c1 = c1.add(q.mul(x[x0 + in + i]));
                    c2 = c2.add(q.mul(x[x0 + 2 * in + i]));
                    c3 = c3.add(q.mul(x[x0 + 3 * in + i]));
                }
                c0.intoArray(y, y0 + j);
                c1.intoArray(y, y0 + out + j);
                c2.intoArray(y, y0 + 2 * out + j);
                c3.intoArray(y, y0 + 3 * out + j);
            }
        }
        for (; r < rows; r++) {
            int xo = xOff + r * in;
            int yo = yOff + r * out;
            for (int j = 0; j < jv; j += L) {
                FloatVector c = FloatVector.fromArray(S, p, bOff + j);
                for (int i = 0; i < in; i++) {
                    c = c.add(FloatVector.fromArray(S, p, wOff + i * out + j).mul(x[xo + i]));
                }
                c.intoArray(y, yo + j);
            }
        }
        if (jv < out) {
            forwardTail(x, xOff, rows, in, p, wOff, bOff, out, y, yOff, jv);
        }
    }

    /** The outputs {@code [j0, out)} of every row, one scalar sum each. */
    private static void forwardTail(float[] x, int xOff, int rows, int in, float[] p, int wOff, int bOff, int out,
            float[] y, int yOff, int j0) {
        for (int r = 0; r < rows; r++) {
            int xo = xOff + r * in;
            for (int j = j0; j < out; j++) {
                float s = p[bOff + j];
                for (int i = 0; i < in; i++) {
                    s = s + x[xo + i] * p[wOff + i * out + j];
                }
                y[yOff + r * out + j] = s;
            }
        }
    }

    /**
     * Accumulates the parameter gradients of a layer: {@code dW += x^T dy}, {@code db += sum of dy rows}, each
     * element's sum taken over the rows in order.
     *
     * @param x the layer's input, {@code rows x in} at {@code xOff}
     * @param rows number of rows
     * @param in input width
     * @param dy gradient of the loss with respect to the layer's output, {@code rows x out} at {@code dyOff}
     * @param out output width
     * @param g gradients, {@code dW} at {@code gwOff} and {@code db} at {@code gbOff} (accumulated into)
     */
    public static void backwardParams(float[] x, int xOff, int rows, int in, float[] dy, int dyOff, int out,
            float[] g, int gwOff, int gbOff) {
        int jv = out - out % L;
        for (int j = 0; j < jv; j += L) {
            int i = 0;
            // four weight rows share each gradient load
            for (; i + 3 < in; i += 4) {
                int w = gwOff + i * out + j;
                FloatVector c0 = FloatVector.fromArray(S, g, w);
                FloatVector c1 = FloatVector.fromArray(S, g, w + out);
                FloatVector c2 = FloatVector.fromArray(S, g, w + 2 * out);
                FloatVector c3 = FloatVector.fromArray(S, g, w + 3 * out);
                for (int r = 0; r < rows; r++) {
                    FloatVector e = FloatVector.fromArray(S, dy, dyOff + r * out + j);
                    int xo = xOff + r * in + i;
                    c0 = c0.add(e.mul(x[xo]));
                    c1 = c1.add(e.mul(x[xo + 1]));
                    c2 = c2.add(e.mul(x[xo + 2]));
                    c3 = c3.add(e.mul(x[xo + 3]));
                }
                c0.intoArray(g, w);
                c1.intoArray(g, w + out);
                c2.intoArray(g, w + 2 * out);
                c3.intoArray(g, w + 3 * out);
            }
            for (; i < in; i++) {
                int w = gwOff + i * out + j;
                FloatVector c = FloatVector.fromArray(S, g, w);
                for (int r = 0; r < rows; r++) {
                    c = c.add(FloatVector.fromArray(S, dy, dyOff + r * out + j).mul(x[xOff + r * in + i]));
                }
                c.intoArray(g, w);
            }
            FloatVector b = FloatVector.fromArray(S, g, gbOff + j);
            for (int r = 0; r < rows; r++) {
                b = b.add(FloatVector.fromArray(S, dy, dyOff + r * out + j));
            }
            b.intoArray(g, gbOff + j);
        }
        if (jv < out) {
            // the outputs past the last full vector (a policy or value head of 1 or 2): row by row, so that x is
            // read in order (reading it by column missed the cache); each element's sum still runs over the rows
            for (int r = 0; r < rows; r++) {
                int xo = xOff + r * in;
                int d = dyOff + r * out;
                for (int i = 0; i < in; i++) {
                    float a = x[xo + i];
                    int gi = gwOff + i * out;
                    for (int j = jv; j < out; j++) {
                        g[gi + j] = g[gi + j] + a * dy[d + j];
                    }
                }
                for (int j = jv; j < out; j++) {
                    g[gbOff + j] = g[gbOff + j] + dy[d + j];
                }
            }
        }
    }

    /**
     * The gradient with respect to the layer's input, {@code dx = dy W^T}, from the transposed weights; each
     * element's sum starts at zero and runs over the outputs in order.
     *
     * @param dy gradient of the output, {@code rows x out} at {@code dyOff}
     * @param rows number of rows
     * @param out output width
     * @param wt the transposed weights {@code out x in} at {@code wtOff}
     * @param in input width
     * @param dx output, {@code rows x in} at {@code dxOff} (overwritten)
     */
    public static void backwardInput(float[] dy, int dyOff, int rows, int out, float[] wt, int wtOff, int in,
            float[] dx, int dxOff) {
        int iv = in - in % L;
        int r = 0;
        for (; r + 3 < rows; r += 4) {
            int d0 = dyOff + r * out;
            int x0 = dxOff + r * in;
            for (int i = 0; i < iv; i += L) {
                FloatVector c0 = FloatVector.zero(S);
                FloatVector c1 = c0;
                FloatVector c2 = c0;
                FloatVector c3 = c0;
                for (int j = 0; j < out; j++) {
                    FloatVector q = FloatVector.fromArray(S, wt, wtOff + j * in + i);
                    c0 = c0.add(q.mul(dy[d0 + j]));
                    c1 = c1.add(q.mul(dy[d0 + out + j]));
                    c2 = c2.add(q.mul(dy[d0 + 2 * out + j]));
                    c3 = c3.add(q.mul(dy[d0 + 3 * out + j]));
                }
                c0.intoArray(dx, x0 + i);
                c1.intoArray(dx, x0 + in + i);
                c2.intoArray(dx, x0 + 2 * in + i);
                c3.intoArray(dx, x0 + 3 * in + i);
            }
        }
        for (; r < rows; r++) {
            int d = dyOff + r * out;
            int xo = dxOff + r * in;
            for (int i = 0; i < iv; i += L) {
                FloatVector c = FloatVector.zero(S);
                for (int j = 0; j < out; j++) {
                    c = c.add(FloatVector.fromArray(S, wt, wtOff + j * in + i).mul(dy[d + j]));
                }
                c.intoArray(dx, xo + i);
            }
        }
        if (iv < in) {
            for (int rr = 0; rr < rows; rr++) {
                int d = dyOff + rr * out;
                for (int i = iv; i < in; i++) {
                    float s = 0f;
                    for (int j = 0; j < out; j++) {
                        s = s + dy[d + j] * wt[wtOff + j * in + i];
                    }
                    dx[dxOff + rr * in + i] = s;
                }
            }
        }
    }

    /**
     * Applies the trainer's rational tanh in place to {@code n} values at {@code off}: with {@code v} the value
     * clamped to {@code [-clamp, clamp]}, {@code v * P(v^2) / Q(v^2)}, Horner's rule on the given coefficients.
     *
     * @param a the values
     * @param off first value
     * @param n number of values
     * @param clamp the clamp bound
     * @param num the 7 odd numerator coefficients, highest power first ({@code A13 ... A1})
     * @param den the 4 even denominator coefficients, highest power first ({@code B6 ... B0})
     * @throws IllegalArgumentException if there are not 7 and 4 coefficients
     */
    public static void tanhInPlace(float[] a, int off, int n, float clamp, float[] num, float[] den) {
        if (num.length != 7 || den.length != 4) {
            throw new IllegalArgumentException("tanh needs 7 numerator and 4 denominator coefficients, got "
                    + num.length + " and " + den.length);
        }
        int end = off + n;
        int k = off;
        if (n >= L) {
            // constants broadcast once into locals: the loop body is plain vector arithmetic C2 keeps in registers
            FloatVector hi = FloatVector.broadcast(S, clamp);
            FloatVector lo = FloatVector.broadcast(S, -clamp);
            FloatVector n0 = FloatVector.broadcast(S, num[0]);
            FloatVector n1 = FloatVector.broadcast(S, num[1]);
            FloatVector n2 = FloatVector.broadcast(S, num[2]);
            FloatVector n3 = FloatVector.broadcast(S, num[3]);
            FloatVector n4 = FloatVector.broadcast(S, num[4]);
            FloatVector n5 = FloatVector.broadcast(S, num[5]);
            FloatVector n6 = FloatVector.broadcast(S, num[6]);
            FloatVector e0 = FloatVector.broadcast(S, den[0]);
            FloatVector e1 = FloatVector.broadcast(S, den[1]);
            FloatVector e2 = FloatVector.broadcast(S, den[2]);
            FloatVector e3 = FloatVector.broadcast(S, den[3]);
            for (; k + L <= end; k += L) {
                FloatVector v = FloatVector.fromArray(S, a, k).min(hi).max(lo);
                FloatVector x2 = v.mul(v);
                FloatVector pn = n0.mul(x2).add(n1).mul(x2).add(n2).mul(x2).add(n3).mul(x2).add(n4).mul(x2).add(n5)
                        .mul(x2).add(n6).mul(v);
                FloatVector q = e0.mul(x2).add(e1).mul(x2).add(e2).mul(x2).add(e3);
                pn.div(q).intoArray(a, k);
            }
        }
        for (; k < end; k++) {
            float v = Math.max(-clamp, Math.min(clamp, a[k]));
            float x2 = v * v;
            float pn = num[0];
            for (int c = 1; c < num.length; c++) {
                pn = pn * x2 + num[c];
            }
            pn = pn * v;
            float q = den[0];
            for (int c = 1; c < den.length; c++) {
                q = q * x2 + den[c];
            }
            a[k] = pn / q;
        }
    }

    /**
     * {@code dh = dh * (1 - h^2)}, the gradient through tanh given its output {@code h}; in place on {@code dh}.
     */
    public static void tanhBackward(float[] h, int hOff, float[] dh, int dhOff, int n) {
        int k = 0;
        for (; k + L <= n; k += L) {
            FloatVector v = FloatVector.fromArray(S, h, hOff + k);
            FloatVector d = FloatVector.fromArray(S, dh, dhOff + k);
            d.mul(FloatVector.broadcast(S, 1f).sub(v.mul(v))).intoArray(dh, dhOff + k);
        }
        for (; k < n; k++) {
            float v = h[hOff + k];
            dh[dhOff + k] = dh[dhOff + k] * (1f - v * v);
        }
    }
}
