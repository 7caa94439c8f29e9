package dev.gym4j.api.vector;

import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.spaces.Box;
import java.util.Map;

/**
 * Normalizes observations to zero mean and unit variance with running statistics over every batch, as
 * Gymnasium's vector {@code NormalizeObservation}: {@code (obs - mean) / sqrt(var + epsilon)}, per
 * element, with the statistics updated from each batch (reset batches included) before normalizing.
 *
 * <p>Works on float32 and float64 {@code Box} observations. The statistics are kept in float64 (NumPy
 * keeps them in the observation dtype, so float32 results can differ in the last bits). The normalized
 * batch is a buffer of the wrapper's, overwritten on every call; the wrapped env's observations are
 * left as they were ({@code final_obs} in a {@link AutoresetMode#SAME_STEP} info is not normalized, as
 * in Gymnasium). Allocates nothing per step. Thread safety: not thread-safe.
 *
 * @param <O> the batched observation type, {@code float[]} or {@code double[]}
 * @param <A> the batched action type
 */
public final class NormalizeObservation<O, A> extends VectorWrapper<O, A> {

    private final double epsilon;
    private final int rowSize;
    private final double[] mean;
    private final double[] var;
    private final double[] batchMean;
    private final double[] batchVar;
    private double count = 1e-4;
    private boolean updateRunningMean = true;
    private final O normalized;
    private VectorBatch<?> lastInner;
    private VectorBatch<O> out;

    /** @param env a vector env with a float32 or float64 {@code Box} observation space; epsilon 1e-8 */
    public NormalizeObservation(VectorEnv<O, A> env) {
        this(env, 1e-8);
    }

    /**
     * @param env a vector env with a float32 or float64 {@code Box} observation space
     * @param epsilon added to the variance before the square root
     * @throws InvalidArgumentException for any other observation space
     */
    @SuppressWarnings("unchecked")
    public NormalizeObservation(VectorEnv<O, A> env, double epsilon) {
        super(env);
        if (!(env.singleObservationSpace() instanceof Box<?> single) || !single.dtype().isFloat()) {
            throw new InvalidArgumentException("NormalizeObservation needs a float32 or float64 Box observation space, got "
                    + env.singleObservationSpace());
        }
        this.epsilon = epsilon;
        this.rowSize = single.size();
        mean = new double[rowSize];
        var = new double[rowSize];
        java.util.Arrays.fill(var, 1.0);
        batchMean = new double[rowSize];
        batchVar = new double[rowSize];
        int total = rowSize * env.numEnvs();
        normalized = (O) (single.dtype() == dev.gym4j.api.spaces.DType.FLOAT32 ? new float[total] : new double[total]);
    }

    /** @param update whether batches still update the running statistics (turn off for evaluation) */
    public void setUpdateRunningMean(boolean update) {
        this.updateRunningMean = update;
    }

    /** @return a copy of the running mean, one value per observation element */
    public double[] mean() {
        return mean.clone();
    }

    /** @return a copy of the running variance, one value per observation element */
    public double[] var() {
        return var.clone();
    }

    @Override
    public VectorBatch<O> reset(Long seed, Map<String, ?> options) {
        return normalize(env.reset(seed, options));
    }

    @Override
    public VectorBatch<O> step(A actions) {
        return normalize(env.step(actions));
    }

    private VectorBatch<O> normalize(VectorBatch<O> inner) {
        int rows = inner.size();
        Object obs = inner.observations();
        if (updateRunningMean) {
            update(obs, rows);
        }
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < rowSize; k++) {
                int i = r * rowSize + k;
                double x = obs instanceof float[] f ? f[i] : ((double[]) obs)[i];
                double z = (x - mean[k]) / Math.sqrt(var[k] + epsilon);
                if (normalized instanceof float[] f) {
                    f[i] = (float) z;
                } else {
                    ((double[]) normalized)[i] = z;
                }
            }
        }
        if (lastInner != inner) {
            out = VectorBatch.sharing(inner, normalized);
            lastInner = inner;
        }
        out.invalidateFrom(inner);
        return out;
    }

    /** Chan et al.'s parallel update, as Gymnasium's {@code RunningMeanStd.update}. */
    private void update(Object obs, int rows) {
        java.util.Arrays.fill(batchMean, 0);
        java.util.Arrays.fill(batchVar, 0);
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < rowSize; k++) {
                batchMean[k] += value(obs, r * rowSize + k);
            }
        }
        for (int k = 0; k < rowSize; k++) {
            batchMean[k] /= rows;
        }
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < rowSize; k++) {
                double d = value(obs, r * rowSize + k) - batchMean[k];
                batchVar[k] += d * d;
            }
        }
        double total = count + rows;
        for (int k = 0; k < rowSize; k++) {
            double bv = batchVar[k] / rows;
            double delta = batchMean[k] - mean[k];
            double m2 = var[k] * count + bv * rows + delta * delta * count * rows / total;
            mean[k] += delta * rows / total;
            var[k] = m2 / total;
        }
        count = total;
    }

    private static double value(Object obs, int i) {
        return obs instanceof float[] f ? f[i] : ((double[]) obs)[i];
    }
}
