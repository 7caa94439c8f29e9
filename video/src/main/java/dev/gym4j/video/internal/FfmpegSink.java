package dev.gym4j.video.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Encodes frames with an external {@code ffmpeg} (libx264, yuv420p, {@code +faststart}): raw RGB frames go down
 * its standard input.
 *
 * <p>Odd sizes are padded to even here (repeating the last column and row, as the JCodec path does), and the real
 * size is then written into the finished file's track header and sample entry, as JCodec's muxer does. ffmpeg's
 * messages go to a log file beside the output and end up in the exception when ffmpeg fails.
 *
 * <p>Not thread-safe: used by the encoding thread only.
 */
final class FfmpegSink implements FrameSink {

    private static final long EXIT_WAIT_SECONDS = 60;

    private final Path file;
    private final Path log;
    private final Process process;
    private final OutputStream stdin;
    private final FrameGeometry geometry;
    private final byte[] padded;

    FfmpegSink(Path executable, Path file, FrameGeometry geometry, FrameRate rate) throws IOException {
        this.file = file;
        this.geometry = geometry;
        this.padded = geometry.isPadded() ? new byte[geometry.evenWidth() * geometry.evenHeight() * 3] : null;
        this.log = file.resolveSibling(file.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command(executable, file, geometry, rate))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(log.toFile());
        try {
            this.process = builder.start();
        } catch (IOException e) {
            Files.deleteIfExists(log);
            throw new IOException("Could not start ffmpeg at " + executable + ": " + e.getMessage(), e);
        }
        this.stdin = process.getOutputStream();
    }

    static List<String> command(Path executable, Path file, FrameGeometry geometry, FrameRate rate) {
        List<String> command = new ArrayList<>(List.of(executable.toString(),
                "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                "-f", "rawvideo", "-pix_fmt", "rgb24",
                "-video_size", geometry.evenWidth() + "x" + geometry.evenHeight(),
                "-framerate", rate.asFraction(),
                "-i", "pipe:0",
                "-an", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"));
        command.addAll(List.of("-movflags", "+faststart", "-f", "mp4", file.toString()));
        return command;
    }

    @Override
    public void encode(byte[] rgb) throws IOException {
        try {
            stdin.write(padded == null ? rgb : pad(rgb));
        } catch (IOException e) {
            throw failure("ffmpeg stopped reading frames", e);
        }
    }

    private byte[] pad(byte[] rgb) {
        int rowBytes = geometry.width() * 3;
        int paddedRowBytes = geometry.evenWidth() * 3;
        for (int y = 0; y < geometry.evenHeight(); y++) {
            int from = Math.min(y, geometry.height() - 1) * rowBytes;
            int to = y * paddedRowBytes;
            System.arraycopy(rgb, from, padded, to, rowBytes);
            if (paddedRowBytes != rowBytes) {
                System.arraycopy(rgb, from + rowBytes - 3, padded, to + rowBytes, 3);
            }
        }
        return padded;
    }

    @Override
    public void finish() throws IOException {
        try {
            stdin.close();
        } catch (IOException e) {
            throw failure("ffmpeg stopped reading frames", e);
        }
        int exit = waitForExit();
        if (exit != 0) {
            throw failure("ffmpeg exited with status " + exit, null);
        }
        if (geometry.isPadded()) {
            Mp4DisplaySize.rewrite(file, geometry.width(), geometry.height());
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.deleteIfExists(log);
    }

    @Override
    public void abort() {
        process.destroyForcibly();
        try {
            process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // Best effort: a stray log file next to a failed recording is harmless.
        }
    }

    private int waitForExit() throws IOException {
        try {
            if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw failure("ffmpeg did not finish within " + EXIT_WAIT_SECONDS + " s", null);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for ffmpeg", e);
        }
    }

    private IOException failure(String what, IOException cause) {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String messages = "";
        try {
            messages = Files.readString(log, StandardCharsets.UTF_8).strip();
        } catch (IOException ignored) {
            // No log to quote.
        }
        abort();
        return new IOException(what + (messages.isEmpty() ? "" : ": " + messages), cause);
    }
}
