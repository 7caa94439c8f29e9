package dev.gym4j.api;

/**
 * Thrown when an env id or version is not registered; the message lists the closest registered ids or the versions that exist.
 *
 * <p>Immutable and thread-safe, like every exception.
 */
public class EnvNotFoundException extends GymException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and what was expected */
    public EnvNotFoundException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong and what was expected
     * @param cause the underlying error
     */
    public EnvNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
