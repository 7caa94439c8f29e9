package dev.gym4j.envs.robotics;

/**
 * The bounds the planar envs keep under any finite actions, checked by the stability properties
 * (1000 steps of uniform, saturated, out-of-bound and 1e30 actions).
 *
 * <p>jbox2d enforces a joint limit only once the joint has crossed it; the physics adapter brakes a joint
 * that would cross a limit within a step, which keeps the worst overshoot seen under saturated and
 * out-of-bound actions near 0.04 rad (HalfCheetah's back shin, Humanoid's knees), hence the tolerance.
 * Hinges open by at most about 2 mm. The speed bounds are about three times the largest speeds seen
 * (11 m/s, 43 rad/s).
 *
 * <p>Thread safety: constants only.
 */
public final class PlanarStability {

    /** How far, in radians, a joint may be seen past its limit. */
    public static final double LIMIT_TOLERANCE = 0.05;
    /** The largest speed of any limb's centre of mass, in m/s. */
    public static final double MAX_LINEAR_SPEED = 30.0;
    /** The largest angular speed of any limb, in rad/s. */
    public static final double MAX_ANGULAR_SPEED = 100.0;
    /** The largest distance, in metres, between the two halves of any hinge. */
    public static final double MAX_HINGE_GAP = 0.005;

    private PlanarStability() {
    }
}
