package dev.gym4j.api.wrappers;

import dev.gym4j.api.Env;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.Space;
import java.util.Arrays;

/**
 * A wrapper that normalizes each element of a float {@code Box} observation to roughly zero mean and unit
 * variance with running statistics, as Gymnasium's {@code NormalizeObservation}.
 *
 * <p>Each observation (on reset and on step) first updates the running mean and variance, unless
 * {@link #setUpdateRunningMean(boolean) updating} is off, then is returned as
 * {@code (obs - mean) / sqrt(var + epsilon)}. The statistics follow Gymnasium's {@code RunningMeanStd}:
 * mean 0, variance 1 and count {@code 1e-4} at the start, and the parallel (Chan et al.) update with a
 * batch of one observation, so after many observations the mean is the observations' mean and the
 * variance their population variance, both pulled slightly towards the start values.
 *
 * <p>For a float32 observation the statistics are float32 and every operation is done in float32, as
 * NumPy does, so the output is bit for bit Gymnasium's. A float64 observation is normalized in float64
 * and returned as float64, where Gymnasium would return float32 (see the observation space).
 *
 * <p>The observation space is a Box of the env's shape with bounds {@code -inf} and {@code +inf} and the
 * env's dtype (Gymnasium always declares float32 here). The statistics are the wrapper's state: they are
 * not reset by {@link #reset} and are not seeded.
 *
 * <p>Thread safety: not thread-safe, like the env it wraps.
 *
 * @param <O> the observation type: {@code float[]} or {@code double[]}
 * @param <A> the action type
 */
public class NormalizeObservation<O, A> extends ObservationWrapper<O, O, A> {

    /** The count the running statistics start from, as Gymnasium's {@code RunningMeanStd}. */
    static final double INITIAL_COUNT = 1e-4;

    private final Box<O> observationSpace;
    private final boolean float32;
    private final double epsilon;
    private final float[] mean32;
    private final float[] var32;
    private final double[] mean64;
    private final double[] var64;
    private double count = INITIAL_COUNT;
    private boolean updateRunningMean = true;

    /**
     * Wraps {@code env} with {@code epsilon = 1e-8}.
     *
     * @param env an env with a float32 or float64 Box observation space; not null
     * @throws InvalidArgumentException if the observation space is not a float Box
     */
    public NormalizeObservation(Env<O, A> env) {
        this(env, 1e-8);
    }

    /**
     * @param env an env with a float32 or float64 Box observation space; not null
     * @param epsilon added to the variance before the square root, for numerical stability
     * @throws InvalidArgumentException if the observation space is not a float Box or {@code epsilon} is
     *     negative or NaN
     */
    public NormalizeObservation(Env<O, A> env, double epsilon) {
        super(env);
        Box<O> box = BoxSupport.requireBox(env.observationSpace(), "NormalizeObservation", "observation");
        BoxSupport.requireFloat(box, "NormalizeObservation", "observation");
        if (!(epsilon >= 0)) {
            throw new InvalidArgumentException("epsilon must be a non-negative number, got " + epsilon);
        }
        this.epsilon = epsilon;
        this.float32 = box.dtype() == DType.FLOAT32;
        int n = box.size();
        mean32 = float32 ? new float[n] : null;
        var32 = float32 ? filled(n) : null;
        mean64 = float32 ? null : new double[n];
        var64 = float32 ? null : new double[n];
        if (!float32) {
            Arrays.fill(var64, 1.0);
        }
        this.observationSpace = BoxSupport.unbounded(box);
    }

    private static float[] filled(int n) {
        float[] a = new float[n];
        Arrays.fill(a, 1f);
        return a;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected O observation(O observation) {
        if (float32) {
            float[] x = (float[]) observation;
            if (updateRunningMean) {
                update32(x);
            }
            float eps = (float) epsilon;
            float[] out = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                out[i] = (x[i] - mean32[i]) / (float) Math.sqrt(var32[i] + eps);
            }
            return (O) out;
        }
        double[] x = (double[]) observation;
        if (updateRunningMean) {
            update64(x);
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (x[i] - mean64[i]) / Math.sqrt(var64[i] + epsilon);
        }
        return (O) out;
    }

    /**
     * Gymnasium's {@code update_mean_var_count_from_moments} with a batch of one, in float32: NumPy turns
     * the Python-float count into float32 for each array operation and evaluates left to right.
     */
    private void update32(float[] x) {
        double total = count + 1;
        float countF = (float) count;
        float totalF = (float) total;
        for (int i = 0; i < x.length; i++) {
            float batchDeviation = x[i] - x[i];
            float batchVar = batchDeviation * batchDeviation;
            float delta = x[i] - mean32[i];
            float m2 = var32[i] * countF + batchVar + delta * delta * countF / totalF;
            mean32[i] = mean32[i] + delta / totalF;
            var32[i] = m2 / totalF;
        }
        count = total;
    }

    private void update64(double[] x) {
        double total = count + 1;
        for (int i = 0; i < x.length; i++) {
            double batchDeviation = x[i] - x[i];
            double batchVar = batchDeviation * batchDeviation;
            double delta = x[i] - mean64[i];
            double m2 = var64[i] * count + batchVar + delta * delta * count / total;
            mean64[i] = mean64[i] + delta / total;
            var64[i] = m2 / total;
        }
        count = total;
    }

    /** @return a Box of the env's shape and dtype with infinite bounds */
    @Override
    public Space<O> observationSpace() {
        return observationSpace;
    }

    /** @return whether observations update the running statistics (initially true) */
    public boolean updateRunningMean() {
        return updateRunningMean;
    }

    /**
     * Turns updating the statistics on or off, for example off to evaluate a trained policy.
     *
     * @param update whether observations update the running statistics
     */
    public void setUpdateRunningMean(boolean update) {
        this.updateRunningMean = update;
    }

    /** @return a copy of the running mean, one value per observation element */
    public double[] mean() {
        return float32 ? widen(mean32) : mean64.clone();
    }

    /** @return a copy of the running (population) variance, one value per observation element */
    public double[] var() {
        return float32 ? widen(var32) : var64.clone();
    }

    /** @return the running count: {@code 1e-4} plus the number of observations seen while updating */
    public double count() {
        return count;
    }

    private static double[] widen(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }
}
