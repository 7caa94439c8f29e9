package dev.gym4j.worker.cli;

/**
 * A user error the command line reports on one line of standard error with exit status 2: a bad
 * option value, an unreadable file, an unsupported combination.
 *
 * <p>Immutable and thread-safe, like every exception.
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
