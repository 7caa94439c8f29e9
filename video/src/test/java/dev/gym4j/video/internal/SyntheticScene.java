package dev.gym4j.video.internal;

import dev.gym4j.api.Frame;

/**
 * Draws frames that look like a classic-control render (white background, a track, a cart moving along it and a
 * swinging pole) without AWT, for benchmarks and tests of the encoders.
 *
 * <p>Stateless and thread-safe.
 */
public final class SyntheticScene {

    private SyntheticScene() {
    }

    /**
     * @param width frame width
     * @param height frame height
     * @param t the frame's index; the cart and pole move a little per frame
     * @return a new frame
     */
    public static Frame cartPole(int width, int height, int t) {
        byte[] rgb = new byte[width * height * 3];
        java.util.Arrays.fill(rgb, (byte) 255);
        double scale = width / 600.0;
        int trackY = (int) (height * 0.75);
        fillRect(rgb, width, height, 0, trackY, width, trackY + Math.max(1, (int) scale), 0x000000);
        int cartW = Math.max(2, (int) (50 * scale));
        int cartH = Math.max(2, (int) (30 * scale));
        int cartX = (int) ((0.5 + 0.35 * Math.sin(t * 0.05)) * (width - cartW));
        fillRect(rgb, width, height, cartX, trackY - cartH / 2, cartX + cartW, trackY + cartH / 2, 0x000000);
        double angle = 0.4 * Math.sin(t * 0.11);
        double axleX = cartX + cartW / 2.0;
        double axleY = trackY - cartH / 2.0;
        double poleLength = 100 * scale;
        double poleHalfWidth = Math.max(0.5, 5 * scale);
        drawSegment(rgb, width, height, axleX, axleY, axleX + poleLength * Math.sin(angle),
                axleY - poleLength * Math.cos(angle), poleHalfWidth, 0xCA9865);
        return new Frame(width, height, rgb);
    }

    private static void fillRect(byte[] rgb, int width, int height, int x0, int y0, int x1, int y1, int color) {
        for (int y = Math.max(0, y0); y < Math.min(height, y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(width, x1); x++) {
                put(rgb, (y * width + x) * 3, color);
            }
        }
    }

    private static void drawSegment(byte[] rgb, int width, int height, double ax, double ay, double bx, double by,
                                    double halfWidth, int color) {
        int x0 = (int) Math.max(0, Math.floor(Math.min(ax, bx) - halfWidth));
        int x1 = (int) Math.min(width - 1, Math.ceil(Math.max(ax, bx) + halfWidth));
        int y0 = (int) Math.max(0, Math.floor(Math.min(ay, by) - halfWidth));
        int y1 = (int) Math.min(height - 1, Math.ceil(Math.max(ay, by) + halfWidth));
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double u = lengthSquared == 0 ? 0 : ((x - ax) * dx + (y - ay) * dy) / lengthSquared;
                u = Math.max(0, Math.min(1, u));
                double ex = ax + u * dx - x;
                double ey = ay + u * dy - y;
                if (ex * ex + ey * ey <= halfWidth * halfWidth) {
                    put(rgb, (y * width + x) * 3, color);
                }
            }
        }
    }

    private static void put(byte[] rgb, int at, int color) {
        rgb[at] = (byte) (color >> 16);
        rgb[at + 1] = (byte) (color >> 8);
        rgb[at + 2] = (byte) color;
    }
}
