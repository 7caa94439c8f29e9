package dev.gym4j.video;

import dev.gym4j.api.Frame;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.video.internal.EncodingPipeline;
import dev.gym4j.video.internal.EncodingPipeline.EncodingFailedException;
import dev.gym4j.video.internal.Ffmpeg;
import dev.gym4j.video.internal.FrameGeometry;
import dev.gym4j.video.internal.FrameRate;
import dev.gym4j.video.internal.FrameSinks;
import dev.gym4j.video.internal.JCodecSettings;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes {@link Frame}s to an H.264 MP4 file, encoding on a background thread.
 *
 * <p>{@link #write} copies the frame into a pooled buffer and queues it; it waits only while the bounded queue is
 * full. {@link #close} waits for the queue to drain and completes the file. The file is written as
 * {@code NAME.part} next to {@code NAME} and renamed only once complete and flushed to disk, so a crash or a
 * failed encoder never leaves a truncated {@code .mp4} behind. A writer closed without any frame writes no file.
 *
 * <p>Frames may have any size from 1x1 up, but every frame of one file has the size of the first. H.264 in 4:2:0
 * needs even sizes: an odd width or height is padded by repeating the last column or row, so decoders report the
 * size rounded up to even (an 85x85 frame decodes as 86x86). The real size is kept as the display size: the
 * JCodec backend writes it into the MP4 track header and sample entry, the ffmpeg backend as a sample aspect ratio
 * that gives the real display aspect.
 *
 * <p>Backends: {@link VideoBackend#JCODEC} (the default; pure Java, always works) or {@link VideoBackend#FFMPEG}
 * (pipes raw RGB to {@code ffmpeg -c:v libx264 -pix_fmt yuv420p -movflags +faststart}; faster and smaller).
 *
 * <p>Errors: an encoder or ffmpeg failure is thrown as {@link VideoWriteException} from the next {@link #write}
 * or from {@link #close}; the partial file is deleted and the writer is closed.
 *
 * <p>Thread safety: not thread-safe. One thread writes and closes; the encoding thread is internal.
 */
public final class Mp4Writer implements AutoCloseable {

    /** The frame rate used when none is given, as Gymnasium's {@code RecordVideo} does. */
    public static final double DEFAULT_FPS = 30;

    private static final long QUEUE_BYTES = 48L << 20;
    private static final int MAX_QUEUE_FRAMES = 32;

    private final Path file;
    private final Path partial;
    private final FrameRate rate;
    private final VideoBackend backend;
    private final Path ffmpeg;
    private final int queueCapacity;
    private FrameGeometry geometry;
    private EncodingPipeline pipeline;
    private long frames;
    private boolean closed;

    private Mp4Writer(Builder builder, VideoBackend backend, Path ffmpeg) {
        this.file = builder.file.toAbsolutePath();
        this.partial = file.resolveSibling(file.getFileName() + ".part");
        this.rate = FrameRate.of(builder.fps);
        this.backend = backend;
        this.ffmpeg = ffmpeg;
        this.queueCapacity = builder.queueCapacity;
    }

    /**
     * Opens a JCodec writer.
     *
     * @param file the MP4 file to write; its directory must exist; an existing file is replaced on close
     * @param fps frames per second, above 0 and at most 1000
     * @return the writer
     * @throws InvalidArgumentException if {@code fps} is out of range
     * @throws VideoWriteException if the directory does not exist
     */
    public static Mp4Writer open(Path file, double fps) {
        return builder(file).fps(fps).open();
    }

    /**
     * @param file the MP4 file to write; its directory must exist; an existing file is replaced on close
     * @return a builder with the defaults: {@value #DEFAULT_FPS} fps, {@link VideoBackend#JCODEC}
     */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    /**
     * Queues one frame for encoding, waiting only while the queue is full.
     *
     * @param frame a frame of the same size as the first one written; not kept (its pixels are copied)
     * @throws InvalidArgumentException if the frame's size differs from the first frame's
     * @throws VideoWriteException if encoding an earlier frame failed (the writer is then closed and the
     *     partial file deleted), or the thread was interrupted while waiting
     * @throws IllegalStateException if the writer is closed
     */
    public void write(Frame frame) {
        Objects.requireNonNull(frame, "frame");
        if (closed) {
            throw new IllegalStateException("Mp4Writer for " + file + " is closed");
        }
        if (pipeline == null) {
            start(new FrameGeometry(frame.width(), frame.height()));
        } else if (frame.width() != geometry.width() || frame.height() != geometry.height()) {
            throw new InvalidArgumentException("Frame " + frames + " is " + frame.width() + "x" + frame.height()
                    + " but " + file.getFileName() + " is " + geometry.width() + "x" + geometry.height()
                    + ": every frame of one video must have the size of the first");
        }
        try {
            pipeline.submit(frame.rgb());
        } catch (EncodingFailedException e) {
            throw closeAfterFailure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
            pipeline.cancel();
            deleteQuietly(partial);
            throw new VideoWriteException("Interrupted while queueing frame " + frames + " of " + file
                    + "; the partial video was deleted", e);
        }
        frames++;
    }

    /**
     * Waits until every queued frame is encoded, completes the file and renames it into place. Idempotent.
     *
     * @throws VideoWriteException if encoding or completing the file failed; the partial file is then deleted
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (pipeline == null) {
            return;
        }
        try {
            pipeline.finish();
        } catch (EncodingFailedException e) {
            deleteQuietly(partial);
            throw failure(e);
        }
        moveIntoPlace();
    }

    /** @return the MP4 file this writer produces, as an absolute path */
    public Path file() {
        return file;
    }

    /** @return the backend in use: {@link VideoBackend#JCODEC} or {@link VideoBackend#FFMPEG}, never AUTO */
    public VideoBackend backend() {
        return backend;
    }

    /** @return how many frames {@link #write} has accepted */
    public long framesWritten() {
        return frames;
    }

    /** @return whether {@link #close} was called or a failure closed the writer */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "Mp4Writer(" + file + ", " + backend + ", " + rate.asFraction() + " fps, " + frames + " frames)";
    }

    private void start(FrameGeometry frameGeometry) {
        int capacity = queueCapacity > 0 ? queueCapacity
                : (int) Math.max(2, Math.min(MAX_QUEUE_FRAMES, QUEUE_BYTES / frameGeometry.rgbBytes()));
        try {
            pipeline = backend == VideoBackend.FFMPEG
                    ? FrameSinks.startFfmpeg(ffmpeg, partial, frameGeometry, rate, capacity)
                    : FrameSinks.startJCodec(partial, frameGeometry, rate, JCodecSettings.DEFAULT, capacity);
        } catch (IOException | RuntimeException e) {
            closed = true;
            deleteQuietly(partial);
            throw new VideoWriteException("Could not start writing " + file + " with " + backend + ": " + e.getMessage(), e);
        }
        geometry = frameGeometry;
    }

    private VideoWriteException closeAfterFailure(EncodingFailedException e) {
        closed = true;
        try {
            pipeline.finish();
        } catch (EncodingFailedException alreadyKnown) {
            // The same failure, now that the encoding thread has stopped.
        }
        deleteQuietly(partial);
        return failure(e);
    }

    private VideoWriteException failure(EncodingFailedException e) {
        Throwable cause = e.getCause();
        return new VideoWriteException("Writing " + file + " with " + backend + " failed after " + frames
                + " frames: " + cause, cause);
    }

    private void moveIntoPlace() {
        try {
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new VideoWriteException("Could not rename the finished " + partial + " to " + file + ": " + e, e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Nothing more to do: the name ends in .part, so no one mistakes it for a finished video.
        }
    }

    /**
     * Options of an {@link Mp4Writer}.
     *
     * <p>Not thread-safe; build on one thread.
     */
    public static final class Builder {
        private final Path file;
        private double fps = DEFAULT_FPS;
        private VideoBackend backend = VideoBackend.JCODEC;
        private Path ffmpegExecutable;
        private int queueCapacity;

        private Builder(Path file) {
            this.file = Objects.requireNonNull(file, "file");
        }

        /**
         * @param fps frames per second, above 0 and at most 1000 (stored to a thousandth)
         * @return this builder
         */
        public Builder fps(double fps) {
            this.fps = fps;
            return this;
        }

        /**
         * @param backend the encoder; {@link VideoBackend#JCODEC} unless set
         * @return this builder
         */
        public Builder backend(VideoBackend backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /**
         * @param executable the ffmpeg to use for {@link VideoBackend#FFMPEG} and {@link VideoBackend#AUTO}
         *     instead of the one on the {@code PATH}; null to search the {@code PATH}
         * @return this builder
         */
        public Builder ffmpegExecutable(Path executable) {
            this.ffmpegExecutable = executable;
            return this;
        }

        /**
         * @param frames how many frames may wait for the encoder before {@link #write} blocks; 0 (the default)
         *     picks up to 32 frames within about 48 MiB
         * @return this builder
         */
        public Builder queueCapacity(int frames) {
            if (frames < 0) {
                throw new InvalidArgumentException("queueCapacity must be at least 0, got " + frames);
            }
            this.queueCapacity = frames;
            return this;
        }

        /**
         * @return the writer; nothing is written before the first frame
         * @throws InvalidArgumentException if the fps is out of range
         * @throws VideoWriteException if the file's directory does not exist, or {@link VideoBackend#FFMPEG} was
         *     asked for and no ffmpeg executable was named or found on the {@code PATH}
         */
        public Mp4Writer open() {
            FrameRate.of(fps);
            Path dir = file.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new VideoWriteException("Cannot write " + file + ": directory " + dir + " does not exist");
            }
            Optional<Path> ffmpeg = backend == VideoBackend.JCODEC ? Optional.empty() : findFfmpeg();
            if (backend == VideoBackend.FFMPEG && ffmpeg.isEmpty()) {
                throw new VideoWriteException("The ffmpeg backend needs an ffmpeg executable, but "
                        + (ffmpegExecutable == null ? "none is on the PATH" : ffmpegExecutable + " is not executable")
                        + ": install ffmpeg, name it with ffmpegExecutable(...), or use VideoBackend.JCODEC");
            }
            VideoBackend resolved = ffmpeg.isPresent() ? VideoBackend.FFMPEG : VideoBackend.JCODEC;
            return new Mp4Writer(this, resolved, ffmpeg.orElse(null));
        }

        private Optional<Path> findFfmpeg() {
            if (ffmpegExecutable != null) {
                return Files.isExecutable(ffmpegExecutable) ? Optional.of(ffmpegExecutable) : Optional.empty();
            }
            return Ffmpeg.onPath();
        }
    }
}
