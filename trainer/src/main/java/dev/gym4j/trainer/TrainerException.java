package dev.gym4j.trainer;

import dev.gym4j.api.GymException;

/**
 * A training run that cannot start or continue for a reason the user can fix: an unknown hyperparameter (the
 * message lists the known ones), a value of the wrong type or out of range, an env whose spaces the trainer
 * cannot handle, a missing or corrupt checkpoint or policy file. The message is one line saying what was wrong
 * and what was expected.
 */
public class TrainerException extends GymException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and what was expected */
    public TrainerException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong and what was expected
     * @param cause the underlying failure
     */
    public TrainerException(String message, Throwable cause) {
        super(message, cause);
    }
}
