package dev.gym4j.api;

import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.spaces.Spaces;

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

    /**
     * Checks an action as every gym4j env does before its step sees it ({@link Spaces#invalidAction}).
     * Allocation-free when the action is valid.
     *
     * @param space the action space
     * @param action the action
     * @throws InvalidActionException naming the action, the space and what was expected, e.g.
     *     {@code Invalid action 5 for action space Discrete(2): expected an Integer in [0, 2)}
     */
    public static void requireValid(Space<?> space, Object action) {
        String message = Spaces.invalidAction(space, action);
        if (message != null) {
            throw new InvalidActionException(message);
        }
    }
}
