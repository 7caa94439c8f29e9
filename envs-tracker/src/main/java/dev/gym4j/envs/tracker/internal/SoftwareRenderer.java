package dev.gym4j.envs.tracker.internal;

import java.util.Arrays;

/**
 * A pure-Java rasteriser of the tracker's scene that follows OpenGL's rules closely enough to give nearly the
 * GL renderer's pictures: clipping at the near plane, pixel centres sampled at half-integers, a top-left fill
 * rule, perspective-correct colours and ground coordinates, depth interpolated linearly in screen space with a
 * less-than test, and colours rounded to the nearest 8-bit value. It is the fallback when EGL or Mesa is missing,
 * and needs nothing but the JDK. All arithmetic is in {@code double}: its pictures are bit-identical on every JVM.
 *
 * <p>Thread safety: one thread at a time (it keeps its depth buffer between calls).
 */
public final class SoftwareRenderer implements SceneRenderer {

    private static final Mesh BURGER = Models.burger();
    private static final Mesh WAFFLE = Models.waffle();
    private static final Mesh CONE = Models.viewCone(View.CAMERA_HFOV / 2, 2.0);
    private static final double[] IDENTITY = View.model(0, 0, 0);

    private Mesh world = new Mesh();
    private double[] depth = new double[0];
    private final double[][] clip = new double[8][];
    private final double[][] attr = new double[8][];
    private final double[] scratchIn = new double[9 * 4];
    private final double[] scratchOut = new double[9 * 5];

    // per-frame state
    private int width;
    private int height;
    private byte[] out;
    private int offset;
    private float gainR;
    private float gainG;
    private float gainB;

    /** Makes a renderer with an empty world. */
    public SoftwareRenderer() {
        for (int i = 0; i < clip.length; i++) {
            clip[i] = new double[4];
            attr[i] = new double[5];
        }
    }

    @Override
    public String name() {
        return "software";
    }

    @Override
    public void setWorld(Mesh world) {
        this.world = world;
    }

    @Override
    public void render(View view, ScenePoses poses, byte[] out, int offset) {
        width = view.width();
        height = view.height();
        this.out = out;
        this.offset = offset;
        gainR = poses.gain()[0];
        gainG = poses.gain()[1];
        gainB = poses.gain()[2];
        int pixels = width * height;
        if (depth.length < pixels) {
            depth = new double[pixels];
        }
        Arrays.fill(depth, 0, pixels, 1.0);
        Arrays.fill(out, offset, offset + pixels * 3, (byte) 0);
        double[] vp = view.viewProjection();
        draw(world, IDENTITY, vp);
        draw(BURGER, View.model(poses.burgerX(), poses.burgerY(), poses.burgerYaw()), vp);
        if (view.thirdPerson()) {
            double[] waffle = View.model(poses.waffleX(), poses.waffleY(), poses.waffleYaw());
            draw(WAFFLE, waffle, vp);
            draw(CONE, waffle, vp);
        }
    }

    private void draw(Mesh mesh, double[] model, double[] vp) {
        double[] mvp = View.multiply(vp, model);
        float[] d = mesh.data();
        int n = mesh.vertices();
        double[] tri = scratchIn;
        for (int v = 0; v < n; v += 3) {
            for (int k = 0; k < 3; k++) {
                int base = (v + k) * Mesh.STRIDE;
                double x = d[base], y = d[base + 1], z = d[base + 2];
                int o = k * 9;
                tri[o] = mvp[0] * x + mvp[4] * y + mvp[8] * z + mvp[12];
                tri[o + 1] = mvp[1] * x + mvp[5] * y + mvp[9] * z + mvp[13];
                tri[o + 2] = mvp[2] * x + mvp[6] * y + mvp[10] * z + mvp[14];
                tri[o + 3] = mvp[3] * x + mvp[7] * y + mvp[11] * z + mvp[15];
                tri[o + 4] = d[base + 3];
                tri[o + 5] = d[base + 4];
                tri[o + 6] = d[base + 5];
                // world ground coordinates, for the checker
                tri[o + 7] = model[0] * x + model[4] * y + model[12];
                tri[o + 8] = model[1] * x + model[5] * y + model[13];
            }
            boolean ground = d[v * Mesh.STRIDE + 6] == 1f;
            clipAndRaster(tri, ground);
        }
    }

