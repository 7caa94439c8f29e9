package dev.gym4j.api;

/**
 * Thrown when a closed env is used.
 *
 * <p>Immutable and thread-safe, like every exception.
 */
public class EnvClosedException extends GymException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and what was expected */
    public EnvClosedException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong and what was expected
     * @param cause the underlying error
     */
    public EnvClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
