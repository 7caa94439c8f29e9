package dev.gym4j.api.vector;

import java.util.Map;
import java.util.Objects;

/**
 * The reward, end flags and info of one buffered step, written by
 * {@link BufferedStepEnv#stepInto}; the observation goes straight into the caller's batch array.
 *
 * <p>A mutable holder that vector envs keep one of per sub-env and reuse on every step, so stepping
 * allocates nothing. Thread safety: not thread-safe; confine to the thread stepping its sub-env.
 */
public final class StepOutcome {

    private double reward;
    private boolean terminated;
    private boolean truncated;
    private Map<String, Object> info = Map.of();

    /** Creates an outcome with reward 0, both flags false and an empty info. */
    public StepOutcome() {
    }

    /**
     * Sets every part at once.
     *
     * @param reward the step's reward
     * @param terminated whether the MDP reached a terminal state
     * @param truncated whether the episode was cut short
     * @param info the step's info; never null (use {@code Map.of()} for none: it allocates nothing)
     * @return this outcome
     */
    public StepOutcome set(double reward, boolean terminated, boolean truncated, Map<String, Object> info) {
        this.reward = reward;
        this.terminated = terminated;
        this.truncated = truncated;
        this.info = Objects.requireNonNull(info, "info");
        return this;
    }

    /** Marks the step truncated, as a time limit does; the other parts are unchanged. */
    public void truncate() {
        truncated = true;
    }

    /** @return the step's reward */
    public double reward() {
        return reward;
    }

    /** @return whether the MDP reached a terminal state */
    public boolean terminated() {
        return terminated;
    }

    /** @return whether the episode was cut short */
    public boolean truncated() {
        return truncated;
    }

    /** @return the step's info; never null */
    public Map<String, Object> info() {
        return info;
    }

    @Override
    public String toString() {
        return "StepOutcome[reward=" + reward + ", terminated=" + terminated + ", truncated=" + truncated + ", info=" + info + "]";
    }
}
