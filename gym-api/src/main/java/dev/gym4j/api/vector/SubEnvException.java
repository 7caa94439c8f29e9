package dev.gym4j.api.vector;

import dev.gym4j.api.GymException;

/**
 * Thrown by a vector env when one of its sub-envs failed; the message names the sub-env and the cause
 * is the sub-env's own exception (an {@code InvalidActionException}, say).
 *
 * <p>Immutable and thread-safe, like every exception.
 */
public class SubEnvException extends GymException {
    private static final long serialVersionUID = 1L;

    private final int envIndex;

    /**
     * @param envIndex the failed sub-env's index
     * @param message what was wrong, naming the sub-env
     * @param cause the sub-env's exception
     */
    public SubEnvException(int envIndex, String message, Throwable cause) {
        super(message, cause);
        this.envIndex = envIndex;
    }

    /** @return the index of the sub-env that failed */
    public int envIndex() {
        return envIndex;
    }

    static SubEnvException of(SubEnvSlot slot, String phase, Throwable cause) {
        return new SubEnvException(slot.index(), "Sub-env " + slot.index() + " (" + slot.env() + ") failed in "
                + phase + ": " + cause, cause);
    }
}
