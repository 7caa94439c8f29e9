package dev.gym4j.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.Frame;
import dev.gym4j.api.GymException;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.video.internal.SyntheticScene;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's contract apart from decoding: files appear whole or not at all, and errors surface. */
class Mp4WriterTest {

    @TempDir
    Path dir;

    @Test
    void writesNoFileWithoutFrames() throws IOException {
        Path file = dir.resolve("empty.mp4");
        Mp4Writer.open(file, 30).close();
        assertEquals(List.of(), listing());
    }

    @Test
    void replacesAnExistingFileOnlyWhenComplete() throws IOException {
        Path file = dir.resolve("v.mp4");
        Files.writeString(file, "old");
        try (Mp4Writer writer = Mp4Writer.open(file, 30)) {
            writer.write(SyntheticScene.cartPole(64, 48, 0));
            assertEquals("old", Files.readString(file));
        }
        assertTrue(Files.size(file) > 100);
        assertEquals(List.of("v.mp4"), listing());
    }

    @Test
    void refusesAFrameOfAnotherSize() {
        try (Mp4Writer writer = Mp4Writer.open(dir.resolve("v.mp4"), 30)) {
            writer.write(SyntheticScene.cartPole(64, 48, 0));
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                    () -> writer.write(SyntheticScene.cartPole(48, 64, 1)));
            assertTrue(e.getMessage().contains("48x64") && e.getMessage().contains("64x48"), e.getMessage());
        }
    }

    @Test
    void refusesWritesAfterCloseAndClosesOnce() {
        Mp4Writer writer = Mp4Writer.open(dir.resolve("v.mp4"), 30);
        writer.write(SyntheticScene.cartPole(32, 32, 0));
        writer.close();
        writer.close();
        assertTrue(writer.isClosed());
        assertEquals(1, writer.framesWritten());
        assertThrows(IllegalStateException.class, () -> writer.write(SyntheticScene.cartPole(32, 32, 1)));
    }

    @Test
    void refusesBadArguments() {
        assertThrows(InvalidArgumentException.class, () -> Mp4Writer.open(dir.resolve("v.mp4"), 0));
        assertThrows(InvalidArgumentException.class, () -> Mp4Writer.open(dir.resolve("v.mp4"), Double.NaN));
        VideoWriteException e = assertThrows(VideoWriteException.class,
                () -> Mp4Writer.open(dir.resolve("missing/v.mp4"), 30));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void saysWhenTheFfmpegBackendHasNoFfmpeg() {
        VideoWriteException e = assertThrows(VideoWriteException.class, () -> Mp4Writer.builder(dir.resolve("v.mp4"))
                .backend(VideoBackend.FFMPEG).ffmpegExecutable(dir.resolve("no-such-ffmpeg")).open());
        assertTrue(e.getMessage().contains("ffmpeg") && e.getMessage().contains("JCODEC"), e.getMessage());
        assertTrue(e instanceof GymException);
    }

    @Test
    void autoFallsBackToJCodecWithoutFfmpeg() {
        try (Mp4Writer writer = Mp4Writer.builder(dir.resolve("v.mp4")).backend(VideoBackend.AUTO)
                .ffmpegExecutable(dir.resolve("no-such-ffmpeg")).open()) {
            assertEquals(VideoBackend.JCODEC, writer.backend());
        }
    }

    @Test
    void surfacesAnFfmpegFailureAndLeavesNoFile(@TempDir Path scripts) throws IOException {
        Path fake = script(scripts, "#!/bin/sh\necho 'Unknown encoder libx264' >&2\nexit 1\n");
        Path file = dir.resolve("v.mp4");
        VideoWriteException e = assertThrows(VideoWriteException.class, () -> {
            try (Mp4Writer writer = Mp4Writer.builder(file).backend(VideoBackend.FFMPEG).ffmpegExecutable(fake).open()) {
                for (int t = 0; t < 200; t++) {
                    writer.write(SyntheticScene.cartPole(320, 240, t));
                }
            }
        });
        assertTrue(e.getMessage().contains("v.mp4"), e.getMessage());
        assertTrue(causes(e).contains("Unknown encoder libx264"), causes(e));
        assertEquals(List.of(), listing(), "neither the .mp4, the .part nor the log is left");
    }

    @Test
    void surfacesAFailureToCreateTheFile() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Mp4Writer writer = Mp4Writer.open(sub.resolve("v.mp4"), 30);
        Files.delete(sub);
        VideoWriteException e = assertThrows(VideoWriteException.class, () -> writer.write(SyntheticScene.cartPole(32, 32, 0)));
        assertTrue(e.getMessage().contains("v.mp4"), e.getMessage());
        assertTrue(writer.isClosed());
    }

    @Test
    void copiesTheFrameSoTheCallerMayReuseItsArray() {
        Decoder.require();
        Path file = dir.resolve("v.mp4");
        byte[] shared = SyntheticScene.cartPole(64, 64, 0).rgb().clone();
        try (Mp4Writer writer = Mp4Writer.open(file, 30)) {
            writer.write(new Frame(64, 64, shared));
            java.util.Arrays.fill(shared, (byte) 0);
        }
        byte[] decoded = Decoder.firstFrameRgb(file);
        assertTrue((decoded[0] & 0xff) > 200, "the first pixel stayed white: " + (decoded[0] & 0xff));
    }

    static Path script(Path scripts, String text) throws IOException {
        Path path = scripts.resolve("fake-ffmpeg");
        Files.writeString(path, text);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }

    static String causes(Throwable t) {
        StringBuilder text = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            text.append(c.getMessage()).append(" / ");
        }
        return text.toString();
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void isNamedAfterItsFile() {
        try (Mp4Writer writer = Mp4Writer.open(dir.resolve("v.mp4"), 25)) {
            assertTrue(writer.toString().contains("v.mp4"), writer.toString());
            assertFalse(writer.isClosed());
        }
    }
}