    /** Clips the triangle against the near plane (z > -w) and rasterises the resulting fan. */
    private void clipAndRaster(double[] tri, boolean ground) {
        // trivial rejects against the side planes
        for (int axis = 0; axis < 3; axis++) {
            if (axis == 2) {
                break;
            }
            boolean allOut = true;
            boolean allOutNeg = true;
            for (int k = 0; k < 3; k++) {
                double c = tri[k * 9 + axis];
                double w = tri[k * 9 + 3];
                allOut &= c > w;
                allOutNeg &= c < -w;
            }
            if (allOut || allOutNeg) {
                return;
            }
        }
        int count = 0;
        double[] poly = scratchOut;
        for (int k = 0; k < 3; k++) {
            int a = k * 9;
            int b = ((k + 1) % 3) * 9;
            double da = tri[a + 2] + tri[a + 3];
            double db = tri[b + 2] + tri[b + 3];
            if (da >= 0) {
                System.arraycopy(tri, a, poly, count * 9, 9);
                count++;
            }
            if ((da >= 0) != (db >= 0)) {
                double t = da / (da - db);
                for (int i = 0; i < 9; i++) {
                    poly[count * 9 + i] = tri[a + i] + t * (tri[b + i] - tri[a + i]);
                }
                count++;
            }
        }
        if (count < 3) {
            return;
        }
        for (int k = 0; k < count; k++) {
            double w = poly[k * 9 + 3];
            clip[k][0] = (poly[k * 9] / w + 1) * 0.5 * width;
            clip[k][1] = (poly[k * 9 + 1] / w + 1) * 0.5 * height;
            clip[k][2] = (poly[k * 9 + 2] / w + 1) * 0.5;
            clip[k][3] = 1.0 / w;
            for (int i = 0; i < 5; i++) {
                attr[k][i] = poly[k * 9 + 4 + i];
            }
        }
        for (int k = 1; k + 1 < count; k++) {
            raster(clip[0], attr[0], clip[k], attr[k], clip[k + 1], attr[k + 1], ground);
        }
    }

