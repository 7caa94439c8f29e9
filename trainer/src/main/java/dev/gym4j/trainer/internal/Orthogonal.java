package dev.gym4j.trainer.internal;

import dev.gym4j.api.random.Generator;

/**
 * Orthogonal weight initialization, as {@code torch.nn.init.orthogonal_}: a matrix of standard normal draws
 * (from the seeded generator), made orthonormal by Gram-Schmidt (the Q of a QR decomposition whose R has a
 * positive diagonal), times a gain. Computed in double, stored in float.
 *
 * <p>Not thread-safe (it draws from the generator).
 */
public final class Orthogonal {

    private final Generator rng;

    /** @param rng where the normal draws come from */
    public Orthogonal(Generator rng) {
        this.rng = rng;
    }

    /**
     * Fills the {@code in x out} weights ({@code [in][out]} layout) at {@code off} so that the torch-layout
     * matrix {@code [out][in]} is orthogonal: orthonormal rows if {@code out <= in}, else orthonormal columns.
     */
    public void fill(float[] p, int off, int in, int out, double gain) {
        // torch draws a (out x in) matrix; orthonormalize along the longer side.
        int rows = out;
        int cols = in;
        double[][] a = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                a[r][c] = rng.standardNormal();
            }
        }
        boolean transposed = rows < cols;
        double[][] m = transposed ? transpose(a) : a; // tall: m has at least as many rows as columns
        int n = m.length;
        int k = m[0].length;
        // Modified Gram-Schmidt on the k columns of the n x k matrix m.
        for (int j = 0; j < k; j++) {
            for (int prev = 0; prev < j; prev++) {
                double dot = 0;
                for (int r = 0; r < n; r++) {
                    dot += m[r][prev] * m[r][j];
                }
                for (int r = 0; r < n; r++) {
                    m[r][j] -= dot * m[r][prev];
                }
            }
            double norm = 0;
            for (int r = 0; r < n; r++) {
                norm += m[r][j] * m[r][j];
            }
            norm = Math.sqrt(norm);
            for (int r = 0; r < n; r++) {
                m[r][j] = norm == 0 ? 0 : m[r][j] / norm;
            }
        }
        double[][] q = transposed ? transpose(m) : m; // back to out x in
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                p[off + i * out + o] = (float) (gain * q[o][i]);
            }
        }
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a[0].length; c++) {
                t[c][r] = a[r][c];
            }
        }
        return t;
    }
}
