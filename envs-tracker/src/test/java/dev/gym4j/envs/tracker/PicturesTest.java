package dev.gym4j.envs.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.Frame;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Writes the pictures a person looks at: the head camera's view at a few distances from the Burger and the
 * third-person view, with each renderer available here, to {@code target/tracker-pictures}. It also checks what
 * can be checked without eyes: the Burger (dark) fills more of the picture the closer it is, and sits in the middle
 * when the Waffle faces it.
 */
class PicturesTest {

    static final double[] DISTANCES = {3.5, 2.0, 1.0, 0.5};

    @Test
    void cameraPicturesAtSeveralDistancesAndTheThirdPersonView() {
        for (String renderer : Pictures.glAvailable() ? new String[] {"software", "gl"} : new String[] {"software"}) {
            double previousDark = -1;
            for (double d : DISTANCES) {
                try (ObjectTrackerEnv env = ObjectTrackerEnv.fromKwargs(Map.of("renderer", renderer, "render_mode", "rgb_array",
                        "distractors", 4))) {
                    env.reset(3L);
                    byte[] rgb = placeFacingBurger(env, d);
                    Pictures.writePng(rgb, 160, 120, 3, Pictures.outputDir().resolve("camera-" + renderer + "-" + d + "m.png"));
                    double dark = darkFractionInCentre(rgb, 160, 120);
                    assertTrue(dark > previousDark, renderer + ": the Burger should look bigger at " + d + " m than farther away; dark "
                            + dark + " vs " + previousDark);
                    previousDark = dark;
                    if (d == 2.0) {
                        Frame f = env.render().orElseThrow();
                        assertEquals(480, f.width());
                        Pictures.writePng(f.rgb(), f.width(), f.height(), 3, Pictures.outputDir().resolve("third-person-" + renderer + ".png"));
                    }
                }
            }
        }
    }

    /** Puts the Waffle {@code d} metres behind the Burger, facing it, and returns the camera picture. */
    static byte[] placeFacingBurger(ObjectTrackerEnv env, double d) {
        double bx = env.burgerDrive().x(), by = env.burgerDrive().y();
        env.waffleDrive().place(bx - d, by, 0);
        return (byte[]) env.step(2).observation();
    }

    /** Fraction of dark pixels (all channels below 90) in the middle third of the picture. */
    static double darkFractionInCentre(byte[] rgb, int w, int h) {
        int dark = 0, total = 0;
        for (int y = h / 3; y < 2 * h / 3; y++) {
            for (int x = w / 3; x < 2 * w / 3; x++) {
                int i = (y * w + x) * 3;
                total++;
                if ((rgb[i] & 0xFF) < 90 && (rgb[i + 1] & 0xFF) < 90 && (rgb[i + 2] & 0xFF) < 90) {
                    dark++;
                }
            }
        }
        return (double) dark / total;
    }
}
