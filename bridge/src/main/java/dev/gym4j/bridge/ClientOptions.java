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
 * @param sharedMemory whether to take the shared-memory fast path when the server is on this machine (a
 *     loopback, ipc or inproc address and a server that offers it); on by default unless the environment
 *     variable {@code GYM4J_SHM} is {@code 0}
 */
public record ClientOptions(Duration timeout, long maxMessageSize, String curveServerKey, boolean sharedMemory) {

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

    /**
     * Options with shared memory as {@link #defaults()} has it.
     *
     * @param timeout the per-call timeout
     * @param maxMessageSize the largest reply in bytes
     * @param curveServerKey the server's CURVE public key, or null
     */
    public ClientOptions(Duration timeout, long maxMessageSize, String curveServerKey) {
        this(timeout, maxMessageSize, curveServerKey, sharedMemoryByDefault());
    }

    /** @return a 30-second timeout, 64 MiB replies, no encryption, shared memory unless {@code GYM4J_SHM=0} */
    public static ClientOptions defaults() {
        return new ClientOptions(Duration.ofSeconds(30), ServerOptions.DEFAULT_MAX_MESSAGE_SIZE, null);
    }

    static boolean sharedMemoryByDefault() {
        String v = System.getenv("GYM4J_SHM");
        return v == null || !(v.equals("0") || v.equalsIgnoreCase("false") || v.equalsIgnoreCase("off"));
    }

    /** @param newTimeout the per-call timeout @return a copy with it */
    public ClientOptions withTimeout(Duration newTimeout) {
        return new ClientOptions(newTimeout, maxMessageSize, curveServerKey, sharedMemory);
    }

    /** @param bytes the largest reply @return a copy with it */
    public ClientOptions withMaxMessageSize(long bytes) {
        return new ClientOptions(timeout, bytes, curveServerKey, sharedMemory);
    }

    /** @param z85PublicKey the server's CURVE public key, or null @return a copy with it */
    public ClientOptions withCurveServerKey(String z85PublicKey) {
        return new ClientOptions(timeout, maxMessageSize, z85PublicKey, sharedMemory);
    }

    /** @param on whether to take the shared-memory path to a server on this machine @return a copy with it */
    public ClientOptions withSharedMemory(boolean on) {
        return new ClientOptions(timeout, maxMessageSize, curveServerKey, on);
    }
}
