package dev.gym4j.envs.robotics.internal.physics;

/**
 * A revolute joint driven by a torque actuator. The joint angle is the child's angle minus the parent's
 * (counter-clockwise positive when the model is seen with x to the right and height up), zero in the
 * reference pose.
 *
 * @param name the joint's name
 * @param parent index of the parent limb, or -1 for the fixed world
 * @param child index of the child limb; parents come before children
 * @param anchorX anchor x in the reference pose
 * @param anchorZ anchor height in the reference pose
 * @param lower lower angle limit in radians, or negative infinity for none
 * @param upper upper angle limit in radians, or positive infinity for none
 * @param gear torque in N m per unit of control
 * @param damping viscous damping in N m s / rad
 * @param stiffness spring stiffness towards angle 0 in N m / rad
 */
public record Hinge(String name, int parent, int child, double anchorX, double anchorZ, double lower, double upper,
                    double gear, double damping, double stiffness) {
    /** Validates the indices and the limits. */
    public Hinge {
        if (parent >= child || parent < -1) {
            throw new IllegalArgumentException("hinge " + name + ": parent " + parent + " must come before child " + child);
        }
        if (!(lower < upper) || lower > 0 || upper < 0) {
            throw new IllegalArgumentException("hinge " + name + ": limits [" + lower + ", " + upper + "] must contain 0");
        }
    }

    /** @return whether the joint has finite limits */
    public boolean limited() {
        return Double.isFinite(lower) && Double.isFinite(upper);
    }
}
