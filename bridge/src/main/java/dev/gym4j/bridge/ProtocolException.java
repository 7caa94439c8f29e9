package dev.gym4j.bridge;

import dev.gym4j.api.GymException;

/**
 * A message that breaks the bridge protocol: not a valid Protobuf {@code Request} or {@code Response}, a
 * tensor whose bytes do not match its shape, a value that does not fit the space it claims.
 *
 * <p>Immutable and thread-safe, like every exception.
 */
public class ProtocolException extends GymException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and what was expected */
    public ProtocolException(String message) {
        super(message);
    }
}
