package dev.gym4j.api;

/**
 * The root of every error gym4j raises on purpose; the message says what was wrong and what was expected.
 *
 * <p>Immutable and thread-safe, like every exception.
 */
public class GymException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and what was expected */
    public GymException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong and what was expected
     * @param cause the underlying error
     */
    public GymException(String message, Throwable cause) {
        super(message, cause);
    }
}
