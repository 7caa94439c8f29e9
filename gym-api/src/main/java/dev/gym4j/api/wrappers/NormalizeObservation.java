package dev.gym4j.api.wrappers;

import dev.gym4j.api.Env;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Space;

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
public final class NormalizeObservation<O, A> extends ObservationWrapper<O, O, A> implements RunningStatistics {

    /** The count the running statistics start from, as Gymnasium's {@code RunningMeanStd}. */
    static final double INITIAL_COUNT = RunningMeanStd.INITIAL_COUNT;

    private final Box<O> observationSpace;
    private final double epsilon;
    private final RunningMeanStd rms;

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
        this.epsilon = RunningMeanStd.requireEpsilon(epsilon);
        this.rms = new RunningMeanStd(box.size(), box.dtype());
        this.observationSpace = BoxSupport.unbounded(box);
    }

    /** Updates the statistics with the observation as a batch of one (Gymnasium's {@code update(np.array([obs]))}), then normalizes. */
    @Override
    @SuppressWarnings("unchecked")
    protected O observation(O observation) {
        rms.update(observation, 1); // nothing while frozen (setUpdateRunningMean(false))
        Object out = observation instanceof float[] f ? new float[f.length] : new double[((double[]) observation).length];
        rms.normalize(observation, out, 1, epsilon);
        return (O) out;
    }

    /** @return a Box of the env's shape and dtype with infinite bounds */
    @Override
    public Space<O> observationSpace() {
        return observationSpace;
    }

    @Override
    public RunningMeanStd runningMeanStd() {
        return rms;
    }

}
