package dev.gym4j.envs.robotics.internal.physics;

import java.util.List;

/**
 * One rigid body of a planar model: one or more capsules welded together.
 *
 * @param name the body's name, as the docs and the renderer use it
 * @param capsules its capsules in the reference pose; the first one sets the body's origin (its midpoint)
 * @param armature extra rotational inertia in kg m^2, our stand-in for MuJoCo's joint armature
 * @param colour the colour the renderer paints it, {@code 0xRRGGBB}
 */
public record Limb(String name, List<Capsule> capsules, double armature, int colour) {
    /** Copies the capsule list and validates it. */
    public Limb {
        capsules = List.copyOf(capsules);
        if (capsules.isEmpty()) {
            throw new IllegalArgumentException("limb " + name + " needs a capsule");
        }
        if (!(armature >= 0)) {
            throw new IllegalArgumentException("armature must be >= 0, got " + armature);
        }
    }

    /** @return x of the body origin in the reference pose */
    public double originX() {
        Capsule c = capsules.get(0);
        return 0.5 * (c.x0() + c.x1());
    }

    /** @return height of the body origin in the reference pose */
    public double originZ() {
        Capsule c = capsules.get(0);
        return 0.5 * (c.z0() + c.z1());
    }
}
