package dev.gym4j.envs.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The software renderer draws nearly what GL draws: over camera pictures at several distances and bearings, with
 * distractors, and over the third-person view, the mean absolute difference per colour value stays under
 * {@value #TOLERANCE} (of 255). Skipped where GL is unavailable.
 */
class RendererComparisonTest {

    static final double TOLERANCE = 0.25;

    @Test
    void softwarePicturesAreCloseToGlPictures() {
        assumeTrue(Pictures.glAvailable(), "GL unavailable here");
        double worst = 0;
        double sum = 0;
        int n = 0;
        try (ObjectTrackerEnv gl = env("gl"); ObjectTrackerEnv sw = env("software")) {
            for (long seed = 0; seed < 3; seed++) {
                gl.reset(seed);
                sw.reset(seed);
                for (double d : new double[] {4.0, 2.0, 1.0, 0.4}) {
                    for (double yaw : new double[] {0.0, 0.3, -0.45}) {
                        gl.waffleDrive().place(gl.burgerDrive().x() - d, gl.burgerDrive().y() + 0.2, yaw);
                        sw.waffleDrive().place(sw.burgerDrive().x() - d, sw.burgerDrive().y() + 0.2, yaw);
                        byte[] a = (byte[]) gl.step(2).observation();
                        byte[] b = (byte[]) sw.step(2).observation();
                        double mad = Pictures.meanAbsoluteDifference(a, b);
                        worst = Math.max(worst, mad);
                        sum += mad;
                        n++;
                    }
                }
                byte[] a = gl.render().orElseThrow().rgb();
                byte[] b = sw.render().orElseThrow().rgb();
                double mad = Pictures.meanAbsoluteDifference(a, b);
                System.out.printf("third-person view, seed %d: mean absolute difference GL vs software %.3f%n", seed, mad);
                assertTrue(mad < TOLERANCE, "third-person MAD " + mad);
            }
        }
        System.out.printf("camera pictures: mean absolute difference GL vs software: mean %.3f, worst %.3f over %d pictures%n",
                sum / n, worst, n);
        assertTrue(worst < TOLERANCE, "worst MAD " + worst);
    }

    @Test
    void bothRenderersAgreeOnWhatIsWhere() {
        assumeTrue(Pictures.glAvailable(), "GL unavailable here");
        try (ObjectTrackerEnv gl = env("gl"); ObjectTrackerEnv sw = env("software")) {
            gl.reset(5L);
            sw.reset(5L);
            byte[] a = (byte[]) gl.step(2).observation();
            byte[] b = (byte[]) sw.step(2).observation();
            int far = 0;
            for (int i = 0; i < a.length; i++) {
                if (Math.abs((a[i] & 0xFF) - (b[i] & 0xFF)) > 40) {
                    far++;
                }
            }
            // only edge pixels may differ much: under 1 % of the values
            assertTrue(far < a.length / 100, far + " values differ by more than 40");
            assertEquals(a.length, b.length);
        }
    }

    private static ObjectTrackerEnv env(String renderer) {
        return ObjectTrackerEnv.fromKwargs(Map.of("renderer", renderer, "distractors", 6, "render_mode", "rgb_array"));
    }
}
