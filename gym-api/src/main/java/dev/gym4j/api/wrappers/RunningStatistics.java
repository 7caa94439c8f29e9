package dev.gym4j.api.wrappers;

/**
 * What the single-env and the vector {@code NormalizeObservation} share: their running statistics, as Gymnasium's
 * {@code obs_rms} and {@code update_running_mean}, so that code that saves or inspects normalization (a trainer
 * writing it next to its model) handles either.
 *
 * <p>Thread safety: as the implementing wrapper's (not thread-safe).
 */
public interface RunningStatistics {

    /** @return the wrapper's own statistics (live: observations update them unless they are frozen) */
    RunningMeanStd runningMeanStd();

    /** @return whether observations update the running statistics (initially true; {@link RunningMeanStd#frozen()}) */
    default boolean updateRunningMean() {
        return !runningMeanStd().frozen();
    }

    /**
     * Turns updating the statistics on or off, for example off to evaluate a trained policy
     * ({@link RunningMeanStd#setFrozen}).
     *
     * @param update whether observations update the running statistics
     */
    default void setUpdateRunningMean(boolean update) {
        runningMeanStd().setFrozen(!update);
    }

    /** @return a copy of the running mean, one value per observation element */
    default double[] mean() {
        return runningMeanStd().mean();
    }

    /** @return a copy of the running (population) variance, one value per observation element */
    default double[] var() {
        return runningMeanStd().var();
    }

    /** @return the running count: {@code 1e-4} plus the number of observations seen while updating */
    default double count() {
        return runningMeanStd().count();
    }
}
