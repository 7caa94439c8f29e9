package dev.gym4j.envs.tracker.internal;

/**
 * The reward and termination of the RoboMaker object tracker ({@code infer_reward_state} in
 * {@code object_tracker_env.py}): an episode's best distance starts at {@code sys.maxsize}; a step whose
 * distance {@code d} beats it records it and earns {@code 10 / d²}, and ends the episode if {@code d < 0.2};
 * any other step earns 0; a step with {@code d > 5} ends the episode whatever its reward.
 *
 * <p>Thread safety: not thread-safe; owned by one env.
 */
public final class TrackerReward {

    /** {@code REWARD_CONSTANT}. */
    public static final double REWARD_CONSTANT = 10.0;
    /** The success radius, metres. */
    public static final double SUCCESS_DISTANCE = 0.2;
    /** The lost radius, metres. */
    public static final double LOST_DISTANCE = 5.0;
    /** Python's {@code sys.maxsize} on a 64-bit machine, the best distance before the first step. */
    public static final double INITIAL_BEST = 9223372036854775807.0;

    private double best = INITIAL_BEST;
    private double reward;
    private boolean done;

    /** Starts an episode. */
    public void reset() {
        best = INITIAL_BEST;
    }

    /**
     * Scores one step.
     *
     * @param distance the step's distance to the target, metres
     */
    public void evaluate(double distance) {
        done = false;
        reward = 0;
        if (distance < best) {
            best = distance;
            reward = REWARD_CONSTANT / (distance * distance);
            if (distance < SUCCESS_DISTANCE) {
                done = true;
            }
        }
        if (distance > LOST_DISTANCE) {
            done = true;
        }
    }

    /** @return the last step's reward */
    public double reward() {
        return reward;
    }

    /** @return whether the last step ended the episode */
    public boolean done() {
        return done;
    }

    /** @return the best distance so far ({@link #INITIAL_BEST} before the first step) */
    public double best() {
        return best;
    }
}
