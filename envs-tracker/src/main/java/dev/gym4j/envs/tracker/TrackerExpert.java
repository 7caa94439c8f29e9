package dev.gym4j.envs.tracker;

import dev.gym4j.api.registry.ExpertPolicy;
import dev.gym4j.envs.tracker.internal.DiffDrive;
import java.util.Map;

/**
 * The object tracker's scripted expert: a bearing follower. It reads both poses from {@code info}
 * ({@code waffle_pose}, {@code burger_pose}, which every reset and step carries), so it acts the same whatever the
 * observation ({@code rgb}, {@code gray} or {@code state}): with the bearing error {@code e = wrap(atan2(by - wy,
 * bx - wx) - yaw)} it turns hard left (action 0) when {@code e > 0.25}, gently left (3) when {@code e > 0.06}, hard
 * right (1) when {@code e < -0.25}, gently right (4) when {@code e < -0.06}, and goes straight (2) otherwise. With
 * {@code continuous=true} it sends the same (steering, throttle) pair as a {@code float[2]}.
 *
 * <p>Stateless; not meant to be shared between threads only because its env is not.
 */
final class TrackerExpert implements ExpertPolicy {

    private final boolean continuous;

    /** @param continuous whether to answer with a {@code float[2]} (steering, throttle) instead of an action index */
    TrackerExpert(boolean continuous) {
        this.continuous = continuous;
    }

    /**
     * @param wx the Waffle's x, metres
     * @param wy the Waffle's y
     * @param yaw the Waffle's heading, radians
     * @param bx the Burger's x
     * @param by the Burger's y
     * @return the discrete action (0 to 4) whose turn rate best cancels the bearing error
     */
    static int action(double wx, double wy, double yaw, double bx, double by) {
        double error = DiffDrive.wrap(StrictMath.atan2(by - wy, bx - wx) - yaw);
        if (error > 0.25) {
            return 0;
        } else if (error > 0.06) {
            return 3;
        } else if (error < -0.25) {
            return 1;
        } else if (error < -0.06) {
            return 4;
        }
        return 2;
    }

    @Override
    public Object act(Object observation, Map<String, ?> info) {
        double[] w = pose(info, "waffle_pose");
        double[] b = pose(info, "burger_pose");
        int a = action(w[0], w[1], w[2], b[0], b[1]);
        if (!continuous) {
            return a;
        }
        double[] pair = ObjectTrackerEnv.ACTIONS[a];
        return new float[] {(float) pair[0], (float) pair[1]};
    }

    private static double[] pose(Map<String, ?> info, String key) {
        Object v = info == null ? null : info.get(key);
        if (v instanceof double[] p && p.length == 3) {
            return p;
        }
        throw new IllegalStateException("the tracker expert needs info['" + key + "'] as double[3] (x, y, yaw), as "
                + "ObjectTrackerEnv's reset and step put it; got " + (info == null ? "no info" : "info keys " + info.keySet()));
    }
}
