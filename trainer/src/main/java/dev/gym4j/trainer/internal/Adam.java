package dev.gym4j.trainer.internal;

/**
 * Adam over a flat parameter array, as {@code torch.optim.Adam} (bias-corrected, {@code eps} added to the
 * corrected root of the second moment), with the gradient-norm clip of {@code torch.nn.utils.clip_grad_norm_}.
 * Allocation-free. Not thread-safe.
 */
public final class Adam {

    private final float[] m;
    private final float[] v;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private long step;

    /**
     * @param size number of parameters
     * @param eps added to the denominator (CleanRL: 1e-5)
     */
    public Adam(int size, double eps) {
        this(size, 0.9, 0.999, eps);
    }

    Adam(int size, double beta1, double beta2, double eps) {
        m = new float[size];
        v = new float[size];
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    /**
     * Scales the gradients so that their global L2 norm is at most {@code maxNorm}
     * ({@code coef = maxNorm / (norm + 1e-6)}, applied when below 1).
     *
     * @return the norm before clipping
     */
    public static double clipGradNorm(float[] g, double maxNorm) {
        double sq = 0;
        for (float x : g) {
            sq += (double) x * x;
        }
        double norm = Math.sqrt(sq);
        double coef = maxNorm / (norm + 1e-6);
        if (coef < 1) {
            float c = (float) coef;
            for (int i = 0; i < g.length; i++) {
                g[i] *= c;
            }
        }
        return norm;
    }

    /** One update of {@code p} with gradients {@code g} and learning rate {@code lr}. */
    public void step(float[] p, float[] g, double lr) {
        step++;
        double bc1 = 1 - StrictMath.pow(beta1, step);
        double bc2 = 1 - StrictMath.pow(beta2, step);
        float stepSize = (float) (lr / bc1);
        float bc2Sqrt = (float) Math.sqrt(bc2);
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float e = (float) eps;
        for (int i = 0; i < p.length; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + (1 - b1) * gi;
            float vi = b2 * v[i] + (1 - b2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            float denom = (float) Math.sqrt(vi) / bc2Sqrt + e;
            p[i] -= stepSize * mi / denom;
        }
    }

    /** @return the number of steps taken */
    public long steps() {
        return step;
    }

    /** @return the first moments (live) */
    public float[] firstMoment() {
        return m;
    }

    /** @return the second moments (live) */
    public float[] secondMoment() {
        return v;
    }

    /** Restores the state of a checkpoint. */
    public void restore(long steps, float[] first, float[] second) {
        if (first.length != m.length || second.length != v.length) {
            throw new IllegalArgumentException("optimizer state of " + first.length + " parameters, expected " + m.length);
        }
        step = steps;
        System.arraycopy(first, 0, m, 0, m.length);
        System.arraycopy(second, 0, v, 0, v.length);
    }
}
