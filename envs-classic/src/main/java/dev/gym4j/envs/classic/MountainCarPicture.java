package dev.gym4j.envs.classic;

import dev.gym4j.api.Frame;
import java.awt.Color;

/**
 * Draws the mountain-car scene shared by {@link MountainCarEnv} and {@link MountainCarContinuousEnv}, laid
 * out as Gymnasium lays it out: the hill {@code y = 0.45 sin(3x) + 0.55} over {@code [-1.2, 0.6]} as a black
 * curve, the black car body tilted with the slope and riding 10 pixels above it on two grey wheels, and a
 * flag pole with a yellow pennant at the goal position. The picture is 600x400.
 *
 * <p>Stateless and thread-safe.
 */
final class MountainCarPicture {

    private static final int WIDTH = 600;
    private static final int HEIGHT = 400;
    private static final double MIN_POSITION = -1.2;
    private static final double MAX_POSITION = 0.6;

    private MountainCarPicture() {
    }

    /**
     * @param position the car's position
     * @param goalPosition where the flag stands
     * @return the frame
     */
    static Frame draw(double position, double goalPosition) {
        double scale = WIDTH / (MAX_POSITION - MIN_POSITION);
        double carwidth = 40;
        double carheight = 20;
        double clearance = 10;
        Canvas canvas = new Canvas(WIDTH, HEIGHT);

        int n = 100;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            double px = MIN_POSITION + (MAX_POSITION - MIN_POSITION) * i / (n - 1);
            xs[i] = (px - MIN_POSITION) * scale;
            ys[i] = height(px) * scale;
        }
        canvas.polyline(xs, ys, 1.5f, Color.BLACK);

        double angle = Math.cos(3 * position);
        double carX = (position - MIN_POSITION) * scale;
        double carY = clearance + height(position) * scale;
        canvas.fillRotatedRect(-carwidth / 2, carwidth / 2, 0, carheight, angle, carX, carY, Color.BLACK);
        Color wheel = new Color(128, 128, 128);
        for (double wx : new double[] {carwidth / 4, -carwidth / 4}) {
            double cx = wx * Math.cos(angle) + carX;
            double cy = wx * Math.sin(angle) + carY;
            canvas.fillCircle(cx, cy, carheight / 2.5, wheel);
        }

        double flagx = (goalPosition - MIN_POSITION) * scale;
        double flagy1 = height(goalPosition) * scale;
        double flagy2 = flagy1 + 50;
        canvas.line(flagx, flagy1, flagx, flagy2, 1.5f, Color.BLACK);
        canvas.fillPolygon(new double[] {flagx, flagx, flagx + 25}, new double[] {flagy2, flagy2 - 10, flagy2 - 5},
                new Color(204, 204, 0));
        return canvas.toFrame();
    }

    private static double height(double x) {
        return Math.sin(3 * x) * 0.45 + 0.55;
    }
}
