package dev.gym4j.bridge;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How an {@link EnvServer} serves: where it binds, which env a client gets when its handshake names
 * none, and the limits that keep a server safe from clients that misbehave or vanish.
 *
 * <p>Immutable and thread-safe.
 *
 * @param bind the ZeroMQ endpoint to bind, such as {@code tcp://127.0.0.1:5555}; a port of {@code *}
 *     or {@code 0} picks a free port ({@link EnvServer#endpoint()} tells which)
 * @param defaultEnvId the env a client gets when its handshake names none; null means a client must name one
 * @param defaultKwargs kwargs for the default env
 * @param numEnvs 0 to serve single envs; N &gt;= 1 to serve each client a vector env of N copies
 * @param idleTimeout how long a client may stay silent before the server closes its env
 * @param maxMessageSize the largest message accepted in bytes; a client sending more is disconnected
 * @param maxClients how many clients may hold an env at once
 * @param curveSecretKey the server's CURVE secret key (Z85, 40 characters) to require CURVE encryption,
 *     or null for none
 * @param limits what one request may make the server allocate or compute, and the other per-client bounds
 * @param events where the server reports clients that connect, disconnect or are dropped (one line each),
 *     or null to report them only at the DEBUG level of {@code System.Logger}; called from the server's thread
 */
public record ServerOptions(String bind, String defaultEnvId, Map<String, Object> defaultKwargs, int numEnvs,
                            Duration idleTimeout, long maxMessageSize, int maxClients, String curveSecretKey,
                            ServerLimits limits, java.util.function.Consumer<String> events) {

    /** The default endpoint: loopback only, a free port. */
    public static final String DEFAULT_BIND = "tcp://127.0.0.1:*";
    /** The default largest message: 64 MiB, room for a batch of camera images. */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 64L << 20;
    /** The longest idle timeout: 100 years would overflow nanosecond clocks; 10,000 days do not. */
    public static final Duration MAX_IDLE_TIMEOUT = Duration.ofDays(10_000);

    /** Validates the limits and copies the kwargs. */
    public ServerOptions {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        defaultKwargs = defaultKwargs == null ? Map.of() : Map.copyOf(defaultKwargs);
        if (numEnvs < 0) {
            throw new IllegalArgumentException("numEnvs must be >= 0, got " + numEnvs);
        }
        Objects.requireNonNull(limits, "limits");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
        }
        if (idleTimeout.compareTo(MAX_IDLE_TIMEOUT) > 0) {
            throw new IllegalArgumentException("idleTimeout must be at most " + MAX_IDLE_TIMEOUT.toDays() + " days, got " + idleTimeout);
        }
        if (maxMessageSize < 1024 || maxMessageSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxMessageSize must be between 1024 and " + Integer.MAX_VALUE + " bytes, got " + maxMessageSize);
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, got " + maxClients);
        }
    }

    /**
     * @param envId the env clients get by default, or null
     * @return options with safe defaults: loopback on a free port, single envs, a 5-minute idle timeout,
     *     64 MiB messages, 1,024 clients, no encryption, {@link ServerLimits#defaults()}
     */
    public static ServerOptions defaults(String envId) {
        return new ServerOptions(DEFAULT_BIND, envId, Map.of(), 0, Duration.ofMinutes(5), DEFAULT_MAX_MESSAGE_SIZE, 1024, null,
                ServerLimits.defaults(), null);
    }

    /** @param newLimits the limits @return a copy with them */
    public ServerOptions withLimits(ServerLimits newLimits) {
        return new ServerOptions(bind, defaultEnvId, defaultKwargs, numEnvs, idleTimeout, maxMessageSize, maxClients, curveSecretKey, newLimits, events);
    }

    /** @param sink where client events go, or null @return a copy reporting there */
    public ServerOptions withEvents(java.util.function.Consumer<String> sink) {
        return new ServerOptions(bind, defaultEnvId, defaultKwargs, numEnvs, idleTimeout, maxMessageSize, maxClients, curveSecretKey, limits, sink);
    }

    /** @param newBind the endpoint @return a copy binding there */
    public ServerOptions withBind(String newBind) {
        return new ServerOptions(newBind, defaultEnvId, defaultKwargs, numEnvs, idleTimeout, maxMessageSize, maxClients, curveSecretKey, limits, events);
    }

    /** @param kwargs the default env's kwargs @return a copy with them */
    public ServerOptions withDefaultKwargs(Map<String, Object> kwargs) {
        return new ServerOptions(bind, defaultEnvId, kwargs, numEnvs, idleTimeout, maxMessageSize, maxClients, curveSecretKey, limits, events);
    }

    /** @param n 0 for single envs, else the vector size @return a copy serving that */
    public ServerOptions withNumEnvs(int n) {
        return new ServerOptions(bind, defaultEnvId, defaultKwargs, n, idleTimeout, maxMessageSize, maxClients, curveSecretKey, limits, events);
    }

    /** @param timeout the idle timeout @return a copy with it */
    public ServerOptions withIdleTimeout(Duration timeout) {
        return new ServerOptions(bind, defaultEnvId, defaultKwargs, numEnvs, timeout, maxMessageSize, maxClients, curveSecretKey, limits, events);
    }

    /** @param bytes the largest message @return a copy with it */
    public ServerOptions withMaxMessageSize(long bytes) {
        return new ServerOptions(bind, defaultEnvId, defaultKwargs, numEnvs, idleTimeout, bytes, maxClients, curveSecretKey, limits, events);
    }

    /** @param n the client limit @return a copy with it */
    public ServerOptions withMaxClients(int n) {
        return new ServerOptions(bind, defaultEnvId, defaultKwargs, numEnvs, idleTimeout, maxMessageSize, n, curveSecretKey, limits, events);
    }

    /** @param z85SecretKey the server's CURVE secret key, or null @return a copy with it */
    public ServerOptions withCurveSecretKey(String z85SecretKey) {
        return new ServerOptions(bind, defaultEnvId, defaultKwargs, numEnvs, idleTimeout, maxMessageSize, maxClients, z85SecretKey, limits, events);
    }
}
