package dev.gym4j.trainer.internal;

/**
 * A running mean and variance over batches (parallel algorithm of Chan et al., as Gymnasium's
 * {@code RunningMeanStd}), starting from count {@code 1e-4}. In double. Not thread-safe.
 */
public final class RunningMeanStd {

    private final double[] mean;
    private final double[] var;
    private double count = 1e-4;

    /** @param size number of elements */
    public RunningMeanStd(int size) {
        mean = new double[size];
        var = new double[size];
        java.util.Arrays.fill(var, 1.0);
    }

    /** Adds {@code rows} rows of {@code size()} floats at {@code off}. */
    public void update(float[] x, int off, int rows) {
        int n = mean.length;
        if (rows == 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int r = 0; r < rows; r++) {
                s += x[off + r * n + i];
            }
            double bMean = s / rows;
            double sq = 0;
            for (int r = 0; r < rows; r++) {
                double d = x[off + r * n + i] - bMean;
                sq += d * d;
            }
            double bVar = sq / rows;
            double delta = bMean - mean[i];
            double total = count + rows;
            double newMean = mean[i] + delta * rows / total;
            double m2 = var[i] * count + bVar * rows + delta * delta * count * rows / total;
            mean[i] = newMean;
            var[i] = m2 / total;
        }
        count += rows;
    }

    /** Adds one value (size 1). */
    public void update(double x) {
        double delta = x - mean[0];
        double total = count + 1;
        mean[0] += delta / total;
        var[0] = (var[0] * count + delta * delta * count / total) / total;
        count = total;
    }

    /** @return the element count */
    public int size() {
        return mean.length;
    }

    /** @return the means (live) */
    public double[] mean() {
        return mean;
    }

    /** @return the variances (live) */
    public double[] var() {
        return var;
    }

    /** @return the number of samples seen (plus 1e-4) */
    public double count() {
        return count;
    }

    /** Restores a saved state. */
    public void restore(double[] m, double[] v, double c) {
        System.arraycopy(m, 0, mean, 0, mean.length);
        System.arraycopy(v, 0, var, 0, var.length);
        count = c;
    }
}
