package dev.gym4j.api.wrappers;

import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.spaces.DType;
import java.util.Arrays;

/**
 * The running mean and (population) variance of a stream of fixed-size float vectors, as Gymnasium's
 * {@code gymnasium.wrappers.utils.RunningMeanStd}: mean 0, variance 1 and count {@code 1e-4} at the start,
 * and Chan et al.'s parallel update ({@code update_mean_var_count_from_moments}) with each batch's mean,
 * variance and row count. The single and vector {@code NormalizeObservation} wrappers share it, and a
 * trainer may use it to normalize anything else (advantages, returns).
 *
 * <p>Numerics follow NumPy for the statistics' dtype: with {@link DType#FLOAT32} the mean and variance are
 * float32 and every array operation is done in float32 (the Python-float count is turned into float32 for
 * each one, left to right, and the batch mean and variance are float32 sums divided by the row count), so a
 * float32 stream gives Gymnasium's values bit for bit; with {@link DType#FLOAT64} everything is double.
 * The count is always a double.
 *
 * <p>Updates allocate nothing. Thread safety: not thread-safe; confine an instance to one thread (or guard
 * it) while it is updated.
 */
public final class RunningMeanStd {

    /** The count the statistics start from, as Gymnasium's {@code RunningMeanStd(epsilon=1e-4)}. */
    public static final double INITIAL_COUNT = 1e-4;

    private final int size;
    private final boolean float32;
    private final float[] mean32;
    private final float[] var32;
    private final double[] mean64;
    private final double[] var64;
    private final float[] batch32;
    private final double[] batch64;
    private double count = INITIAL_COUNT;
    private boolean frozen;

    /**
     * @param size the number of elements of one vector, at least 1
     * @param dtype {@link DType#FLOAT32} or {@link DType#FLOAT64}: the dtype of the statistics and of the
     *     vectors given to {@link #update}
     * @throws InvalidArgumentException if {@code size < 1} or {@code dtype} is not a float dtype
     */
    public RunningMeanStd(int size, DType dtype) {
        if (size < 1) {
            throw new InvalidArgumentException("RunningMeanStd needs a size of at least 1, got " + size);
        }
        if (dtype != DType.FLOAT32 && dtype != DType.FLOAT64) {
            throw new InvalidArgumentException("RunningMeanStd keeps float32 or float64 statistics, got " + dtype);
        }
        this.size = size;
        this.float32 = dtype == DType.FLOAT32;
        mean32 = float32 ? new float[size] : null;
        var32 = float32 ? new float[size] : null;
        batch32 = float32 ? new float[2 * size] : null;
        mean64 = float32 ? null : new double[size];
        var64 = float32 ? null : new double[size];
        batch64 = float32 ? null : new double[2 * size];
        if (float32) {
            Arrays.fill(var32, 1f);
        } else {
            Arrays.fill(var64, 1.0);
        }
    }

    /** @return the number of elements of one vector */
    public int size() {
        return size;
    }

    /** @return the dtype of the statistics: {@code FLOAT32} or {@code FLOAT64} */
    public DType dtype() {
        return float32 ? DType.FLOAT32 : DType.FLOAT64;
    }

    /** @return whether {@link #update} leaves the statistics as they are (initially false) */
    public boolean frozen() {
        return frozen;
    }

    /**
     * Freezes or thaws the statistics, as Gymnasium's {@code NormalizeObservation.update_running_mean = False}
     * does for evaluation: while frozen, {@link #update} checks its arguments and changes nothing.
     *
     * @param frozen whether updates are ignored
     */
    public void setFrozen(boolean frozen) {
        this.frozen = frozen;
    }

    /**
     * Adds {@code rows} vectors, stored one after another in {@code batch}, as one batch (Gymnasium's
     * {@code update(x)} with {@code x} of shape {@code (rows, size)}); nothing while {@link #frozen()}.
     *
     * @param batch a {@code float[]} for float32 statistics or a {@code double[]} for float64, holding at
     *     least {@code rows * size} elements
     * @param rows the number of vectors, at least 1
     * @throws InvalidArgumentException if the array type, its length or {@code rows} does not fit
     */
    public void update(Object batch, int rows) {
        check(batch, rows);
        if (frozen) {
            return;
        }
        if (float32) {
            update32((float[]) batch, rows);
        } else {
            update64((double[]) batch, rows);
        }
    }

