package dev.gym4j.envs.tracker.internal;

/**
 * A differential-drive robot on the ground plane, driven the way Gazebo's {@code gazebo_ros_diff_drive} plugin
 * drives the TurtleBot3 (ROS Kinetic): a {@code Twist} (linear x, angular z) becomes target wheel surface
 * speeds {@code v -+ w * separation / 2}; at each plugin update (30 Hz for the TurtleBot3) each wheel moves
 * toward its target by at most {@code acceleration * 1/30} m/s, and both wheels jump to their targets as soon
 * as either one is within 0.01 m/s of its own (the plugin's "target speed is reached" branch). Between updates
 * the wheel speeds are constant and the pose follows the exact circular arc.
 *
 * <p>One deliberate difference from the plugin: it keeps an "instructed" speed that is not updated when it
 * snaps both wheels to their targets, so a later ramp can start from a stale value and overshoot (my reading of
 * the plugin source). Here the instructed speed is always the wheel's speed, so a wheel never runs faster than
 * the fastest target it was given; the wheels follow the instructed speed exactly (the TurtleBot3's wheel
 * torque of 10 N m is never the limit at these speeds).
 *
 * <p>All arithmetic uses {@link StrictMath}, so trajectories are bit-identical on every JVM.
 *
 * <p>Thread safety: not thread-safe; owned by one env.
 */
public final class DiffDrive {

    /** The plugin's update rate for the TurtleBot3 ({@code updateRate} 30). */
    public static final double UPDATE_RATE_HZ = 30.0;
    /** Wheel speeds closer than this to their targets snap to them (the plugin's constant). */
    public static final double SNAP_TOLERANCE = 0.01;

    private final double wheelSeparation;
    private final double wheelDiameter;
    private final double wheelAcceleration;

    private double x;
    private double y;
    private double yaw;
    private double left;
    private double right;
    private double targetLeft;
    private double targetRight;

    /**
     * @param wheelSeparation metres between the wheels' contact points
     * @param wheelDiameter metres
     * @param wheelAcceleration the plugin's {@code wheelAcceleration}, m/s² of wheel surface speed
     */
    public DiffDrive(double wheelSeparation, double wheelDiameter, double wheelAcceleration) {
        this.wheelSeparation = wheelSeparation;
        this.wheelDiameter = wheelDiameter;
        this.wheelAcceleration = wheelAcceleration;
    }

    /** The TurtleBot3 Waffle Pi: separation 0.287 m, wheel diameter 0.066 m, acceleration 1 (its gazebo xacro). */
    public static DiffDrive waffle() {
        return new DiffDrive(0.287, 0.066, 1.0);
    }

    /** The TurtleBot3 Burger: separation 0.160 m, wheel diameter 0.066 m, acceleration 1 (its gazebo xacro). */
    public static DiffDrive burger() {
        return new DiffDrive(0.160, 0.066, 1.0);
    }

    /** Places the robot at rest and clears the command. */
    public void place(double x, double y, double yaw) {
        this.x = x;
        this.y = y;
        this.yaw = yaw;
        left = right = targetLeft = targetRight = 0;
    }

    /**
     * Sets the twist, as a message on {@code cmd_vel}; it holds until the next command.
     *
     * @param linear {@code linear.x}, m/s
     * @param angular {@code angular.z}, rad/s (positive turns left)
     */
    public void command(double linear, double angular) {
        targetLeft = linear - angular * wheelSeparation / 2.0;
        targetRight = linear + angular * wheelSeparation / 2.0;
    }

    /**
     * Advances simulated time by a whole number of plugin updates.
     *
     * @param updates how many 1/30 s updates
     */
    public void advance(int updates) {
        double dt = 1.0 / UPDATE_RATE_HZ;
        for (int i = 0; i < updates; i++) {
            updateWheels(dt);
            integrate(dt);
        }
    }

    private void updateWheels(double dt) {
        if (wheelAcceleration == 0 || StrictMath.abs(targetLeft - left) < SNAP_TOLERANCE
                || StrictMath.abs(targetRight - right) < SNAP_TOLERANCE) {
            left = targetLeft;
            right = targetRight;
        } else {
            double limit = wheelAcceleration * dt;
            left += StrictMath.max(-limit, StrictMath.min(limit, targetLeft - left));
            right += StrictMath.max(-limit, StrictMath.min(limit, targetRight - right));
        }
    }

    /** Exact integration of a constant (v, w) over {@code dt}: a straight line or a circular arc. */
    private void integrate(double dt) {
        double v = (left + right) / 2.0;
        double w = (right - left) / wheelSeparation;
        if (StrictMath.abs(w) < 1e-12) {
            x += v * dt * StrictMath.cos(yaw);
            y += v * dt * StrictMath.sin(yaw);
        } else {
            double next = yaw + w * dt;
            x += v / w * (StrictMath.sin(next) - StrictMath.sin(yaw));
            y -= v / w * (StrictMath.cos(next) - StrictMath.cos(yaw));
            yaw = next;
        }
        yaw = wrap(yaw);
    }

    /** @return {@code angle} wrapped into [-pi, pi] */
    public static double wrap(double angle) {
        return StrictMath.atan2(StrictMath.sin(angle), StrictMath.cos(angle));
    }

    /** @return x, metres */
    public double x() {
        return x;
    }

    /** @return y, metres */
    public double y() {
        return y;
    }

    /** @return heading, radians in [-pi, pi], 0 along +x */
    public double yaw() {
        return yaw;
    }

    /** @return the left wheel's surface speed, m/s */
    public double leftSpeed() {
        return left;
    }

    /** @return the right wheel's surface speed, m/s */
    public double rightSpeed() {
        return right;
    }

    /** @return the left wheel joint's angular velocity, rad/s, as the plugin sets it */
    public double leftJointVelocity() {
        return left / (wheelDiameter / 2.0);
    }

    /** @return the forward speed of the base, m/s */
    public double linearSpeed() {
        return (left + right) / 2.0;
    }

    /** @return the turn rate of the base, rad/s */
    public double angularSpeed() {
        return (right - left) / wheelSeparation;
    }

    /** @return the wheel separation, metres */
    public double wheelSeparation() {
        return wheelSeparation;
    }
}
