package dev.gym4j.bridge;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RemoteEnv} talks to its server.
 *
 * <p>Immutable and thread-safe.
 *
 * @param timeout how long one call (handshake, reset, step, render) waits for its reply before it fails
 * @param maxMessageSize the largest reply accepted in bytes
 * @param curveServerKey the server's CURVE public key (Z85) to encrypt and authenticate the link, or null
 */
public record ClientOptions(Duration timeout, long maxMessageSize, String curveServerKey) {

    /** Validates the values. */
    public ClientOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (maxMessageSize < 1024) {
            throw new IllegalArgumentException("maxMessageSize must be at least 1024 bytes, got " + maxMessageSize);
        }
    }

    /** @return a 30-second timeout, 64 MiB replies, no encryption */
    public static ClientOptions defaults() {
        return new ClientOptions(Duration.ofSeconds(30), ServerOptions.DEFAULT_MAX_MESSAGE_SIZE, null);
    }

    /** @param newTimeout the per-call timeout @return a copy with it */
    public ClientOptions withTimeout(Duration newTimeout) {
        return new ClientOptions(newTimeout, maxMessageSize, curveServerKey);
    }

    /** @param bytes the largest reply @return a copy with it */
    public ClientOptions withMaxMessageSize(long bytes) {
        return new ClientOptions(timeout, bytes, curveServerKey);
    }

    /** @param z85PublicKey the server's CURVE public key, or null @return a copy with it */
    public ClientOptions withCurveServerKey(String z85PublicKey) {
        return new ClientOptions(timeout, maxMessageSize, z85PublicKey);
    }
}
