package dev.gym4j.bridge;

import dev.gym4j.api.EnvClosedException;
import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.GymException;
import dev.gym4j.api.ResetNeededException;
import dev.gym4j.bridge.proto.EnvDescription;
import dev.gym4j.bridge.proto.ErrorCode;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Response;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A remote env's side of its session on a server, the one piece {@link RemoteEnv} and {@link RemoteVectorEnv}
 * share: it connects and handshakes, sends each call with the client's timeout and checks the reply, redoes
 * the handshake when a reset finds that the server no longer has this client's env (it restarted, or dropped
 * the client after an idle timeout), refuses use after close, and frees the server's env on close.
 *
 * <p>Not thread-safe: one caller at a time, like the env that owns it.
 */
final class RemoteLink {

    /** How long closing waits at most for the server to free the env. */
    private static final long CLOSE_TIMEOUT_MILLIS = 1000;

    private final Connection connection;
    private final ClientOptions options;
    private final Request hello;
    private boolean closed;

    private RemoteLink(String address, String envId, Map<String, ?> kwargs, int numEnvs, ClientOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.connection = new Connection(Objects.requireNonNull(address, "address"), options);
        this.hello = Handshake.request(envId, kwargs, numEnvs);
    }

    /**
     * Connects, handshakes and makes the env from the server's description.
     *
     * @param address the server's endpoint
     * @param envId the env id, or null for the server's default
     * @param kwargs the env's kwargs, or null for none
     * @param numEnvs how many sub-envs to ask for: 0 for a single env (or a vector env's server default)
     * @param options timeout, message size, encryption
     * @param make makes the env from the link and the description; it throws to refuse the description
     *     (a server that serves the other kind of env), and the server's env is freed then
     * @param <E> the env type
     * @return what {@code make} returned
     * @throws GymException naming the address if the handshake fails or times out, or what {@code make} threw
     */
    static <E> E open(String address, String envId, Map<String, ?> kwargs, int numEnvs, ClientOptions options,
                      BiFunction<RemoteLink, EnvDescription, E> make) {
        RemoteLink link = new RemoteLink(address, envId, kwargs, numEnvs, options);
        EnvDescription description;
        try {
            description = Handshake.perform(link.connection, link.hello, link.timeoutMillis());
        } catch (RuntimeException e) {
            link.connection.close(); // no session was made on the server: nothing there to free
            throw e;
        }
        try {
            return make.apply(link, description);
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
    }

    /** @return the server's endpoint */
    String address() {
        return connection.address();
    }

    /** @return the spec the description names, whose creator connects a new {@link RemoteEnv}; or null */
    EnvSpec spec(EnvDescription description) {
        return Handshake.spec(description, address(), options);
    }

    /**
     * @param owner the env this link serves, named in the message
     * @throws EnvClosedException if the link was closed
     */
    void ensureOpen(Object owner) {
        if (closed) {
            throw new EnvClosedException(owner + " is closed: connect a new " + owner.getClass().getSimpleName()
                    + " instead of using a closed one");
        }
    }

    /**
     * Sends a reset. When the server no longer has this client's env, handshakes again (which makes a fresh
     * env there) and sends the reset once more.
     *
     * @param request the reset request
     * @param expected the reply's body
     * @return the reply
     * @throws GymException naming the address if the server fails or does not answer in time
     */
    Response reset(Request.Builder request, Response.BodyCase expected) {
        Response r = connection.call(request, timeoutMillis());
        if (isNoSession(r)) {
            Handshake.perform(connection, hello, timeoutMillis());
            r = connection.call(request, timeoutMillis());
        }
        return checked(r, expected);
    }

    /**
     * Sends a call that continues the episode the server holds for this client.
     *
     * @param request the request
     * @param expected the reply's body
     * @param held what the server holds for this client ({@code env}, {@code sub-envs}), for the message
     * @return the reply
     * @throws ResetNeededException if the server no longer has this client's env
     * @throws GymException naming the address if the server fails or does not answer in time
     */
    Response step(Request.Builder request, Response.BodyCase expected, String held) {
        Response r = connection.call(request, timeoutMillis());
        if (isNoSession(r)) {
            throw new ResetNeededException("the server at " + address() + " no longer has this client's " + held
                    + " (it restarted, or dropped the client after an idle timeout): call reset() to start again");
        }
        return checked(r, expected);
    }

    /**
     * Sends a call and checks the reply.
     *
     * @param request the request
     * @param expected the reply's body
     * @return the reply
     * @throws GymException naming the address if the server fails or does not answer in time
     */
    Response call(Request.Builder request, Response.BodyCase expected) {
        return checked(connection.call(request, timeoutMillis()), expected);
    }

    /** Frees the env on the server (if it still answers within a second) and the socket. Idempotent. */
    void close() {
        if (!closed) {
            closed = true;
            Handshake.closeQuietly(connection, Math.min(CLOSE_TIMEOUT_MILLIS, timeoutMillis()));
        }
    }

    /** Closes the socket without telling the server, as a crashed client would; for tests. */
    void vanish() {
        closed = true;
        connection.close();
    }

    /** @return the shared-memory file the calls go through, or null when they go over ZeroMQ */
    String sharedMemoryPath() {
        return connection.sharedMemoryPath();
    }

    private Response checked(Response r, Response.BodyCase expected) {
        Errors.check(r, expected, address());
        return r;
    }

    private static boolean isNoSession(Response r) {
        return r.hasError() && r.getError().getCode() == ErrorCode.ERROR_CODE_NO_SESSION;
    }

    private long timeoutMillis() {
        return options.timeout().toMillis();
    }
}
