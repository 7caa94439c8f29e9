package dev.gym4j.bridge.experience;

import dev.gym4j.bridge.experience.internal.DirectoryPolicyStore;
import dev.gym4j.bridge.experience.internal.RedisPolicyStore;
import dev.gym4j.bridge.experience.internal.RedisTarget;
import dev.gym4j.bridge.experience.internal.ZmqPolicyClient;
import dev.gym4j.bridge.experience.internal.ZmqPolicyServer;
import java.net.URI;
import java.nio.file.Path;

/**
 * Opens policy stores by address ({@code bridge/PROTOCOL.md}, "Policies"):
 * <ul>
 *   <li>{@code dir:/path} or {@code file:/path} (or a plain path): a directory, shared or local (written
 *       atomically, index last); option {@code ?keep=N} versions (default 5).</li>
 *   <li>{@code redis://[user:password@]HOST:PORT} ({@code rediss://} for TLS): versioned keys plus a
 *       notification.</li>
 *   <li>{@code zmq://HOST:PORT}: ZeroMQ, nothing to install. The publisher ({@link #openPublisher}) binds and
 *       holds the latest version of each experiment in memory (loopback by default: {@code zmq://127.0.0.1:5558};
 *       {@code zmq://0.0.0.0:5558} for workers on other machines); workers ({@link #open}) connect, learn the latest
 *       number on connecting and each new one as it is published, and fetch the model. Option
 *       {@code ?timeout-ms=N} (client: how long a request may go unanswered, default 5000).</li>
 *   <li>{@code mem:}: a new in-process store ({@link InMemoryExperience}).</li>
 * </ul>
 * Every store is opened the same way by the publisher and by workers except ZeroMQ's, whose publisher binds.
 *
 * <p>Thread-safe (stateless).
 */
public final class PolicyStores {

    private PolicyStores() {
    }

    /**
     * Opens a store.
     *
     * @param uri the address
     * @return the store
     * @throws ExperienceException if the address is malformed, the directory cannot be made, or Redis is
     *     unreachable or refuses the credentials
     */
    public static PolicyStore open(String uri) {
        if (uri.startsWith("zmq://") || uri.startsWith("tcp://")) {
            return new ZmqPolicyClient(uri);
        }
        if (uri.startsWith("redis://") || uri.startsWith("rediss://")) {
            return new RedisPolicyStore(RedisTarget.parse(uri));
        }
        if (uri.equals("mem:") || uri.startsWith("mem:")) {
            return new InMemoryExperience(1);
        }
        String path = uri;
        int keep = 5;
        int q = path.indexOf("?keep=");
        if (q >= 0) {
            try {
                keep = Integer.parseInt(path.substring(q + 6));
            } catch (NumberFormatException e) {
                throw new ExperienceException("bad keep option in policy store address '" + uri + "'");
            }
            path = path.substring(0, q);
        }
        if (path.startsWith("file:")) {
            return new DirectoryPolicyStore(Path.of(path.startsWith("file://") ? URI.create(path).getPath()
                    : path.substring(5)), keep);
        }
        if (path.startsWith("dir:")) {
            return new DirectoryPolicyStore(Path.of(path.substring(4)), keep);
        }
        if (path.contains("://")) {
            throw new ExperienceException("unknown policy store '" + uri
                    + "': expected dir:/path, file:/path, redis://HOST:PORT, zmq://HOST:PORT or mem:");
        }
        return new DirectoryPolicyStore(Path.of(path), keep);
    }

    /**
     * Opens a store for the side that publishes (a trainer): as {@link #open}, except that a {@code zmq://} address
     * is bound (a server that holds the versions and serves the workers that connect to it) rather than connected.
     *
     * @param uri the address
     * @return the store
     * @throws ExperienceException as {@link #open}, or if a ZeroMQ address cannot be bound (in use, not local)
     */
    public static PolicyStore openPublisher(String uri) {
        if (uri.startsWith("zmq://") || uri.startsWith("tcp://")) {
            return new ZmqPolicyServer(uri);
        }
        return open(uri);
    }
}
