package dev.gym4j.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks MP4 files with an independent decoder: FFmpeg's {@code ffprobe} and {@code ffmpeg}.
 *
 * <p>When they are not on the {@code PATH}, tests that need them are skipped with a message, except under CI
 * ({@code CI} set), where they fail: CI installs Debian's ffmpeg, so a missing decoder there is a broken setup.
 */
final class Decoder {

    private Decoder() {
    }

    /** What ffprobe reports for a file's video stream, with every frame decoded. */
    record Probe(String codec, int width, int height, long frames, String frameRate) {
    }

    /** Skips the calling test (or fails it under CI) when ffprobe and ffmpeg are not on the PATH. */
    static void require() {
        boolean present = onPath("ffprobe") && onPath("ffmpeg");
        if (!present && System.getenv("CI") != null) {
            fail("ffprobe/ffmpeg are not on the PATH, but CI must install them (Debian package ffmpeg, see .ci/run)");
        }
        assumeTrue(present, "ffprobe/ffmpeg not on the PATH: install ffmpeg (apt-get install ffmpeg) to run the decoding checks");
    }

    /**
     * @return whether an executable of that name is on the PATH; always false when system property
     *     {@code gym4j.ffmpeg} or environment variable {@code GYM4J_FFMPEG} is {@code none} (hides FFmpeg, to check
     *     the skip path)
     */
    static boolean onPath(String name) {
        if ("none".equals(System.getProperty("gym4j.ffmpeg", System.getenv("GYM4J_FFMPEG")))) {
            return false;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** Decodes every frame with ffprobe and reports the video stream. */
    static Probe probe(Path file) {
        String out = run(List.of("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,width,height,nb_read_frames,r_frame_rate",
                "-of", "default=noprint_wrappers=1", file.toString()));
        Map<String, String> fields = new HashMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        if (!fields.containsKey("nb_read_frames")) {
            fail("ffprobe found no video stream in " + file + ": " + out);
        }
        return new Probe(fields.get("codec_name"), Integer.parseInt(fields.get("width")),
                Integer.parseInt(fields.get("height")), Long.parseLong(fields.get("nb_read_frames")),
                fields.get("r_frame_rate"));
    }

    /** Asserts that {@code ffmpeg -v error -i FILE -f null -} decodes the whole file without a message. */
    static void assertDecodesCleanly(Path file) {
        assertEquals("", run(List.of("ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(), "-f", "null", "-")),
                "ffmpeg reported errors decoding " + file);
    }

    /** Asserts that the file decodes cleanly with the given size and exactly {@code frames} frames. */
    static void assertVideo(Path file, int width, int height, long frames) {
        Probe probe = probe(file);
        assertEquals("h264", probe.codec(), file + " codec");
        assertEquals(width + "x" + height, probe.width() + "x" + probe.height(), file + " size");
        assertEquals(frames, probe.frames(), file + " frame count");
        assertDecodesCleanly(file);
    }

    /** Decodes the first frame of a file to packed RGB at its reported size. */
    static byte[] firstFrameRgb(Path file) {
        return runBytes(List.of("ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(), "-frames:v", "1",
                "-f", "rawvideo", "-pix_fmt", "rgb24", "-"));
    }

    private static String run(List<String> command) {
        return new String(runBytes(command), StandardCharsets.UTF_8).strip();
    }

    private static byte[] runBytes(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = process.getInputStream()) {
                in.transferTo(out);
            }
            int exit = process.waitFor();
            if (exit != 0) {
                fail(String.join(" ", command) + " exited with " + exit + ": " + out.toString(StandardCharsets.UTF_8));
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
