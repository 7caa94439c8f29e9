package dev.gym4j.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gym4j.api.Frame;
import dev.gym4j.video.internal.SyntheticScene;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Writes videos of every size the issue names with both backends and decodes them with FFmpeg. */
class Mp4WriterDecodeTest {

    private static final int FRAMES = 37;

    @TempDir
    Path dir;

    static Stream<Arguments> sizesAndBackends() {
        int[][] sizes = {{600, 400}, {500, 500}, {480, 480}, {160, 120}, {84, 84}, {85, 85}, {601, 401}};
        return Stream.of(VideoBackend.JCODEC, VideoBackend.FFMPEG)
                .flatMap(backend -> Stream.of(sizes).map(size -> Arguments.of(backend, size[0], size[1])));
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @MethodSource("sizesAndBackends")
    void decodesWithEveryFrameAtTheRealSize(VideoBackend backend, int width, int height) throws Exception {
        Decoder.require();
        requireBackend(backend);
        Path file = dir.resolve(width + "x" + height + ".mp4");
        try (Mp4Writer writer = Mp4Writer.builder(file).fps(50).backend(backend).open()) {
            assertEquals(backend, writer.backend());
            for (int t = 0; t < FRAMES; t++) {
                writer.write(SyntheticScene.cartPole(width, height, t));
            }
            assertFalse(Files.exists(file), "the .mp4 appears only when complete");
        }
        Decoder.assertVideo(file, width, height, FRAMES);
        assertEquals("50/1", Decoder.probe(file).frameRate());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no .part or log file is left behind");
        }
    }

    @ParameterizedTest(name = "{0} {1}x{2}")
    @MethodSource("sizesAndBackends")
    void keepsTheColoursOfTheFrame(VideoBackend backend, int width, int height) {
        Decoder.require();
        requireBackend(backend);
        Path file = dir.resolve("colours.mp4");
        Frame frame = SyntheticScene.cartPole(width, height, 7);
        try (Mp4Writer writer = Mp4Writer.builder(file).backend(backend).open()) {
            writer.write(frame);
        }
        byte[] decoded = Decoder.firstFrameRgb(file);
        assertEquals(frame.rgb().length, decoded.length, "decoded frame size");
        long error = 0;
        for (int i = 0; i < decoded.length; i++) {
            error += Math.abs((decoded[i] & 0xff) - (frame.rgb()[i] & 0xff));
        }
        double meanError = (double) error / decoded.length;
        // Studio-range BT.601 both ways: a wrong range or matrix shifts every white pixel by 10 or more.
        assertTrue(meanError < 3, "mean absolute error per channel " + meanError);
    }

    static void requireBackend(VideoBackend backend) {
        assumeTrue(backend != VideoBackend.FFMPEG || Decoder.onPath("ffmpeg"),
                "ffmpeg is not on the PATH: skipping the ffmpeg backend (apt-get install ffmpeg to run it)");
    }
}
