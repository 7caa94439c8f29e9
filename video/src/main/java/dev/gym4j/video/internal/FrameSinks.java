package dev.gym4j.video.internal;

import java.io.IOException;
import java.nio.file.Path;

/** Builds the sink of a backend and starts its encoding thread. Stateless and thread-safe. */
public final class FrameSinks {

    private FrameSinks() {
    }

    /**
     * Builds a JCodec sink writing {@code file} and starts encoding.
     *
     * @param file the file to write (created or truncated)
     * @param geometry the frame size
     * @param rate the frame rate
     * @param settings the encoder tuning
     * @param capacity how many frames may wait for the encoder
     * @return the running pipeline
     * @throws IOException if the file cannot be opened
     */
    public static EncodingPipeline startJCodec(Path file, FrameGeometry geometry, FrameRate rate,
                                               JCodecSettings settings, int capacity) throws IOException {
        return EncodingPipeline.start(new JCodecSink(file, geometry, rate, settings), geometry.rgbBytes(), capacity);
    }

    /**
     * Starts {@code ffmpeg} writing {@code file} and starts feeding it.
     *
     * @param executable the ffmpeg executable
     * @param file the file to write (created or overwritten)
     * @param geometry the frame size
     * @param rate the frame rate
     * @param capacity how many frames may wait for ffmpeg
     * @return the running pipeline
     * @throws IOException if ffmpeg cannot be started
     */
    public static EncodingPipeline startFfmpeg(Path executable, Path file, FrameGeometry geometry, FrameRate rate,
                                               int capacity) throws IOException {
        return EncodingPipeline.start(new FfmpegSink(executable, file, geometry, rate), geometry.rgbBytes(), capacity);
    }
}
