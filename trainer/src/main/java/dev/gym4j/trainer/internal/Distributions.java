package dev.gym4j.trainer.internal;

import dev.gym4j.api.random.Generator;

/**
 * The action distributions of the two heads: sampling, log-probability, entropy and their gradients with respect
 * to the network outputs. All math in double through {@link StrictMath}, so the same bits on every JVM.
 * Stateless and thread-safe; the generators passed in are not.
 */
public final class Distributions {

    /** {@code 0.5 * log(2 pi)}. */
    static final double HALF_LOG_2PI = 0.5 * StrictMath.log(2 * Math.PI);

    private Distributions() {
    }

    /**
     * Samples (or takes the argmax of) each categorical segment.
     *
     * @param logits the row's logits at {@code off}
     * @param nvec categories per dimension
     * @param rng the generator (one uniform per dimension), unused when deterministic
     * @param out chosen indices, one per dimension, at {@code outOff}
     * @return the log-probability of the chosen actions
     */
    public static double sampleCategorical(float[] logits, int off, int[] nvec, boolean deterministic,
            Generator rng, int[] out, int outOff) {
        double logp = 0;
        int o = off;
        for (int d = 0; d < nvec.length; d++) {
            int n = nvec[d];
            double lse = logSumExp(logits, o, n);
            int chosen;
            if (deterministic) {
                chosen = 0;
                for (int j = 1; j < n; j++) {
                    if (logits[o + j] > logits[o + chosen]) {
                        chosen = j;
                    }
                }
            } else {
                double u = rng.random();
                double cum = 0;
                chosen = n - 1;
                for (int j = 0; j < n; j++) {
                    cum += StrictMath.exp(logits[o + j] - lse);
                    if (u < cum) {
                        chosen = j;
                        break;
                    }
                }
            }
            out[outOff + d] = chosen;
            logp += logits[o + chosen] - lse;
            o += n;
        }
        return logp;
    }

    static double logSumExp(float[] z, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, z[off + j]);
        }
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += StrictMath.exp(z[off + j] - max);
        }
        return max + StrictMath.log(s);
    }

    /**
     * Log-probability and entropy of categorical actions, and the gradient of
     * {@code gLogp * logprob + gEnt * entropy} with respect to the logits.
     *
     * @param logits the row's logits at {@code off}
     * @param nvec categories per dimension
     * @param actions chosen index per dimension at {@code aOff}
     * @param dLogits where the gradient goes (overwritten), same layout as {@code logits}; null to skip
     * @param result {@code [logprob, entropy]}
     */
    public static void categorical(float[] logits, int off, int[] nvec, float[] actions, int aOff, double gLogp,
            double gEnt, float[] dLogits, double[] result) {
        double logp = 0;
        double entropy = 0;
        int o = off;
        for (int d = 0; d < nvec.length; d++) {
            int n = nvec[d];
            int a = (int) actions[aOff + d];
            double lse = logSumExp(logits, o, n);
            double h = 0;
            for (int j = 0; j < n; j++) {
                double lp = logits[o + j] - lse;
                h -= StrictMath.exp(lp) * lp;
            }
            if (dLogits != null) {
                for (int j = 0; j < n; j++) {
                    double lp = logits[o + j] - lse;
                    double p = StrictMath.exp(lp);
                    double g = gLogp * ((j == a ? 1 : 0) - p) - gEnt * p * (lp + h);
                    dLogits[o + j] = (float) g;
                }
            }
            logp += logits[o + a] - lse;
            entropy += h;
            o += n;
        }
        result[0] = logp;
        result[1] = entropy;
    }

    /**
     * Samples (or takes the mean of) a diagonal Gaussian.
     *
     * @param mean the row's means at {@code off}
     * @param logStd log-std per dimension at {@code lsOff}
     * @param k dimensions
     * @param out the raw (unclipped) action at {@code outOff}
     * @return its log-probability
     */
    public static double sampleGaussian(float[] mean, int off, float[] logStd, int lsOff, int k, boolean deterministic,
            Generator rng, float[] out, int outOff) {
        double logp = 0;
        for (int j = 0; j < k; j++) {
            double ls = logStd[lsOff + j];
            float a = deterministic ? mean[off + j]
                    : (float) (mean[off + j] + StrictMath.exp(ls) * rng.standardNormal());
            out[outOff + j] = a;
            double diff = a - mean[off + j];
            logp += -diff * diff / (2 * StrictMath.exp(2 * ls)) - ls - HALF_LOG_2PI;
        }
        return logp;
    }

    /**
     * Log-probability and entropy of a diagonal Gaussian, and the gradients of
     * {@code gLogp * logprob + gEnt * entropy} with respect to the means (overwritten into {@code dMean}) and the
     * log-stds (accumulated into {@code dLogStd}).
     */
    public static void gaussian(float[] mean, int off, float[] logStd, int lsOff, int k, float[] actions, int aOff,
            double gLogp, double gEnt, float[] dMean, float[] dLogStd, int dlsOff, double[] result) {
        double logp = 0;
        double entropy = 0;
        for (int j = 0; j < k; j++) {
            double ls = logStd[lsOff + j];
            double var = StrictMath.exp(2 * ls);
            double diff = actions[aOff + j] - mean[off + j];
            logp += -diff * diff / (2 * var) - ls - HALF_LOG_2PI;
            entropy += 0.5 + HALF_LOG_2PI + ls;
            if (dMean != null) {
                dMean[off + j] = (float) (gLogp * diff / var);
                dLogStd[dlsOff + j] += (float) (gLogp * (diff * diff / var - 1) + gEnt);
            }
        }
        result[0] = logp;
        result[1] = entropy;
    }
}
