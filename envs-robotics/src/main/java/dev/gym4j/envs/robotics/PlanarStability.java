package dev.gym4j.envs.robotics;

/**
 * The bounds the planar envs keep under any finite actions, checked by the stability properties
 * (1000 steps of uniform, saturated, out-of-bound and 1e30 actions).
 *
 * <p>Joint limits are enforced by jbox2d once a joint has crossed them, so a joint may overshoot by its
 * speed times one physics step before the limit catches it; the worst overshoot seen under saturated
 * actions is about 0.14 rad (HalfCheetah's front foot, Humanoid's abdomen), hence the tolerance. The speed
 * bounds are several times the largest speeds seen (11 m/s, 47 rad/s).
 */
public final class PlanarStability {

    /** How far, in radians, a joint may be seen past its limit. */
    public static final double LIMIT_TOLERANCE = 0.2;
    /** The largest speed of any limb's centre of mass, in m/s. */
    public static final double MAX_LINEAR_SPEED = 30.0;
    /** The largest angular speed of any limb, in rad/s. */
    public static final double MAX_ANGULAR_SPEED = 100.0;
    /** The largest distance, in metres, between the two halves of any hinge. */
    public static final double MAX_HINGE_GAP = 0.005;

    private PlanarStability() {
    }
}
