package dev.gym4j.bridge;

import dev.gym4j.api.GymException;
import dev.gym4j.bridge.proto.ErrorCode;
import dev.gym4j.bridge.proto.Hello;
import dev.gym4j.bridge.proto.HelloReply;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Response;
import dev.gym4j.bridge.proto.ShmAttached;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * How an {@link EnvServer} negotiates the shared-memory path: it offers a file in its HelloReply to a
 * client that announced {@code shm-v2}, and starts serving it when the client echoes the file's nonce.
 *
 * <p>The server offers nothing when the environment variable {@code GYM4J_SHM} is {@code 0} (or the
 * system property {@code gym4j.shm} is {@code false}), or when {@value #MAX_SESSIONS} sessions (one
 * thread each) are open already: those clients are served over ZeroMQ as before.
 *
 * <p>Thread-safe.
 */
final class ShmSessions {

    /** The most shared-memory sessions one JVM serves at once. */
    static final int MAX_SESSIONS = 256;
    /** The largest slot: a request or reply up to this size goes through the file (only the pages written take memory). */
    static final long MAX_SLOT = 64L << 20;
    private static final AtomicInteger OPEN = new AtomicInteger();
    private static final System.Logger LOG = System.getLogger(ShmSessions.class.getName());
    private static volatile boolean cleaned;

    private ShmSessions() {
    }

    static boolean enabled() {
        return ClientOptions.sharedMemoryByDefault() && !"false".equalsIgnoreCase(System.getProperty("gym4j.shm"));
    }

    /** Removes session files that servers now dead left behind (once per JVM). */
    static void removeStaleFiles() {
        if (cleaned || !enabled()) {
            return;
        }
        cleaned = true;
        int n = ShmFile.removeStale(ShmFile.directory(0)) + ShmFile.removeStale(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
        if (n > 0) {
            LOG.log(System.Logger.Level.DEBUG, () -> "removed " + n + " shared-memory files of servers that are gone");
        }
    }

    /** @return the session offered in {@code reply}, or null when none is (the client then stays on ZeroMQ) */
    static ShmSession offer(Hello hello, HelloReply.Builder reply, long maxMessageSize) {
        if (!hello.getCapabilitiesList().contains(Protocol.CAP_SHM) || !enabled()) {
            return null;
        }
        if (OPEN.incrementAndGet() > MAX_SESSIONS) {
            OPEN.decrementAndGet();
            return null;
        }
        try {
            ShmSession s = ShmSession.create(reply.getEnv(), Math.min(maxMessageSize, MAX_SLOT), OPEN::decrementAndGet);
            reply.addCapabilities(Protocol.CAP_SHM).setShm(s.offer());
            return s;
        } catch (GymException | UnsupportedOperationException e) {
            OPEN.decrementAndGet();
            LOG.log(System.Logger.Level.WARNING, () -> "no shared memory for a client: " + e.getMessage());
            return null;
        }
    }

    /** Answers a ShmAttach: starts the offered session when the nonce is the file's. */
    static Response attach(ShmSession shm, Request request, Function<Request, Response> serve, Runnable gone) {
        Response.Builder r = Response.newBuilder().setId(request.getId());
        if (shm == null) {
            return r.setError(Errors.of(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, "no shared-memory file was offered to this client: "
                    + "send Hello with the capability " + Protocol.CAP_SHM + " over a loopback link first")).build();
        }
        if (!shm.attach(request.getShmAttach().getNonce(), request.getShmAttach().getPid(), serve, gone)) {
            return r.setError(Errors.of(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, "the nonce does not match the one in " + shm.path()
                    + " (or the session is already attached): read the 32 bytes at offset 64 of the file")).build();
        }
        return r.setShmAttached(ShmAttached.getDefaultInstance()).build();
    }
}
