package dev.gym4j.policy.internal;

import dev.gym4j.api.random.Generator;
import dev.gym4j.policy.PolicyException;

/**
 * The action distributions of {@code gym4j.policy.v1}, on flat row-major float arrays, computed in double
 * precision. Sampling draws in row-major order so that NumPy reproduces it: a categorical row takes one
 * {@code random()} and picks the first index whose cumulative probability exceeds it
 * ({@code searchsorted(cumsum(softmax(logits)), u, side="right")}); a Gaussian takes one
 * {@code standardNormal()} per element.
 *
 * <p>Thread-safe: stateless (the generator is the caller's).
 */
public final class Distributions {

    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private Distributions() {
    }

    /**
     * One categorical choice per row segment.
     *
     * @param logits the logits; row {@code r}'s segment starts at {@code r * stride + offset}
     * @param rows the number of rows
     * @param stride elements per row of {@code logits}
     * @param offset where the segment starts within a row
     * @param n the segment's length (the number of categories)
     * @param generator the random source, or {@code null} for the argmax
     * @param choices out: the chosen index of row {@code r} goes to {@code choices[r * choiceStride + choiceOffset]}
     * @param choiceStride elements per row of {@code choices}
     * @param choiceOffset where the row's choice goes
     * @param base added to each chosen index (the space's {@code start})
     * @param logProbs out: row {@code r}'s log-probability of its choice is added to {@code logProbs[r]}
     */
    public static void categorical(float[] logits, int rows, int stride, int offset, int n, Generator generator,
            long[] choices, int choiceStride, int choiceOffset, long base, double[] logProbs) {
        for (int r = 0; r < rows; r++) {
            int from = r * stride + offset;
            double max = Double.NEGATIVE_INFINITY;
            int argmax = 0;
            for (int j = 0; j < n; j++) {
                float l = logits[from + j];
                if (!Float.isFinite(l) && !(l == Float.NEGATIVE_INFINITY)) {
                    throw new PolicyException("the model produced a non-finite logit (" + l + ") for row " + r
                            + ": expected finite logits (masked ones may be -inf)");
                }
                if (l > max) {
                    max = l;
                    argmax = j;
                }
            }
            if (max == Double.NEGATIVE_INFINITY) {
                throw new PolicyException("the model produced only -inf logits for row " + r + ": no action is possible");
            }
            double sum = 0.0;
            for (int j = 0; j < n; j++) {
                sum += Math.exp(logits[from + j] - max);
            }
            int choice = argmax;
            if (generator != null) {
                double u = generator.random();
                double cumulative = 0.0;
                choice = n - 1;
                for (int j = 0; j < n; j++) {
                    cumulative += Math.exp(logits[from + j] - max) / sum;
                    if (cumulative > u) {
                        choice = j;
                        break;
                    }
                }
                // The cumulative sum may fall short of 1 by rounding: never pick a zero-probability tail.
                while (logits[from + choice] == Float.NEGATIVE_INFINITY && choice > 0) {
                    choice--;
                }
            }
            choices[r * choiceStride + choiceOffset] = base + choice;
            logProbs[r] += (logits[from + choice] - max) - Math.log(sum);
        }
    }

    /**
     * Diagonal Gaussian actions: {@code mean + exp(logStd) * eps}, {@code eps ~ N(0, 1)} drawn row-major, or the
     * mean when {@code generator} is null.
     *
     * @param mean {@code rows * k} means
     * @param logStd {@code rows * k} or {@code k} (shared by every row) log standard deviations
     * @param rows rows
     * @param k elements per row
     * @param generator the random source, or {@code null} for the mean
     * @param actions out: {@code rows * k} actions
     * @param logProbs out: each row's log-density of its action (summed over elements)
     */
    public static void diagGaussian(float[] mean, float[] logStd, int rows, int k, Generator generator,
            double[] actions, double[] logProbs) {
        boolean shared = logStd.length == k;
        double[] eps = new double[rows * k];
        if (generator != null) {
            generator.standardNormal(eps);
        }
        for (int r = 0; r < rows; r++) {
            double lp = 0.0;
            for (int j = 0; j < k; j++) {
                int i = r * k + j;
                double m = mean[i];
                double ls = logStd[shared ? j : i];
                if (!Double.isFinite(m) || !Double.isFinite(ls)) {
                    throw new PolicyException("the model produced a non-finite mean (" + m + ") or log_std (" + ls
                            + ") for row " + r + ": expected finite values");
                }
                actions[i] = m + Math.exp(ls) * eps[i];
                lp += -0.5 * eps[i] * eps[i] - ls - HALF_LOG_2PI;
            }
            logProbs[r] = lp;
        }
    }
}
