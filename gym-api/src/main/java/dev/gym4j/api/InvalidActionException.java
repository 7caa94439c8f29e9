package dev.gym4j.api;

/**
 * Thrown when an action is not of the action space's type or shape, is out of a discrete range, or holds NaN; the message prints the space.
 *
 * <p>Immutable and thread-safe, like every exception.
 */
public class InvalidActionException extends GymException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and what was expected */
    public InvalidActionException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong and what was expected
     * @param cause the underlying error
     */
    public InvalidActionException(String message, Throwable cause) {
        super(message, cause);
    }
}
