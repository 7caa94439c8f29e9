package dev.gym4j.envs.tracker.internal;

import static dev.gym4j.envs.tracker.internal.Mesh.p;
import static dev.gym4j.envs.tracker.internal.Mesh.rgb;

import dev.gym4j.api.random.Generator;

/**
 * The scene's geometry: a checkered ground, a sky box with a gradient, the TurtleBot3 Burger and Waffle Pi
 * (model coordinates: x forward, z up, origin on the ground between the wheels), distractor objects, and the
 * Waffle camera's view cone for the third-person view. Dimensions follow the TurtleBot3 specifications (Burger
 * 138 x 178 x 192 mm, Waffle Pi 281 x 306 x 141 mm, wheel diameter 66 mm); colours follow the Gazebo
 * materials (dark grey plates, black wheels and LIDAR) plus the green Raspberry Pi board that makes the robot
 * recognisable.
 *
 * <p>Stateless and thread-safe.
 */
public final class Models {

    /** Half the side of the ground square and of the sky box, metres. */
    public static final double WORLD_HALF = 60.0;

    static final double[] GROUND = rgb(196, 190, 176);
    private static final double[] SKY_HORIZON = rgb(206, 222, 238);
    private static final double[] SKY_TOP = rgb(92, 140, 205);
    private static final double[] PLATE = rgb(64, 64, 68);
    private static final double[] PLATE_TOP = rgb(84, 84, 90);
    private static final double[] TYRE = rgb(22, 22, 22);
    private static final double[] HUB = rgb(70, 70, 74);
    private static final double[] LIDAR = rgb(28, 28, 30);
    private static final double[] LIDAR_TOP = rgb(120, 120, 124);
    private static final double[] BOARD = rgb(40, 130, 60);
    private static final double[] SPACER = rgb(190, 170, 110);
    private static final double[] WAFFLE = rgb(110, 112, 118);
    private static final double[] CONE = rgb(250, 200, 40);
    private static final double[][] PALETTE = {
        rgb(200, 60, 50), rgb(50, 90, 190), rgb(230, 150, 40), rgb(140, 70, 160), rgb(60, 160, 160), rgb(220, 220, 220),
    };

    private Models() {
    }

    /** @return the ground square and the sky box around it, in world coordinates */
    public static Mesh world() {
        Mesh m = new Mesh();
        double h = WORLD_HALF;
        m.quad(p(-h, -h, 0), p(h, -h, 0), p(h, h, 0), p(-h, h, 0), GROUND, 1);
        double top = 45.0;
        double[][] corners = {p(-h, -h, 0), p(h, -h, 0), p(h, h, 0), p(-h, h, 0)};
        for (int i = 0; i < 4; i++) {
            double[] a = corners[i];
            double[] b = corners[(i + 1) % 4];
            double[] at = p(a[0], a[1], top);
            double[] bt = p(b[0], b[1], top);
            // walls face inward: seen from inside, b-a-at is counter-clockwise
            m.gradientTriangle(b, SKY_HORIZON, a, SKY_HORIZON, at, SKY_TOP);
            m.gradientTriangle(b, SKY_HORIZON, at, SKY_TOP, bt, SKY_TOP);
        }
        m.gradientTriangle(p(-h, -h, top), SKY_TOP, p(h, h, top), SKY_TOP, p(h, -h, top), SKY_TOP);
        m.gradientTriangle(p(-h, -h, top), SKY_TOP, p(-h, h, top), SKY_TOP, p(h, h, top), SKY_TOP);
        return m;
    }

    /** @return the TurtleBot3 Burger in model coordinates */
    public static Mesh burger() {
        Mesh m = new Mesh();
        // wheels: diameter 66 mm, 18 mm wide, at y = +-80 mm
        m.cylinderY(0, 0.080, 0.033, 0.009, 0.033, 16, TYRE, HUB);
        m.cylinderY(0, -0.080, 0.033, 0.009, 0.033, 16, TYRE, HUB);
        // caster ball at the back
        m.box(-0.081, 0, 0.008, 0.008, 0.008, 0.008, TYRE);
        // four waffle plates, 138 mm across, with the boards between them
        double[] plateZ = {0.020, 0.060, 0.100, 0.140};
        for (double z : plateZ) {
            m.box(-0.032, 0, z, 0.069, 0.069, 0.003, PLATE);
        }
        m.box(-0.032, 0, 0.040, 0.050, 0.045, 0.017, rgb(50, 50, 55)); // battery
        m.box(-0.032, 0, 0.078, 0.052, 0.052, 0.010, rgb(30, 30, 34)); // OpenCR
        m.box(-0.032, 0, 0.115, 0.042, 0.030, 0.008, BOARD); // Raspberry Pi
        for (int sx = -1; sx <= 1; sx += 2) {
            for (int sy = -1; sy <= 1; sy += 2) {
                m.cylinderZ(-0.032 + sx * 0.060, sy * 0.060, 0.020, 0.140, 0.004, 6, SPACER, SPACER);
            }
        }
        // LDS-01 LIDAR on top: a grey base and a black turret, top at 192 mm
        m.cylinderZ(-0.032, 0, 0.143, 0.160, 0.038, 16, LIDAR, LIDAR);
        m.cylinderZ(-0.032, 0, 0.160, 0.192, 0.033, 16, LIDAR, LIDAR_TOP);
        return m;
    }

