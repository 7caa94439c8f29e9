package dev.gym4j.api;

/**
 * Thrown when an env id is registered twice or a spec is malformed.
 *
 * <p>Immutable and thread-safe, like every exception.
 */
public class RegistrationException extends GymException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and what was expected */
    public RegistrationException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong and what was expected
     * @param cause the underlying error
     */
    public RegistrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
