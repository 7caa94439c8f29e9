package dev.gym4j.envs.tracker.internal;

/**
 * One picture to draw: its size, the camera's view-projection matrix (OpenGL conventions, column-major) and
 * what to draw besides the world and the Burger.
 *
 * @param width pixels
 * @param height pixels
 * @param viewProjection 16 entries, column-major, mapping world coordinates to clip coordinates
 * @param thirdPerson whether the Waffle and its camera's view cone are drawn
 */
public record View(int width, int height, double[] viewProjection, boolean thirdPerson) {

    /** The Raspberry Pi camera's horizontal field of view (its gazebo xacro's {@code horizontal_fov}). */
    public static final double CAMERA_HFOV = 1.085595;
    /** The camera lens in the Waffle Pi's base frame: x forward, z up, metres (camera_rgb_frame in its URDF). */
    public static final double[] CAMERA_MOUNT = {0.076, 0.0, 0.103};
    static final double NEAR = 0.03;
    static final double FAR = 250.0;

    /**
     * @param width pixels
     * @param height pixels
     * @param x the Waffle's x
     * @param y the Waffle's y
     * @param yaw the Waffle's heading
     * @return the Waffle's head camera: at its mount, looking level along the heading
     */
    public static View camera(int width, int height, double x, double y, double yaw) {
        double c = StrictMath.cos(yaw), s = StrictMath.sin(yaw);
        double ex = x + c * CAMERA_MOUNT[0] - s * CAMERA_MOUNT[1];
        double ey = y + s * CAMERA_MOUNT[0] + c * CAMERA_MOUNT[1];
        double ez = CAMERA_MOUNT[2];
        double vfov = 2 * StrictMath.atan(StrictMath.tan(CAMERA_HFOV / 2) * height / width);
        double[] view = lookAt(ex, ey, ez, ex + c, ey + s, ez);
        return new View(width, height, multiply(perspective(vfov, (double) width / height), view), false);
    }

    /**
     * @param width pixels
     * @param height pixels
     * @param wx the Waffle's x
     * @param wy the Waffle's y
     * @param bx the Burger's x
     * @param by the Burger's y
     * @return a view from above and behind the Waffle's start, aimed at the point between the robots and far
     *     enough back to show both
     */
    public static View thirdPerson(int width, int height, double wx, double wy, double bx, double by) {
        double cx = (wx + bx) / 2, cy = (wy + by) / 2;
        double gap = StrictMath.hypot(bx - wx, by - wy);
        double back = 1.2 + 0.55 * gap;
        double[] view = lookAt(cx - 1.0 * back, cy - 0.75 * back, 1.05 * back + 0.4, cx, cy, 0.05);
        double vfov = 2 * StrictMath.atan(StrictMath.tan(Math.toRadians(60) / 2) * height / width);
        return new View(width, height, multiply(perspective(vfov, (double) width / height), view), true);
    }

    static double[] lookAt(double ex, double ey, double ez, double cx, double cy, double cz) {
        double[] f = normalize(cx - ex, cy - ey, cz - ez);
        double[] s = normalize(f[1] * 1 - f[2] * 0, f[2] * 0 - f[0] * 1, 0); // f x (0, 0, 1)
        double[] u = {s[1] * f[2] - s[2] * f[1], s[2] * f[0] - s[0] * f[2], s[0] * f[1] - s[1] * f[0]};
        double[] m = new double[16];
        m[0] = s[0];
        m[4] = s[1];
        m[8] = s[2];
        m[1] = u[0];
        m[5] = u[1];
        m[9] = u[2];
        m[2] = -f[0];
        m[6] = -f[1];
        m[10] = -f[2];
        m[12] = -(s[0] * ex + s[1] * ey + s[2] * ez);
        m[13] = -(u[0] * ex + u[1] * ey + u[2] * ez);
        m[14] = f[0] * ex + f[1] * ey + f[2] * ez;
        m[15] = 1;
        return m;
    }

    static double[] perspective(double vfov, double aspect, double near, double far) {
        double f = 1.0 / StrictMath.tan(vfov / 2);
        double[] m = new double[16];
        m[0] = f / aspect;
        m[5] = f;
        m[10] = (far + near) / (near - far);
        m[11] = -1;
        m[14] = 2 * far * near / (near - far);
        return m;
    }

    private static double[] perspective(double vfov, double aspect) {
        return perspective(vfov, aspect, NEAR, FAR);
    }

    /** @return a * b, both column-major */
    static double[] multiply(double[] a, double[] b) {
        double[] m = new double[16];
        for (int c = 0; c < 4; c++) {
            for (int r = 0; r < 4; r++) {
                double v = 0;
                for (int k = 0; k < 4; k++) {
                    v += a[k * 4 + r] * b[c * 4 + k];
                }
                m[c * 4 + r] = v;
            }
        }
        return m;
    }

    /** @return the column-major model matrix of a pose on the ground */
    static double[] model(double x, double y, double yaw) {
        double c = StrictMath.cos(yaw), s = StrictMath.sin(yaw);
        return new double[] {c, s, 0, 0, -s, c, 0, 0, 0, 0, 1, 0, x, y, 0, 1};
    }

    private static double[] normalize(double x, double y, double z) {
        double n = Math.sqrt(x * x + y * y + z * z);
        return new double[] {x / n, y / n, z / n};
    }
}
