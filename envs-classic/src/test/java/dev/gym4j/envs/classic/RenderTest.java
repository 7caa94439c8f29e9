package dev.gym4j.envs.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Renders each env in {@code rgb_array} mode, writes the first frame (and one from later in the episode) to
 * {@code target/frames/} for a person to look at, and checks size and content.
 */
class RenderTest {

    private static final Path FRAMES = Path.of("target", "frames");

    @ParameterizedTest
    @CsvSource({
        "CartPole-v1, 600, 400, 202|152|101",
        "MountainCar-v0, 600, 400, 204|204|0",
        "MountainCarContinuous-v0, 600, 400, 204|204|0",
        "Acrobot-v1, 500, 500, 0|204|204",
        "Pendulum-v1, 500, 500, 204|77|77",
    })
    void firstFrameHasGymnasiumsSizeAndPicture(String id, int width, int height, String keyColour) throws IOException {
        try (Env<float[], Object> env = Gym.make(id, Map.of("render_mode", "rgb_array"))) {
            env.reset(0L, Map.of());
            Frame frame = env.render().orElseThrow();
            write(frame, id + "-first.png");
            assertEquals(width, frame.width(), id + " width");
            assertEquals(height, frame.height(), id + " height");
            assertEquals(0xFFFFFF, frame.rgbAt(0, 0), id + ": the background is white");
            assertTrue(distinctColours(frame) > 3, id + ": the picture is not blank");
            String[] c = keyColour.split("\\|");
            int key = (Integer.parseInt(c[0]) << 16) | (Integer.parseInt(c[1]) << 8) | Integer.parseInt(c[2]);
            assertTrue(count(frame, key) > 50, id + ": Gymnasium's colour " + keyColour + " is drawn");
            assertTrue(count(frame, 0x000000) > 10, id + ": black is drawn");

            for (int i = 0; i < 12; i++) {
                env.step(env.actionSpace().sample());
            }
            write(env.render().orElseThrow(), id + "-later.png");
        }
    }

    @Test
    void pictureFollowsTheState() {
        try (Env<float[], Integer> env = Gym.make("CartPole-v1", Map.of("render_mode", "rgb_array"))) {
            env.reset(3L, Map.of());
            Frame before = env.render().orElseThrow();
            for (int i = 0; i < 10; i++) {
                env.step(1);
            }
            assertFalse(before.equals(env.render().orElseThrow()), "the cart moved, so the picture changes");
        }
    }

    @Test
    void withoutRenderModeRenderIsEmpty() {
        try (Env<float[], Integer> env = Gym.make("CartPole-v1")) {
            env.reset(0L, Map.of());
            assertEquals(Optional.empty(), env.render());
        }
    }

    @Test
    void humanModeIsAcceptedAndDrawsNothing() {
        try (Env<float[], float[]> env = Gym.make("Pendulum-v1", Map.of("render_mode", "human"))) {
            env.reset(0L, Map.of());
            env.step(new float[] {1f});
            assertEquals("human", env.renderMode());
            assertEquals(Optional.empty(), env.render());
        }
    }

    @Test
    void pendulumShowsTheTorqueArrowAfterAStep() throws IOException {
        try (Env<float[], float[]> env = Gym.make("Pendulum-v1", Map.of("render_mode", "rgb_array"))) {
            env.reset(1L, Map.of());
            int blackBefore = count(env.render().orElseThrow(), 0x000000);
            env.step(new float[] {2f});
            Frame ccw = env.render().orElseThrow();
            write(ccw, "Pendulum-v1-torque-positive.png");
            env.step(new float[] {-1.5f});
            write(env.render().orElseThrow(), "Pendulum-v1-torque-negative.png");
            assertTrue(count(ccw, 0x000000) > blackBefore + 100, "the arrow adds black pixels");
        }
    }

    private static void write(Frame frame, String name) throws IOException {
        BufferedImage img = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                img.setRGB(x, y, frame.rgbAt(x, y));
            }
        }
        Files.createDirectories(FRAMES);
        ImageIO.write(img, "png", FRAMES.resolve(name).toFile());
    }

    private static int distinctColours(Frame frame) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < frame.height(); y += 2) {
            for (int x = 0; x < frame.width(); x += 2) {
                colours.add(frame.rgbAt(x, y));
            }
        }
        return colours.size();
    }

    private static int count(Frame frame, int rgb) {
        int n = 0;
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                n += frame.rgbAt(x, y) == rgb ? 1 : 0;
            }
        }
        return n;
    }
}