    private void raster(double[] p0, double[] a0, double[] p1, double[] a1, double[] p2, double[] a2, boolean ground) {
        double area = (p1[0] - p0[0]) * (p2[1] - p0[1]) - (p1[1] - p0[1]) * (p2[0] - p0[0]);
        if (area == 0 || Double.isNaN(area)) {
            return;
        }
        if (area < 0) { // make it counter-clockwise (window y up)
            double[] tp = p1, ta = a1;
            p1 = p2;
            a1 = a2;
            p2 = tp;
            a2 = ta;
            area = -area;
        }
        int minX = (int) Math.max(0, Math.floor(Math.min(p0[0], Math.min(p1[0], p2[0]))));
        int maxX = (int) Math.min(width - 1, Math.ceil(Math.max(p0[0], Math.max(p1[0], p2[0]))));
        int minY = (int) Math.max(0, Math.floor(Math.min(p0[1], Math.min(p1[1], p2[1]))));
        int maxY = (int) Math.min(height - 1, Math.ceil(Math.max(p0[1], Math.max(p1[1], p2[1]))));
        if (minX > maxX || minY > maxY) {
            return;
        }
        // edge e_i is opposite vertex i; inside when all are > 0 (or == 0 on a top or left edge)
        double e0dx = p2[0] - p1[0], e0dy = p2[1] - p1[1];
        double e1dx = p0[0] - p2[0], e1dy = p0[1] - p2[1];
        double e2dx = p1[0] - p0[0], e2dy = p1[1] - p0[1];
        boolean tl0 = topLeft(e0dx, e0dy), tl1 = topLeft(e1dx, e1dy), tl2 = topLeft(e2dx, e2dy);
        double inv = 1.0 / area;
        double q0 = p0[3], q1 = p1[3], q2 = p2[3];
        for (int py = minY; py <= maxY; py++) {
            double sy = py + 0.5;
            int row = (height - 1 - py) * width;
            // the span of this row inside all three edges (each edge function is linear in x); the exact test
            // below still decides every pixel, the span only saves visiting the pixels that are surely outside
            double lo = minX;
            double hi = maxX;
            for (int e = 0; e < 3; e++) {
                double edx = e == 0 ? e0dx : e == 1 ? e1dx : e2dx;
                double edy = e == 0 ? e0dy : e == 1 ? e1dy : e2dy;
                double[] origin = e == 0 ? p1 : e == 1 ? p2 : p0;
                double a = -edy;
                double b = edx * (sy - origin[1]) + edy * origin[0];
                if (a > 0) {
                    lo = Math.max(lo, Math.floor(-b / a - 0.5) - 1);
                } else if (a < 0) {
                    hi = Math.min(hi, Math.ceil(-b / a - 0.5) + 1);
                } else if (b < 0) {
                    hi = lo - 1;
                }
            }
            int fromX = (int) Math.max(minX, lo);
            int toX = (int) Math.min(maxX, hi);
            for (int px = fromX; px <= toX; px++) {
                double sx = px + 0.5;
                double w0 = e0dx * (sy - p1[1]) - e0dy * (sx - p1[0]);
                double w1 = e1dx * (sy - p2[1]) - e1dy * (sx - p2[0]);
                double w2 = e2dx * (sy - p0[1]) - e2dy * (sx - p0[0]);
                if (!(w0 > 0 || (w0 == 0 && tl0)) || !(w1 > 0 || (w1 == 0 && tl1)) || !(w2 > 0 || (w2 == 0 && tl2))) {
                    continue;
                }
                double l0 = w0 * inv, l1 = w1 * inv, l2 = w2 * inv;
                double z = l0 * p0[2] + l1 * p1[2] + l2 * p2[2];
                int index = row + px;
                if (!(z < depth[index]) || z < 0) {
                    continue;
                }
                depth[index] = z;
                double b0 = l0 * q0, b1 = l1 * q1, b2 = l2 * q2;
                double norm = 1.0 / (b0 + b1 + b2);
                b0 *= norm;
                b1 *= norm;
                b2 *= norm;
                double r = b0 * a0[0] + b1 * a1[0] + b2 * a2[0];
                double g = b0 * a0[1] + b1 * a1[1] + b2 * a2[1];
                double b = b0 * a0[2] + b1 * a1[2] + b2 * a2[2];
                if (ground) {
                    double wx = b0 * a0[3] + b1 * a1[3] + b2 * a2[3];
                    double wy = b0 * a0[4] + b1 * a1[4] + b2 * a2[4];
                    double f = checker(wx, wy);
                    r *= f;
                    g *= f;
                    b *= f;
                }
                int o = offset + index * 3;
                out[o] = toByte(r * gainR);
                out[o + 1] = toByte(g * gainG);
                out[o + 2] = toByte(b * gainB);
            }
        }
    }

    /** The ground's checker factor at a world point; the GL fragment shader computes the same. */
    static double checker(double x, double y) {
        double cells = Math.floor(x / Mesh.TILE) + Math.floor(y / Mesh.TILE);
        return cells - 2 * Math.floor(cells / 2) == 0 ? 1.0 : Mesh.CHECKER_DARK;
    }

    private static boolean topLeft(double dx, double dy) {
        return dy < 0 || (dy == 0 && dx < 0);
    }

    private static byte toByte(double c) {
        int v = (int) Math.floor(c * 255 + 0.5);
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }

    @Override
    public void close() {
        depth = new double[0];
    }
}
