package dev.gym4j.testkit;

import dev.gym4j.api.spaces.Space;
import java.util.List;

/**
 * What one rollout produced, kept so that two rollouts can be compared: every observation (the reset
 * ones included), reward and end flag, in order.
 *
 * <p>Immutable once built; observations were copied when recorded.
 *
 * @param observationSpace the space the observations belong to (used to compare them)
 * @param points the recorded points in order
 */
record Trajectory(Space<Object> observationSpace, List<Point> points) {

    /**
     * One reset or step.
     *
     * @param reset whether this point is a reset (then reward and flags are 0/false)
     * @param observation a copy of the observation
     * @param reward the reward
     * @param terminated the terminated flag
     * @param truncated the truncated flag
     */
    record Point(boolean reset, Object observation, double reward, boolean terminated, boolean truncated) {
    }

    /**
     * @param other another trajectory
     * @return null when both are identical (observations element by element, rewards bit for bit),
     *     else where they first differ
     */
    String firstDifference(Trajectory other) {
        for (int i = 0; i < Math.min(points.size(), other.points.size()); i++) {
            Point a = points.get(i);
            Point b = other.points.get(i);
            String at = (a.reset ? "reset at point " : "step at point ") + i + ": ";
            if (a.reset != b.reset || a.terminated != b.terminated || a.truncated != b.truncated) {
                return at + "flags differ: " + a + " vs " + b;
            }
            if (!observationSpace.valuesEqual(a.observation, b.observation)) {
                return at + "observations differ: " + observationSpace.valueToString(a.observation) + " vs "
                        + observationSpace.valueToString(b.observation);
            }
            if (Double.doubleToLongBits(a.reward) != Double.doubleToLongBits(b.reward)) {
                return at + "rewards differ: " + a.reward + " vs " + b.reward;
            }
        }
        return points.size() == other.points.size() ? null
                : "lengths differ: " + points.size() + " vs " + other.points.size() + " points";
    }
}
