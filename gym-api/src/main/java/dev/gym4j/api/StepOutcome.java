package dev.gym4j.api;

import java.util.Map;
import java.util.Objects;

/**
 * The reward, end flags and info of one allocation-free step, written by
 * {@link Env#stepInto}; the observation goes straight into the caller's batch array.
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

    /**
     * Fills this outcome from an ordinary step's result and writes its observation into a batch array:
     * what {@link Env#stepInto} does for an env that has no allocation-free step of its own.
     *
     * @param result the step's result
     * @param observations the batch array (see {@link Env#stepInto})
     * @param offset the index of the observation's first element in {@code observations}
     * @return this outcome
     */
    public StepOutcome setFrom(StepResult<?> result, Object observations, int offset) {
        writeObservation(result.observation(), observations, offset);
        return set(result.reward(), result.terminated(), result.truncated(), result.info());
    }

    /**
     * Writes one observation into a batch array at {@code offset}: a {@code Discrete} value (an
     * {@code Integer}) as one {@code long}, an array value element by element.
     *
     * @param observation an observation of a {@code Box}, {@code Discrete}, {@code MultiDiscrete} or
     *     {@code MultiBinary} space
     * @param observations the batch array, of the space's batch type
     * @param offset the index of the observation's first element in {@code observations}
     * @throws InvalidArgumentException if the observation is neither an {@code Integer} nor an array
     */
    public static void writeObservation(Object observation, Object observations, int offset) {
        if (observation instanceof Integer i) {
            ((long[]) observations)[offset] = i.longValue();
        } else if (observation != null && observation.getClass().isArray()) {
            System.arraycopy(observation, 0, observations, offset, java.lang.reflect.Array.getLength(observation));
        } else {
            throw new InvalidArgumentException("only Box, Discrete, MultiDiscrete and MultiBinary observations go into a batch array, got "
                    + (observation == null ? "null" : observation.getClass().getName()));
        }
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
