package dev.gym4j.envs.robotics;

/**
 * The bounds the planar envs keep under any finite actions, checked by the stability properties
 * (1000 steps of uniform, saturated, out-of-bound and 1e30 actions).
 *
 * <p>jbox2d enforces a joint limit only once the joint has crossed it, and then lets it rest up to 2 degrees
 * past; the physics adapter sets the engine's limits that far inside the model's and brakes a joint that
 * would cross a limit within a step. What is left is an impact (a foot on the ground, a parent stopped at
 * its own limit) swinging a light limb past its limit within one physics step, which the short physics
 * steps keep small: in scans of 1,000 runs per env of 1000 steps each (200 seeds times every action
 * pattern of the stability properties), the worst was about 0.03 rad (HalfCheetah's shins and feet, Humanoid's
 * hips; once 0.036), hence the tolerance. For comparison, MuJoCo's soft limits let Gymnasium's HalfCheetah-v5 joints
 * pass their ranges by up to 0.24 rad under saturated random actions. Hinges open by at most about 4 mm.
 * The speed bounds are about 1.5 times the largest speeds seen (21 m/s, 57 rad/s).
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
