package dev.gym4j.envs.robotics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.Frame;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders frames 0, 50 and 100 of each env under a seeded random policy (resetting when an episode ends)
 * and writes them to {@code target/frames/} for a person to look at.
 */
class FramesTest {

    static java.util.List<String> names() {
        return Trajectories.NAMES;
    }

    @ParameterizedTest
    @MethodSource("names")
    void framesAreWrittenAndShowSomething(String name) throws IOException {
        Path dir = Path.of("target", "frames");
        Files.createDirectories(dir);
        Env<double[], float[]> env = Gym.make(Trajectories.id(name), Map.of("render_mode", "rgb_array"));
        env.reset(42L);
        env.actionSpace().seed(42L);
        for (int t = 0; t <= 100; t++) {
            if (t % 50 == 0) {
                Frame frame = env.render().orElseThrow();
                assertEquals(480, frame.width());
                assertEquals(480, frame.height());
                assertTrue(distinctColours(frame) > 5, "frame " + t + " of " + name + " is nearly blank");
                ImageIO.write(toImage(frame), "png", dir.resolve(name + "-" + t + ".png").toFile());
            }
            if (env.step(env.actionSpace().sample()).done()) {
                env.reset();
            }
        }
        env.close();
    }

    private static int distinctColours(Frame frame) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < frame.height(); y += 4) {
            for (int x = 0; x < frame.width(); x += 4) {
                colours.add(frame.rgbAt(x, y));
            }
        }
        return colours.size();
    }

    private static BufferedImage toImage(Frame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                image.setRGB(x, y, frame.rgbAt(x, y));
            }
        }
        return image;
    }

}
