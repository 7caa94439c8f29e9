package dev.gym4j.envs.robotics.internal.render;

import dev.gym4j.api.Frame;
import dev.gym4j.envs.robotics.internal.physics.Capsule;
import dev.gym4j.envs.robotics.internal.physics.Limb;
import dev.gym4j.envs.robotics.internal.physics.PlanarWorld;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;

/**
 * Draws an arm fixed at the origin seen from above, 480x480: a table with a 5 cm grid, the circle the
 * fingertip can reach, the target as a red disc and each link in its own colour.
 *
 * <p>Thread safety: not thread-safe (it reuses one image); one env owns one renderer.
 */
public final class TopViewRenderer {

    /** Frame side in pixels. */
    public static final int SIZE = 480;
    private static final double VIEW_METRES = 0.5;
    private static final double SCALE = SIZE / VIEW_METRES;

    private final BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
    private final double reach;

    /** @param reach the radius the fingertip can reach, in metres, drawn as a circle */
    public TopViewRenderer(double reach) {
        this.reach = reach;
    }

    /**
     * @param world the arm's physics state
     * @param targetX target x in metres
     * @param targetY target y in metres
     * @return a new frame
     */
    public Frame render(PlanarWorld world, double targetX, double targetY) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0xf2efe6));
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(new Color(0xdcd6c4));
            g.setStroke(new BasicStroke(1f));
            for (int k = -5; k <= 5; k++) {
                double p = k * 0.05;
                g.draw(new Line2D.Double(px(p), 0, px(p), SIZE));
                g.draw(new Line2D.Double(0, py(p), SIZE, py(p)));
            }
            g.setColor(new Color(0x9a9280));
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f));
            g.draw(new Ellipse2D.Double(px(-reach), py(reach), 2 * reach * SCALE, 2 * reach * SCALE));
            disc(g, targetX, targetY, 0.012, new Color(0xd62828));
            for (int i = 0; i < world.model().limbs().size(); i++) {
                drawLimb(g, world, i);
            }
            disc(g, 0, 0, 0.015, new Color(0x333333));
        } finally {
            g.dispose();
        }
        return FrameImages.toFrame(image);
    }

    private void drawLimb(Graphics2D g, PlanarWorld world, int index) {
        Limb limb = world.model().limbs().get(index);
        g.setColor(new Color(limb.colour()));
        for (Capsule c : limb.capsules()) {
            double[] a = world.worldPoint(index, c.x0(), c.z0());
            double[] b = world.worldPoint(index, c.x1(), c.z1());
            g.setStroke(new BasicStroke((float) (2 * c.radius() * SCALE), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(px(a[0]), py(a[1]), px(b[0]), py(b[1])));
        }
    }

    private static void disc(Graphics2D g, double x, double y, double r, Color colour) {
        g.setColor(colour);
        g.fill(new Ellipse2D.Double(px(x - r), py(y + r), 2 * r * SCALE, 2 * r * SCALE));
    }

    private static double px(double x) {
        return SIZE / 2.0 + x * SCALE;
    }

    private static double py(double y) {
        return SIZE / 2.0 - y * SCALE;
    }
}