    /**
     * Writes {@code (x - mean) / sqrt(var + epsilon)} for each of {@code rows} vectors of {@code in} into
     * {@code out}, in the statistics' dtype (Gymnasium's {@code NormalizeObservation} output).
     *
     * @param in the vectors, as for {@link #update}
     * @param out an array of the same type and at least the same length; may be {@code in}
     * @param rows the number of vectors
     * @param epsilon added to the variance before the square root, validated by {@link #requireEpsilon}
     * @throws InvalidArgumentException if the arrays or {@code rows} do not fit, or epsilon is invalid
     */
    public void normalize(Object in, Object out, int rows, double epsilon) {
        check(in, rows);
        check(out, rows);
        requireEpsilon(epsilon);
        if (float32) {
            float[] x = (float[]) in;
            float[] z = (float[]) out;
            float eps = (float) epsilon;
            for (int r = 0, i = 0; r < rows; r++) {
                for (int k = 0; k < size; k++, i++) {
                    z[i] = (x[i] - mean32[k]) / (float) Math.sqrt(var32[k] + eps);
                }
            }
        } else {
            double[] x = (double[]) in;
            double[] z = (double[]) out;
            for (int r = 0, i = 0; r < rows; r++) {
                for (int k = 0; k < size; k++, i++) {
                    z[i] = (x[i] - mean64[k]) / Math.sqrt(var64[k] + epsilon);
                }
            }
        }
    }

    /**
     * The one check of a normalization epsilon, for every wrapper that takes one.
     *
     * @param epsilon the value to check
     * @return {@code epsilon}
     * @throws InvalidArgumentException if {@code epsilon} is negative or NaN
     */
    public static double requireEpsilon(double epsilon) {
        if (!(epsilon >= 0)) {
            throw new InvalidArgumentException("epsilon must be a non-negative number, got " + epsilon);
        }
        return epsilon;
    }

    /** @return a copy of the running mean, one value per element (float32 values widened) */
    public double[] mean() {
        return float32 ? widen(mean32) : mean64.clone();
    }

    /** @return a copy of the running population variance, one value per element (float32 values widened) */
    public double[] var() {
        return float32 ? widen(var32) : var64.clone();
    }

    /** @return the running count: {@link #INITIAL_COUNT} plus the number of vectors added */
    public double count() {
        return count;
    }

    private void update32(float[] x, int rows) {
        // Batch mean and variance as NumPy's np.mean / np.var over axis 0: float32 sums row after row,
        // divided by the row count (an intp, so the quotient is taken in double and rounded to float32).
        float[] batchMean = batch32;
        int var = size;
        for (int k = 0; k < size; k++) {
            float s = x[k];
            for (int r = 1; r < rows; r++) {
                s += x[r * size + k];
            }
            batchMean[k] = (float) ((double) s / rows);
        }
        for (int k = 0; k < size; k++) {
            float d0 = x[k] - batchMean[k];
            float s = d0 * d0;
            for (int r = 1; r < rows; r++) {
                float d = x[r * size + k] - batchMean[k];
                s += d * d;
            }
            batchMean[var + k] = (float) ((double) s / rows);
        }
        double total = count + rows;
        float countF = (float) count;
        float rowsF = rows;
        float totalF = (float) total;
        for (int k = 0; k < size; k++) {
            float delta = batchMean[k] - mean32[k];
            float m2 = var32[k] * countF + batchMean[var + k] * rowsF + delta * delta * countF * rowsF / totalF;
            mean32[k] = mean32[k] + delta * rowsF / totalF;
            var32[k] = m2 / totalF;
        }
        count = total;
    }

    private void update64(double[] x, int rows) {
        double[] batchMean = batch64;
        int var = size;
        for (int k = 0; k < size; k++) {
            double s = x[k];
            for (int r = 1; r < rows; r++) {
                s += x[r * size + k];
            }
            batchMean[k] = s / rows;
        }
        for (int k = 0; k < size; k++) {
            double d0 = x[k] - batchMean[k];
            double s = d0 * d0;
            for (int r = 1; r < rows; r++) {
                double d = x[r * size + k] - batchMean[k];
                s += d * d;
            }
            batchMean[var + k] = s / rows;
        }
        double total = count + rows;
        for (int k = 0; k < size; k++) {
            double delta = batchMean[k] - mean64[k];
            double m2 = var64[k] * count + batchMean[var + k] * rows + delta * delta * count * rows / total;
            mean64[k] = mean64[k] + delta * rows / total;
            var64[k] = m2 / total;
        }
        count = total;
    }

    private void check(Object batch, int rows) {
        if (rows < 1) {
            throw new InvalidArgumentException("RunningMeanStd needs at least one row, got " + rows);
        }
        int length;
        if (float32 && batch instanceof float[] f) {
            length = f.length;
        } else if (!float32 && batch instanceof double[] d) {
            length = d.length;
        } else {
            throw new InvalidArgumentException("RunningMeanStd with " + dtype() + " statistics takes a "
                    + (float32 ? "float[]" : "double[]") + ", got " + (batch == null ? "null" : batch.getClass().getSimpleName()));
        }
        if ((long) rows * size > length) {
            throw new InvalidArgumentException("RunningMeanStd: " + rows + " rows of " + size + " elements need "
                    + (long) rows * size + " elements, the array has " + length);
        }
    }

    private static double[] widen(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }
}
