package dev.gym4j.api;

/**
 * Thrown when an env is stepped or rendered before its first reset (Gymnasium's ResetNeeded).
 *
 * <p>Immutable and thread-safe, like every exception.
 */
public class ResetNeededException extends GymException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and what was expected */
    public ResetNeededException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong and what was expected
     * @param cause the underlying error
     */
    public ResetNeededException(String message, Throwable cause) {
        super(message, cause);
    }
}
