package dev.gym4j.video;

import dev.gym4j.api.GymException;

/**
 * Thrown when a video file cannot be written: the encoder failed, ffmpeg stopped or exited with an error, or the
 * file could not be created, completed or renamed. The message names the file and what failed.
 *
 * <p>Immutable and thread-safe, like every exception.
 */
public class VideoWriteException extends GymException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the file */
    public VideoWriteException(String message) {
        super(message);
    }

    /**
     * @param message what failed, naming the file
     * @param cause the underlying error
     */
    public VideoWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
