package dev.gym4j.envs.classic;

import dev.gym4j.api.Frame;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * A white Java2D drawing surface with the y axis pointing up, like the pygame surfaces Gymnasium draws on
 * before flipping them vertically: a point {@code (x, y)} lands in image row {@code height - y}.
 * Antialiasing is on. Works headless: it touches no display and sets no global property.
 *
 * <p>Single use and not thread-safe: draw, then call {@link #toFrame()} once.
 */
final class Canvas {

    private final BufferedImage image;
    private final Graphics2D g;

    /**
     * @param width width in pixels
     * @param height height in pixels
     */
    Canvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.translate(0, height);
        g.scale(1, -1);
        g.setStroke(new BasicStroke(1f));
    }

    /**
     * Fills a polygon.
     *
     * @param xs x coordinates
     * @param ys y coordinates, same length
     * @param color the fill colour
     */
    void fillPolygon(double[] xs, double[] ys, Color color) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        path.closePath();
        g.setColor(color);
        g.fill(path);
    }

    /**
     * Fills the rectangle {@code [l, r] x [b, t]} rotated by {@code angle} (counter-clockwise, radians) about
     * the origin and then moved by {@code (dx, dy)}: pygame's {@code Vector2.rotate_rad} followed by a shift.
     */
    void fillRotatedRect(double l, double r, double b, double t, double angle, double dx, double dy, Color color) {
        double[] lx = {l, l, r, r};
        double[] ly = {b, t, t, b};
        double[] xs = new double[4];
        double[] ys = new double[4];
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        for (int i = 0; i < 4; i++) {
            xs[i] = lx[i] * c - ly[i] * s + dx;
            ys[i] = lx[i] * s + ly[i] * c + dy;
        }
        fillPolygon(xs, ys, color);
    }

    /**
     * Fills a disc.
     *
     * @param cx centre x
     * @param cy centre y
     * @param radius radius in pixels
     * @param color the fill colour
     */
    void fillCircle(double cx, double cy, double radius, Color color) {
        g.setColor(color);
        g.fill(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
    }

    /**
     * Draws a line segment of the given width.
     */
    void line(double x1, double y1, double x2, double y2, float width, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    /**
     * Draws an open polyline of the given width.
     */
    void polyline(double[] xs, double[] ys, float width, Color color) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        g.setColor(color);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
    }

    /** @return the graphics context, y up, for shapes the helpers above do not cover */
    Graphics2D graphics() {
        return g;
    }

    /**
     * Finishes drawing and converts the picture to a frame (rows top-down, RGB).
     *
     * @return the frame; the canvas must not be used afterwards
     */
    Frame toFrame() {
        g.dispose();
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] rgb = new byte[bgr.length];
        for (int i = 0; i < bgr.length; i += 3) {
            rgb[i] = bgr[i + 2];
            rgb[i + 1] = bgr[i + 1];
            rgb[i + 2] = bgr[i];
        }
        return new Frame(image.getWidth(), image.getHeight(), rgb);
    }
}
