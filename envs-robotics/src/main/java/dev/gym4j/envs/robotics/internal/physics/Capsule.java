package dev.gym4j.envs.robotics.internal.physics;

/**
 * A capsule (a segment swept by a disc) in the model's reference pose, in world metres; a zero-length
 * capsule is a disc.
 *
 * @param x0 first end, x
 * @param z0 first end, height
 * @param x1 second end, x
 * @param z1 second end, height
 * @param radius radius, positive
 * @param mass mass in kg, positive (the planar shape gets the density that gives this mass)
 */
public record Capsule(double x0, double z0, double x1, double z1, double radius, double mass) {
    /** Validates the radius and the mass. */
    public Capsule {
        if (!(radius > 0) || !(mass > 0)) {
            throw new IllegalArgumentException("capsule radius and mass must be positive, got " + radius + " and " + mass);
        }
    }

    /**
     * A capsule whose mass is that of the solid 3-D capsule of this radius at density 1000 kg/m^3, as
     * MuJoCo's default density gives.
     *
     * @param x0 first end, x
     * @param z0 first end, height
     * @param x1 second end, x
     * @param z1 second end, height
     * @param radius radius
     * @return the capsule
     */
    public static Capsule solid(double x0, double z0, double x1, double z1, double radius) {
        double length = Math.hypot(x1 - x0, z1 - z0);
        double volume = Math.PI * radius * radius * length + 4.0 / 3.0 * Math.PI * radius * radius * radius;
        return new Capsule(x0, z0, x1, z1, radius, 1000.0 * volume);
    }

    /** @return the length of the core segment */
    public double length() {
        return Math.hypot(x1 - x0, z1 - z0);
    }
}
