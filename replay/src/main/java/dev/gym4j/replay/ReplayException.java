package dev.gym4j.replay;

import dev.gym4j.api.GymException;

/**
 * Thrown when a trajectory file is malformed, or an env fails while a recorded trajectory is replayed;
 * the message says where (line, episode, step) and what was expected.
 *
 * <p>Immutable and thread-safe, like every exception.
 */
public class ReplayException extends GymException {
    private static final long serialVersionUID = 1L;

    /** @param message where and what was wrong */
    public ReplayException(String message) {
        super(message);
    }

    /**
     * @param message where and what was wrong
     * @param cause the underlying error
     */
    public ReplayException(String message, Throwable cause) {
        super(message, cause);
    }
}
