package dev.gym4j.envs.robotics.internal.render;

import dev.gym4j.api.Frame;
import dev.gym4j.envs.robotics.internal.physics.BodyModel;
import dev.gym4j.envs.robotics.internal.physics.Capsule;
import dev.gym4j.envs.robotics.internal.physics.Limb;
import dev.gym4j.envs.robotics.internal.physics.PlanarWorld;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;

/**
 * Draws a walker from the side, 480x480: sky, a floor with a tick every 0.5 m (a longer one every metre) so
 * that motion shows, and each limb as a rounded stroke in its own colour. The camera follows the torso's x
 * and keeps the floor at a fixed height in the picture.
 *
 * <p>Thread safety: not thread-safe (it reuses one image); one env owns one renderer.
 */
public final class SideViewRenderer {

    /** Frame side in pixels. */
    public static final int SIZE = 480;
    /** The visible window is this many metres wide. */
    private static final double VIEW_METRES = 3.2;
    private static final double SCALE = SIZE / VIEW_METRES;
    /** Pixel row of the floor. */
    private static final int FLOOR_ROW = 400;

    private final BodyModel model;
    private final int[] drawingOrder;
    private final BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);

    /** @param model the body to draw */
    public SideViewRenderer(BodyModel model) {
        this.model = model;
        this.drawingOrder = drawingOrder(model);
    }

    /** Far side first: limbs named {@code *_left}, then the middle (torso, single legs), then {@code *_right}. */
    private static int[] drawingOrder(BodyModel model) {
        int n = model.limbs().size();
        int[] order = new int[n];
        int k = 0;
        for (int depth = 0; depth < 3; depth++) {
            for (int i = 0; i < n; i++) {
                String name = model.limbs().get(i).name();
                int d = name.endsWith("_left") ? 0 : name.endsWith("_right") ? 2 : 1;
                if (d == depth) {
                    order[k++] = i;
                }
            }
        }
        return order;
    }

    /**
     * @param world the current physics state
     * @return a new frame of it
     */
    public Frame render(PlanarWorld world) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double cameraX = world.pose(0)[0];
            drawBackground(g, cameraX);
            for (int i : drawingOrder) {
                drawLimb(g, model.limbs().get(i), world.pose(i), cameraX);
            }
        } finally {
            g.dispose();
        }
        return FrameImages.toFrame(image);
    }

    private void drawBackground(Graphics2D g, double cameraX) {
        g.setColor(new Color(0xdde8f0));
        g.fillRect(0, 0, SIZE, FLOOR_ROW);
        g.setColor(new Color(0x8a7a62));
        g.fillRect(0, FLOOR_ROW, SIZE, SIZE - FLOOR_ROW);
        g.setColor(new Color(0x3d352a));
        g.setStroke(new BasicStroke(2f));
        g.drawLine(0, FLOOR_ROW, SIZE, FLOOR_ROW);
        double left = cameraX - VIEW_METRES / 2;
        long first = (long) Math.floor(left * 2);
        for (long k = first; k <= first + (long) (VIEW_METRES * 2) + 1; k++) {
            double x = k / 2.0;
            int px = (int) Math.round((x - left) * SCALE);
            int len = k % 2 == 0 ? 18 : 9;
            g.drawLine(px, FLOOR_ROW, px, FLOOR_ROW + len);
            if (k % 2 == 0) {
                g.drawString(Long.toString(k / 2), px + 3, FLOOR_ROW + 32);
            }
        }
    }

    private void drawLimb(Graphics2D g, Limb limb, double[] pose, double cameraX) {
        double c = Math.cos(pose[2]);
        double s = Math.sin(pose[2]);
        g.setColor(new Color(limb.colour()));
        for (Capsule cap : limb.capsules()) {
            double ax = cap.x0() - limb.originX();
            double az = cap.z0() - limb.originZ();
            double bx = cap.x1() - limb.originX();
            double bz = cap.z1() - limb.originZ();
            double x0 = pose[0] + c * ax - s * az;
            double z0 = pose[1] + s * ax + c * az;
            double x1 = pose[0] + c * bx - s * bz;
            double z1 = pose[1] + s * bx + c * bz;
            g.setStroke(new BasicStroke((float) (2 * cap.radius() * SCALE), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(px(x0, cameraX), py(z0), px(x1, cameraX), py(z1)));
        }
    }

    private static double px(double x, double cameraX) {
        return SIZE / 2.0 + (x - cameraX) * SCALE;
    }

    private static double py(double z) {
        return FLOOR_ROW - z * SCALE;
    }
}
