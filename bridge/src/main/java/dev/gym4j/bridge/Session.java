package dev.gym4j.bridge;

import dev.gym4j.bridge.proto.EnvDescription;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Response;

/**
 * What an {@link EnvServer} keeps for one client: its env (or vector env) and when it was last heard.
 *
 * <p>Not thread-safe: used by the server's thread only.
 */
abstract class Session {

    long lastSeenNanos = System.nanoTime();

    /** @return the env as the handshake describes it */
    abstract EnvDescription describe();

    /**
     * Serves one request other than Hello, Close and Ping.
     *
     * @param request the request
     * @param reply where the reply body goes
     * @throws RuntimeException whatever the env threw; the server turns it into an Error reply
     */
    abstract void handle(Request request, Response.Builder reply);

    /** Closes the env; never throws. */
    abstract void close();
}
