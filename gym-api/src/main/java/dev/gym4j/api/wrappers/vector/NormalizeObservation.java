package dev.gym4j.api.wrappers.vector;

import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.vector.VectorBatch;
import dev.gym4j.api.vector.VectorEnv;
import dev.gym4j.api.vector.VectorWrapper;
import dev.gym4j.api.wrappers.RunningMeanStd;
import dev.gym4j.api.wrappers.RunningStatistics;
import java.util.Map;

/**
 * Normalizes observations to zero mean and unit variance with running statistics over every batch, as
 * Gymnasium's vector {@code NormalizeObservation}: {@code (obs - mean) / sqrt(var + epsilon)}, per
 * element, with the statistics updated from each batch (reset batches included) before normalizing.
 *
 * <p>Works on float32 and float64 {@code Box} observations. The statistics are a {@link RunningMeanStd}
 * in the observation dtype, as NumPy keeps them (shared with the single-env wrapper). The normalized
 * batch is a buffer of the wrapper's, overwritten on every call; the wrapped env's observations are
 * left as they were ({@code final_obs} in a {@link dev.gym4j.api.vector.AutoresetMode#SAME_STEP} info is not normalized, as
 * in Gymnasium). Allocates nothing per step. Thread safety: not thread-safe.
 *
 * @param <O> the batched observation type, {@code float[]} or {@code double[]}
 * @param <A> the batched action type
 */
public final class NormalizeObservation<O, A> extends VectorWrapper<O, A> implements RunningStatistics {

    private final double epsilon;
    private final RunningMeanStd rms;
    private final O normalized;
    private final ObservationBatchView<O> view = new ObservationBatchView<>();

    /** @param env a vector env with a float32 or float64 {@code Box} observation space; epsilon 1e-8 */
    public NormalizeObservation(VectorEnv<O, A> env) {
        this(env, 1e-8);
    }

    /**
     * @param env a vector env with a float32 or float64 {@code Box} observation space
     * @param epsilon added to the variance before the square root
     * @throws InvalidArgumentException for any other observation space, or if {@code epsilon} is negative or NaN
     */
    @SuppressWarnings("unchecked")
    public NormalizeObservation(VectorEnv<O, A> env, double epsilon) {
        super(env);
        if (!(env.singleObservationSpace() instanceof Box<?> single) || !single.dtype().isFloat()) {
            throw new InvalidArgumentException("NormalizeObservation needs a float32 or float64 Box observation space, got "
                    + env.singleObservationSpace());
        }
        this.epsilon = RunningMeanStd.requireEpsilon(epsilon);
        this.rms = new RunningMeanStd(single.size(), single.dtype());
        int total = single.size() * env.numEnvs();
        normalized = (O) (single.dtype() == DType.FLOAT32 ? new float[total] : new double[total]);
    }

    @Override
    public RunningMeanStd runningMeanStd() {
        return rms;
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
        rms.update(obs, rows); // nothing while frozen (setUpdateRunningMean(false))
        rms.normalize(obs, normalized, rows, epsilon);
        return view.of(inner, normalized);
    }
}
