package dev.gym4j.bridge.experience;

import dev.gym4j.api.GymException;

/**
 * A failure of an experience transport or policy store: an unreachable server, a refused password, a corrupt
 * or wrong-version message, a policy version that is not newer than the latest. The message names the cause
 * and the address.
 */
public class ExperienceException extends GymException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and why
     */
    public ExperienceException(String message) {
        super(message);
    }

    /**
     * @param message what failed and why
     * @param cause the underlying failure
     */
    public ExperienceException(String message, Throwable cause) {
        super(message, cause);
    }
}
