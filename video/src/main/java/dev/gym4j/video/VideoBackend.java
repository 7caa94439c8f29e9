package dev.gym4j.video;

/**
 * Which encoder writes an MP4 file.
 *
 * <p>Thread-safe (an enum).
 */
public enum VideoBackend {
    /** JCodec's pure-Java H.264 encoder: always available; the default. */
    JCODEC,
    /**
     * An external {@code ffmpeg} with libx264, fed raw frames through a pipe: several times faster and smaller files,
     * but needs the executable (found on the {@code PATH} unless named with {@link Mp4Writer.Builder#ffmpegExecutable}).
     */
    FFMPEG,
    /** {@link #FFMPEG} when an ffmpeg executable is named or on the {@code PATH}, else {@link #JCODEC}. */
    AUTO
}
