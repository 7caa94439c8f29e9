package dev.gym4j.api;

import java.util.Map;
import java.util.Objects;

/**
 * What {@link Env#step} returns, with Gymnasium 1.x's five parts.
 *
 * <p>Array observations are not copied. Thread-safe to share once built.
 *
 * @param observation the observation after the step; never null
 * @param reward the reward for the step
 * @param terminated whether the env reached a terminal state of the MDP
 * @param truncated whether the episode was cut short from outside the MDP (a time limit, say)
 * @param info auxiliary diagnostic information; never null
 * @param <O> the observation type
 */
public record StepResult<O>(O observation, double reward, boolean terminated, boolean truncated,
                            Map<String, Object> info) {
    /** Validates that neither the observation nor the info map is null. */
    public StepResult {
        Objects.requireNonNull(observation, "observation");
        Objects.requireNonNull(info, "info");
    }

    /** @return {@code terminated || truncated}: the caller should reset */
    public boolean done() {
        return terminated || truncated;
    }

    /**
     * @param newObservation the replacement observation
     * @param <P> its type
     * @return a copy with another observation and the same reward, flags and info
     */
    public <P> StepResult<P> withObservation(P newObservation) {
        return new StepResult<>(newObservation, reward, terminated, truncated, info);
    }

    /**
     * @param newReward the replacement reward
     * @return a copy with another reward
     */
    public StepResult<O> withReward(double newReward) {
        return new StepResult<>(observation, newReward, terminated, truncated, info);
    }

    /**
     * @param newInfo the replacement info map
     * @return a copy with another info map
     */
    public StepResult<O> withInfo(Map<String, Object> newInfo) {
        return new StepResult<>(observation, reward, terminated, truncated, newInfo);
    }
}
