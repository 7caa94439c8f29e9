package dev.gym4j.video;

import dev.gym4j.api.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The recording half of {@link RecordVideo} and {@link RecordVideoVector}: one {@link Mp4Writer} at a time in a
 * video folder, cut at {@code videoLength} frames, with the list of completed files. The wrappers decide when
 * recordings start and end; this class writes them.
 *
 * <p>Not thread-safe; confined to the wrapper's thread.
 */
final class Recorder {

    private static final System.Logger LOG = System.getLogger(RecordVideo.class.getName());

    private final Path videoFolder;
    private final long videoLength;
    private final double fps;
    private final VideoBackend backend;
    private final Path ffmpegExecutable;
    private final int queueCapacity;
    private final List<Path> videos = new ArrayList<>();
    private Mp4Writer writer;

    /**
     * Creates the folder and checks that the backend can work, so that a missing ffmpeg fails now rather than at
     * the first triggered recording.
     *
     * @throws VideoWriteException if the folder cannot be created or the backend cannot start
     */
    Recorder(Path videoFolder, VideoOptions options, double fps) {
        this.videoLength = options.videoLength == 0 ? Long.MAX_VALUE : options.videoLength;
        this.fps = fps;
        this.backend = options.backend;
        this.ffmpegExecutable = options.ffmpegExecutable;
        this.queueCapacity = options.queueCapacity;
        this.videoFolder = videoFolder.toAbsolutePath();
        try {
            Files.createDirectories(this.videoFolder);
        } catch (IOException e) {
            throw new VideoWriteException("Cannot create the video folder " + this.videoFolder + ": " + e, e);
        }
        // A writer without frames writes nothing.
        newWriter(options.namePrefix).close();
    }

    /** @return whether recordings last whole episodes ({@code video_length} 0) */
    boolean wholeEpisodes() {
        return videoLength == Long.MAX_VALUE;
    }

    /** Starts recording into {@code {videoName}.mp4}, first completing the recording in progress, if any. */
    void start(String videoName) {
        if (isRecording()) {
            stop();
        }
        writer = newWriter(videoName);
    }

    private Mp4Writer newWriter(String videoName) {
        return Mp4Writer.builder(videoFolder.resolve(videoName + ".mp4")).fps(fps).backend(backend)
                .ffmpegExecutable(ffmpegExecutable).queueCapacity(queueCapacity).open();
    }

    /** Completes the recording in progress; a recording without frames writes no file. */
    void stop() {
        if (!isRecording()) {
            throw new IllegalStateException("stopRecording() was called, but no recording was started");
        }
        Mp4Writer finishing = writer;
        writer = null;
        finishing.close();
        if (finishing.framesWritten() == 0) {
            LOG.log(System.Logger.Level.WARNING, "Ignored saving a video as there were zero frames to save.");
        } else {
            videos.add(finishing.file());
        }
    }

    boolean isRecording() {
        return writer != null;
    }

    /**
     * Adds a frame to the recording in progress, ending it at {@code videoLength} frames, or ends it if there is
     * no frame.
     *
     * @param frame what the env rendered
     * @param source the env that rendered it, for the log
     */
    void capture(Optional<Frame> frame, Object source) {
        if (frame.isEmpty()) {
            stop();
            LOG.log(System.Logger.Level.WARNING, "Recording stopped: " + source + ".render() returned no frame.");
            return;
        }
        try {
            writer.write(frame.get());
        } catch (VideoWriteException e) {
            writer = null; // it closed itself and deleted its partial file
            throw e;
        } catch (RuntimeException e) {
            throw endAfter(e);
        }
        if (writer.framesWritten() >= videoLength) {
            stop();
        }
    }

    /** Completes the recording in progress (if any) after {@code failure}, keeping any new error as suppressed. */
    RuntimeException endAfter(RuntimeException failure) {
        if (isRecording()) {
            try {
                stop();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        return failure;
    }

    Path videoFolder() {
        return videoFolder;
    }

    double fps() {
        return fps;
    }

    List<Path> videos() {
        return List.copyOf(videos);
    }
}
