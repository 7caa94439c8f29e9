package dev.gym4j.policy;

import dev.gym4j.api.GymException;

/**
 * A policy that cannot be loaded or run: a file that is not an ONNX model, a model whose inputs or outputs do
 * not fit the env's spaces, metadata that does not follow {@code gym4j.policy.v1}, a batch of the wrong size.
 * The message says what was wrong and what was expected (for a misfit, both the model's signature and the
 * spaces).
 *
 * <p>Immutable and thread-safe, like every exception.
 */
public class PolicyException extends GymException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and what was expected */
    public PolicyException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong and what was expected
     * @param cause the underlying error
     */
    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
