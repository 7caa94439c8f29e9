package dev.gym4j.replay.internal.json;

/**
 * Thrown when text is not valid JSON, or a value cannot be written as JSON.
 *
 * <p>Immutable and thread-safe, like every exception.
 */
public final class JsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong, with the position for parse errors */
    public JsonException(String message) {
        super(message);
    }
}
