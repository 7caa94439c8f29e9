package dev.gym4j.envs.tracker.internal;

import java.util.Arrays;

/**
 * A triangle soup with flat-shaded colours baked in: every vertex is {@value #STRIDE} floats (x, y, z, r, g, b,
 * material), three consecutive vertices per triangle. Material 0 is a plain colour, material 1 the ground, whose
 * colour both renderers modulate with a checker pattern of {@value #TILE} m tiles. The sun's shading is computed
 * here, once, so the GL and the software renderer get the same colours.
 *
 * <p>Thread safety: not thread-safe while being built; read-only afterwards.
 */
public final class Mesh {

    /** Floats per vertex. */
    public static final int STRIDE = 7;
    /** The ground's checker tile size, metres. */
    public static final float TILE = 0.5f;
    /** How dark the dark ground tiles are. */
    public static final float CHECKER_DARK = 0.82f;

    private static final double[] SUN = normalize(0.35, 0.25, 0.9);
    private static final double AMBIENT = 0.55;
    private static final double DIFFUSE = 0.45;

    private float[] data = new float[STRIDE * 3 * 64];
    private int size;

    /** @return the vertex data; only the first {@link #floats()} entries are used */
    public float[] data() {
        return data;
    }

    /** @return how many floats hold vertices */
    public int floats() {
        return size;
    }

    /** @return how many vertices */
    public int vertices() {
        return size / STRIDE;
    }

    /** Appends a copy of another mesh. */
    public void addAll(Mesh other) {
        ensure(other.size);
        System.arraycopy(other.data, 0, data, size, other.size);
        size += other.size;
    }

    /** Adds one triangle (counter-clockwise seen from its front), shaded by its normal. */
    public void triangle(double[] a, double[] b, double[] c, double[] rgb, int material) {
        double[] n = normalize(cross(sub(b, a), sub(c, a)));
        double shade = AMBIENT + DIFFUSE * Math.max(0, dot(n, SUN));
        if (material == 1) {
            shade = 1.0; // the ground is lit evenly; its pattern comes from the checker
        }
        double[] lit = {rgb[0] * shade, rgb[1] * shade, rgb[2] * shade};
        vertex(a, lit, material);
        vertex(b, lit, material);
        vertex(c, lit, material);
    }

    /** Adds a triangle with one colour per vertex and no shading (the sky's gradient). */
    public void gradientTriangle(double[] a, double[] ca, double[] b, double[] cb, double[] c, double[] cc) {
        vertex(a, ca, 0);
        vertex(b, cb, 0);
        vertex(c, cc, 0);
    }

    /** Adds a quad a-b-c-d (counter-clockwise seen from its front) as two triangles. */
    public void quad(double[] a, double[] b, double[] c, double[] d, double[] rgb, int material) {
        triangle(a, b, c, rgb, material);
        triangle(a, c, d, rgb, material);
    }

    /** Adds an axis-aligned box given its centre and half-sizes. */
    public void box(double cx, double cy, double cz, double hx, double hy, double hz, double[] rgb) {
        double x0 = cx - hx, x1 = cx + hx, y0 = cy - hy, y1 = cy + hy, z0 = cz - hz, z1 = cz + hz;
        quad(p(x0, y0, z1), p(x1, y0, z1), p(x1, y1, z1), p(x0, y1, z1), rgb, 0); // top
        quad(p(x0, y1, z0), p(x1, y1, z0), p(x1, y0, z0), p(x0, y0, z0), rgb, 0); // bottom
        quad(p(x1, y0, z0), p(x1, y1, z0), p(x1, y1, z1), p(x1, y0, z1), rgb, 0); // +x
        quad(p(x0, y1, z0), p(x0, y0, z0), p(x0, y0, z1), p(x0, y1, z1), rgb, 0); // -x
        quad(p(x0, y0, z0), p(x1, y0, z0), p(x1, y0, z1), p(x0, y0, z1), rgb, 0); // -y
        quad(p(x1, y1, z0), p(x0, y1, z0), p(x0, y1, z1), p(x1, y1, z1), rgb, 0); // +y
    }

    /** Adds a vertical cylinder (axis along z) with caps. */
    public void cylinderZ(double cx, double cy, double z0, double z1, double r, int segments, double[] rgb, double[] topRgb) {
        for (int i = 0; i < segments; i++) {
            double a0 = 2 * Math.PI * i / segments, a1 = 2 * Math.PI * (i + 1) / segments;
            double[] b0 = p(cx + r * StrictMath.cos(a0), cy + r * StrictMath.sin(a0), z0);
            double[] b1 = p(cx + r * StrictMath.cos(a1), cy + r * StrictMath.sin(a1), z0);
            double[] t0 = p(b0[0], b0[1], z1);
            double[] t1 = p(b1[0], b1[1], z1);
            quad(b0, b1, t1, t0, rgb, 0);
            triangle(p(cx, cy, z1), t0, t1, topRgb, 0);
            triangle(p(cx, cy, z0), b1, b0, rgb, 0);
        }
    }

    /** Adds a horizontal cylinder with its axis along y (a wheel), with caps. */
    public void cylinderY(double cx, double cy, double cz, double halfWidth, double r, int segments, double[] rgb, double[] capRgb) {
        double y0 = cy - halfWidth, y1 = cy + halfWidth;
        for (int i = 0; i < segments; i++) {
            double a0 = 2 * Math.PI * i / segments, a1 = 2 * Math.PI * (i + 1) / segments;
            double[] l0 = p(cx + r * StrictMath.cos(a0), y0, cz + r * StrictMath.sin(a0));
            double[] l1 = p(cx + r * StrictMath.cos(a1), y0, cz + r * StrictMath.sin(a1));
            double[] r0 = p(l0[0], y1, l0[2]);
            double[] r1 = p(l1[0], y1, l1[2]);
            quad(l0, r0, r1, l1, rgb, 0);
            triangle(p(cx, y1, cz), r1, r0, capRgb, 0);
            triangle(p(cx, y0, cz), l0, l1, capRgb, 0);
        }
    }

    private void vertex(double[] pos, double[] rgb, int material) {
        ensure(STRIDE);
        data[size++] = (float) pos[0];
        data[size++] = (float) pos[1];
        data[size++] = (float) pos[2];
        data[size++] = (float) rgb[0];
        data[size++] = (float) rgb[1];
        data[size++] = (float) rgb[2];
        data[size++] = material;
    }

    private void ensure(int more) {
        if (size + more > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + more));
        }
    }

    /** @return the point (x, y, z) */
    public static double[] p(double x, double y, double z) {
        return new double[] {x, y, z};
    }

    /** @return the colour with components in [0, 1] from 0-255 values */
    public static double[] rgb(int r, int g, int b) {
        return new double[] {r / 255.0, g / 255.0, b / 255.0};
    }

    private static double[] sub(double[] a, double[] b) {
        return new double[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] normalize(double... v) {
        double n = Math.sqrt(dot(v, v));
        return n == 0 ? new double[] {0, 0, 1} : new double[] {v[0] / n, v[1] / n, v[2] / n};
    }
}
