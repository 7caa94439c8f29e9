package dev.gym4j.api;

/**
 * Thrown for a bad constructor kwarg, reset option or other argument; the message names the argument and what is expected.
 *
 * <p>Immutable and thread-safe, like every exception.
 */
public class InvalidArgumentException extends GymException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and what was expected */
    public InvalidArgumentException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong and what was expected
     * @param cause the underlying error
     */
    public InvalidArgumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
