package dev.gym4j.api.wrappers;

import dev.gym4j.api.Env;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.StepResult;

/**
 * A wrapper that scales rewards so that their discounted return has roughly unit variance, as Gymnasium
 * 1.x's {@code NormalizeReward}.
 *
 * <p>Each step updates the discounted return accumulator {@code g = g * gamma * (1 - terminated) + reward}
 * (reset only by termination: truncation and {@link #reset} leave it alone, as in Gymnasium), then, unless
 * {@link #setUpdateRunningMean(boolean) updating} is off, the running variance of {@code g} (Gymnasium's
 * {@code RunningMeanStd}: mean 0, variance 1, count {@code 1e-4} at the start), and returns
 * {@code reward / sqrt(var + epsilon)}. The mean is not subtracted. Everything is float64, as in Gymnasium.
 *
 * <p>Thread safety: not thread-safe, like the env it wraps.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public final class NormalizeReward<O, A> extends Wrapper<O, A, O, A> {

    private final double gamma;
    private final double epsilon;
    private double discountedReward;
    private double mean;
    private double var = 1.0;
    private double count = RunningMeanStd.INITIAL_COUNT;
    private boolean updateRunningMean = true;

    /**
     * Wraps {@code env} with {@code gamma = 0.99} and {@code epsilon = 1e-8}.
     *
     * @param env the env to wrap; not null
     */
    public NormalizeReward(Env<O, A> env) {
        this(env, 0.99, 1e-8);
    }

    /**
     * @param env the env to wrap; not null
     * @param gamma the discount factor of the return accumulator, in {@code [0, 1]}
     * @param epsilon added to the variance before the square root, for numerical stability
     * @throws InvalidArgumentException if {@code gamma} is outside {@code [0, 1]} or {@code epsilon} is
     *     negative or NaN
     */
    public NormalizeReward(Env<O, A> env, double gamma, double epsilon) {
        super(env);
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new InvalidArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        if (!(epsilon >= 0)) {
            throw new InvalidArgumentException("epsilon must be a non-negative number, got " + epsilon);
        }
        this.gamma = gamma;
        this.epsilon = epsilon;
    }

    @Override
    public StepResult<O> step(A action) {
        StepResult<O> result = env.step(action);
        discountedReward = discountedReward * gamma * (result.terminated() ? 0 : 1) + result.reward();
        if (updateRunningMean) {
            update(discountedReward);
        }
        return result.withReward(result.reward() / Math.sqrt(var + epsilon));
    }

    /** Gymnasium's {@code update_mean_var_count_from_moments} with a batch of one value (batch variance 0). */
    private void update(double x) {
        double batchDeviation = x - x;
        double batchVar = batchDeviation * batchDeviation;
        double delta = x - mean;
        double total = count + 1;
        double m2 = var * count + batchVar + delta * delta * count / total;
        mean = mean + delta / total;
        var = m2 / total;
        count = total;
    }

    /** @return whether steps update the running variance (initially true) */
    public boolean updateRunningMean() {
        return updateRunningMean;
    }

    /**
     * Turns updating the running variance on or off; the return accumulator is updated either way.
     *
     * @param update whether steps update the running variance
     */
    public void setUpdateRunningMean(boolean update) {
        this.updateRunningMean = update;
    }

    /** @return the discounted return accumulator after the last step */
    public double discountedReward() {
        return discountedReward;
    }

    /** @return the running mean of the discounted return */
    public double returnMean() {
        return mean;
    }

    /** @return the running variance of the discounted return */
    public double returnVar() {
        return var;
    }

    /** @return the running count: {@code 1e-4} plus the number of updates */
    public double count() {
        return count;
    }
}