    /** @return the TurtleBot3 Waffle Pi in model coordinates (seen only in the third-person view) */
    public static Mesh waffle() {
        Mesh m = new Mesh();
        m.cylinderY(0, 0.144, 0.033, 0.009, 0.033, 16, TYRE, HUB);
        m.cylinderY(0, -0.144, 0.033, 0.009, 0.033, 16, TYRE, HUB);
        m.box(-0.064, 0, 0.040, 0.140, 0.135, 0.028, WAFFLE);
        m.box(-0.064, 0, 0.088, 0.140, 0.135, 0.003, PLATE);
        m.box(-0.064, 0, 0.108, 0.090, 0.090, 0.012, BOARD);
        m.box(0.073, 0, 0.094, 0.006, 0.015, 0.010, rgb(20, 20, 20)); // Pi camera
        m.cylinderZ(-0.064, 0, 0.120, 0.141, 0.035, 16, LIDAR, LIDAR_TOP);
        return m;
    }

    /**
     * @param halfFov half the camera's horizontal field of view, radians
     * @param length how far the cone's edges reach, metres
     * @return the camera's view cone as flat strips on the ground, in the Waffle's model coordinates
     */
    public static Mesh viewCone(double halfFov, double length) {
        Mesh m = new Mesh();
        double z = 0.004;
        double w = 0.015;
        for (int side = -1; side <= 1; side += 2) {
            double a = side * halfFov;
            double cx = StrictMath.cos(a), cy = StrictMath.sin(a);
            double nx = -cy * w, ny = cx * w;
            double x0 = 0.076, x1 = 0.076 + length * cx, y1 = length * cy;
            m.quad(p(x0 - nx, -ny, z), p(x1 - nx, y1 - ny, z), p(x1 + nx, y1 + ny, z), p(x0 + nx, ny, z), CONE, 0);
        }
        int arcs = 12;
        for (int i = 0; i < arcs; i++) {
            double a0 = -halfFov + 2 * halfFov * i / arcs, a1 = -halfFov + 2 * halfFov * (i + 1) / arcs;
            double r0 = length - w, r1 = length + w;
            m.quad(p(0.076 + r0 * StrictMath.cos(a0), r0 * StrictMath.sin(a0), z), p(0.076 + r1 * StrictMath.cos(a0), r1 * StrictMath.sin(a0), z),
                    p(0.076 + r1 * StrictMath.cos(a1), r1 * StrictMath.sin(a1), z), p(0.076 + r0 * StrictMath.cos(a1), r0 * StrictMath.sin(a1), z),
                    CONE, 0);
        }
        return m;
    }

    /**
     * Places {@code count} boxes and cylinders around the arena, at least 1 m from both robots' start
     * positions and from the line between them, drawing from {@code rng}.
     *
     * @param count how many
     * @param rng the env's generator
     * @param burgerY the Burger's start y (it starts at x = 3.5)
     * @return the distractors in world coordinates
     */
    public static Mesh distractors(int count, Generator rng, double burgerY) {
        Mesh m = new Mesh();
        int placed = 0;
        while (placed < count) {
            double x = rng.uniform(-3.0, 7.0);
            double y = rng.uniform(-5.0, 5.0);
            double size = rng.uniform(0.15, 0.4);
            long kind = rng.integers(2);
            double[] colour = PALETTE[(int) rng.integers(PALETTE.length)];
            if (distanceToSegment(x, y, 0, 0, 3.5, burgerY) < 1.0 + size) {
                continue;
            }
            if (kind == 0) {
                m.box(x, y, size, size, size, size, colour);
            } else {
                m.cylinderZ(x, y, 0, 2.5 * size, size * 0.7, 16, colour, colour);
            }
            placed++;
        }
        return m;
    }

    private static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay;
        double t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
        double ex = ax + t * dx - px, ey = ay + t * dy - py;
        return Math.sqrt(ex * ex + ey * ey);
    }
}
