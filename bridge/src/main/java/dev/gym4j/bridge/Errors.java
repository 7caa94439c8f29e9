package dev.gym4j.bridge;

import dev.gym4j.api.EnvClosedException;
import dev.gym4j.api.EnvNotFoundException;
import dev.gym4j.api.GymException;
import dev.gym4j.api.InvalidActionException;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.ResetNeededException;
import dev.gym4j.bridge.proto.Error;
import dev.gym4j.bridge.proto.ErrorCode;

/**
 * Exceptions to and from the wire's structured {@code Error}: the server turns what an env throws
 * into a code and a message; the client turns the code back into the same gym-api exception type.
 *
 * <p>Thread-safe (stateless).
 */
final class Errors {

    private Errors() {
    }

    static Error of(ErrorCode code, String message) {
        return Error.newBuilder().setCode(code).setMessage(message == null ? "" : message).build();
    }

    /** @return the wire error for what an env (or our decoding) threw */
    static Error fromException(RuntimeException e) {
        // An env that wraps the real problem (a vector env naming the sub-env, say) keeps its code.
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            if (cause instanceof InvalidActionException || cause instanceof ResetNeededException || cause instanceof EnvClosedException
                    || cause instanceof InvalidArgumentException || cause instanceof ProtocolException) {
                Error inner = fromException((RuntimeException) cause);
                return of(inner.getCode(), e.getMessage() == null ? inner.getMessage() : e.getMessage());
            }
        }
        if (e instanceof ProtocolException) {
            return of(ErrorCode.ERROR_CODE_BAD_MESSAGE, e.getMessage());
        }
        if (e instanceof InvalidActionException) {
            return of(ErrorCode.ERROR_CODE_INVALID_ACTION, e.getMessage());
        }
        if (e instanceof ResetNeededException) {
            return of(ErrorCode.ERROR_CODE_RESET_NEEDED, e.getMessage());
        }
        if (e instanceof EnvClosedException) {
            return of(ErrorCode.ERROR_CODE_ENV_CLOSED, e.getMessage());
        }
        if (e instanceof EnvNotFoundException) {
            return of(ErrorCode.ERROR_CODE_ENV_NOT_FOUND, e.getMessage());
        }
        if (e instanceof InvalidArgumentException || e instanceof IllegalArgumentException) {
            return of(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, e.getMessage());
        }
        if (e instanceof GymException) {
            return of(ErrorCode.ERROR_CODE_ENV_ERROR, e.getMessage());
        }
        return of(ErrorCode.ERROR_CODE_ENV_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /**
     * Checks a reply: the server's error becomes its exception, and a reply of another kind than the
     * request's is a protocol violation.
     *
     * @param r the reply
     * @param expected the body the request calls for
     * @param address the server's address, for the messages
     */
    static void check(dev.gym4j.bridge.proto.Response r, dev.gym4j.bridge.proto.Response.BodyCase expected, String address) {
        if (r.hasError()) {
            throw toException(r.getError(), address);
        }
        if (r.getBodyCase() != expected) {
            throw new ProtocolException("expected a " + expected + " reply from " + address + ", got " + r.getBodyCase());
        }
    }

    /** @return the exception a client throws for a wire error from {@code address} */
    static GymException toException(Error error, String address) {
        String message = error.getMessage() + " [" + codeName(error.getCode()) + " from " + address + "]";
        switch (error.getCode()) {
            case ERROR_CODE_INVALID_ACTION:
                return new InvalidActionException(message);
            case ERROR_CODE_RESET_NEEDED:
                return new ResetNeededException(message);
            case ERROR_CODE_ENV_CLOSED:
                return new EnvClosedException(message);
            case ERROR_CODE_ENV_NOT_FOUND:
                return new EnvNotFoundException(message);
            case ERROR_CODE_INVALID_ARGUMENT:
                return new InvalidArgumentException(message);
            case ERROR_CODE_BAD_MESSAGE:
            case ERROR_CODE_UNSUPPORTED_VERSION:
                return new ProtocolException(message);
            default:
                return new GymException(message);
        }
    }

    static String codeName(ErrorCode code) {
        return code.name().replace("ERROR_CODE_", "");
    }
}
