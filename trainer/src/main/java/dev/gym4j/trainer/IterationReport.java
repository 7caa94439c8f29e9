package dev.gym4j.trainer;

import java.util.Map;

/**
 * What one PPO iteration reports.
 *
 * @param metrics deterministic figures, the line of {@code metrics.jsonl}: {@code iteration}, {@code global_step},
 *     {@code episode_reward_mean}, {@code episode_reward_max}, {@code episode_reward_min} (over the last 100
 *     episodes; null before the first one ends), {@code episode_length_mean}, {@code episodes}, then the losses
 *     ({@code policy_loss}, {@code value_loss}, {@code entropy}, {@code approx_kl}, {@code old_approx_kl},
 *     {@code clip_fraction}, {@code grad_norm}, {@code explained_variance}), {@code learning_rate},
 *     {@code epochs}; the same for the same seed, configuration and number of workers
 * @param timing wall-clock figures, which vary from run to run: {@code seconds} (since the start), {@code
 *     steps_per_second} (of the iteration), and the cumulative seconds in {@code env_seconds}, {@code
 *     inference_seconds} (summed over workers), {@code update_seconds} and {@code publish_seconds} (exporting
 *     and publishing each policy version)
 */
public record IterationReport(Map<String, Object> metrics, Map<String, Object> timing) {

    /** Copies both maps. */
    public IterationReport {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        timing = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timing));
    }

    /** @return the iteration number, from 1 */
    public int iteration() {
        return (Integer) metrics.get("iteration");
    }

    /** @return env steps so far */
    public long globalStep() {
        return (Long) metrics.get("global_step");
    }

    /** @return the mean return of the last 100 episodes, NaN before the first one ends */
    public double episodeRewardMean() {
        Object v = metrics.get("episode_reward_mean");
        return v == null ? Double.NaN : (Double) v;
    }

    /** @return the highest return of the last 100 episodes, NaN before the first one ends */
    public double episodeRewardMax() {
        Object v = metrics.get("episode_reward_max");
        return v == null ? Double.NaN : (Double) v;
    }
}
