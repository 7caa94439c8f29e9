package dev.gym4j.bridge;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.gym4j.api.Env;
import dev.gym4j.api.GymException;
import dev.gym4j.bridge.proto.ErrorCode;
import dev.gym4j.bridge.proto.Hello;
import dev.gym4j.bridge.proto.HelloReply;
import dev.gym4j.bridge.proto.Pong;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Response;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Serves envs over the bridge protocol on a ZeroMQ ROUTER socket: one env (or vector env) per
 * connected client, many clients at once.
 *
 * <p>A client's handshake ({@code Hello}) makes its env, from the id it names or the server's default;
 * {@code Close} or an idle timeout frees it. Malformed, oversized or out-of-order messages get an
 * {@code Error} reply (or, past the maximum message size, the client is disconnected) and never stop
 * the server. Requests are served one at a time on the server's own thread, so envs need not be
 * thread-safe.
 *
 * <p>The server's socket lives in the JVM-wide ZeroMQ context that {@link RemoteEnv} and
 * {@link RemoteVectorEnv} use too: one I/O thread carries every bridge socket in the JVM, so a server
 * and its clients in one JVM (tests, benchmarks, a trainer that serves its own envs) do not pay an
 * extra thread wake-up per message, and {@link #close()} returns only once the address is free to be
 * bound again.
 *
 * <p>Thread safety: {@link #endpoint()}, {@link #activeClients()} and {@link #close()} may be called
 * from any thread.
 */
public final class EnvServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EnvServer.class.getName());
    private static final int POLL_MILLIS = 50;
    private static final AtomicLong MONITORS = new AtomicLong();

    private final ServerOptions options;
    private final EnvFactory factory;
    private final ZContext context;
    private final ZMQ.Socket router;
    private final String endpoint;
    private final Map<ByteBuffer, Session> sessions = new HashMap<>();
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile int activeClients;
    private long lastSweepNanos = System.nanoTime();

    private EnvServer(ServerOptions options, EnvFactory factory) {
        this.options = options;
        this.factory = factory;
        this.context = Connection.SharedContext.get();
        this.router = context.createSocket(SocketType.ROUTER);
        router.setLinger(0);
        router.setMaxMsgSize(options.maxMessageSize());
        router.setReceiveTimeOut(POLL_MILLIS);
        if (options.curveSecretKey() != null) {
            router.setCurveServer(true);
            router.setCurveSecretKey(Curve.decodeKey(options.curveSecretKey(), "server secret key"));
        }
        try {
            this.endpoint = bind(router, options.bind());
        } catch (RuntimeException e) {
            context.destroySocket(router);
            throw new GymException("Cannot bind " + options.bind() + ": " + e.getMessage(), e);
        }
        this.thread = new Thread(this::loop, "gym4j-env-server " + endpoint);
    }

    /**
     * Binds and starts serving envs made by {@code Gym.make}.
     *
     * @param options where to bind and the limits
     * @return the running server
     * @throws GymException if the endpoint cannot be bound
     */
    public static EnvServer start(ServerOptions options) {
        return start(options, EnvFactory.registry());
    }

    /**
     * Binds and starts serving envs made by {@code factory}.
     *
     * @param options where to bind and the limits
     * @param factory makes each client's env
     * @return the running server
     * @throws GymException if the endpoint cannot be bound
     */
    public static EnvServer start(ServerOptions options, EnvFactory factory) {
        EnvServer server = new EnvServer(Objects.requireNonNull(options, "options"), Objects.requireNonNull(factory, "factory"));
        server.thread.start();
        return server;
    }

    private static String bind(ZMQ.Socket socket, String address) {
        String a = address.endsWith(":0") ? address.substring(0, address.length() - 1) + "*" : address;
        socket.bind(a);
        return socket.getLastEndpoint();
    }

    /** @return the bound endpoint, with the actual port, such as {@code tcp://127.0.0.1:43211} */
    public String endpoint() {
        return endpoint;
    }

    /** @return how many clients hold an env now */
    public int activeClients() {
        return activeClients;
    }

    /**
     * Waits until the server stops (after {@link #close()} from another thread).
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitTermination() throws InterruptedException {
        stopped.await();
    }

    /** Stops serving, closes every client's env and unbinds. Idempotent. */
    @Override
    public void close() {
        running = false;
        if (Thread.currentThread() != thread) {
            try {
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "EnvServer(" + endpoint + ", " + activeClients + " clients)";
    }

    // ------------------------------------------------------------------ the server's thread

    private void loop() {
        try {
            while (running && !Thread.currentThread().isInterrupted()) {
                byte[] identity;
                try {
                    identity = router.recv(0);
                } catch (org.zeromq.ZMQException e) {
                    break;
                }
                if (identity != null) {
                    serveOne(identity);
                }
                sweepIdle();
            }
        } finally {
            for (Session s : sessions.values()) {
                s.close();
            }
            sessions.clear();
            activeClients = 0;
            release();
            stopped.countDown();
        }
    }

    private void serveOne(byte[] identity) {
        List<byte[]> frames = new ArrayList<>(2);
        while (router.hasReceiveMore()) {
            frames.add(router.recv(0));
        }
        // A REQ client puts an empty delimiter frame before the payload; a DEALER client may not.
        boolean delimited = frames.size() == 2 && frames.get(0).length == 0;
        byte[] payload = frames.size() == 1 ? frames.get(0) : delimited ? frames.get(1) : null;
        Response reply = payload == null
                ? error(0, ErrorCode.ERROR_CODE_BAD_MESSAGE, "expected one payload frame (after an optional empty delimiter), got "
                        + frames.size() + " frames")
                : answer(ByteBuffer.wrap(identity), payload);
        router.sendMore(identity);
        if (delimited) {
            router.sendMore(new byte[0]);
        }
        router.send(reply.toByteArray(), 0);
    }

    private Response answer(ByteBuffer client, byte[] payload) {
        Request request;
        try {
            request = Request.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            return error(0, ErrorCode.ERROR_CODE_BAD_MESSAGE, "not a gym4j.bridge.v1.Request (" + e.getMessage() + ")");
        }
        long id = request.getId();
        switch (request.getBodyCase()) {
            case HELLO:
                return hello(client, id, request.getHello());
            case PING:
                return Response.newBuilder().setId(id).setPong(Pong.getDefaultInstance()).build();
            case LIST_ENVS:
                return EnvListing.reply(id, factory, options.defaultEnvId());
            case CLOSE: {
                Session s = sessions.remove(client);
                if (s != null) {
                    s.close();
                    activeClients = sessions.size();
                }
                return Response.newBuilder().setId(id).setClose(dev.gym4j.bridge.proto.CloseReply.getDefaultInstance()).build();
            }
            case BODY_NOT_SET:
                return error(id, ErrorCode.ERROR_CODE_BAD_MESSAGE, "the request has no body (an empty, truncated or foreign message?)");
            default:
                break;
        }
        Session session = sessions.get(client);
        if (session == null) {
            return error(id, ErrorCode.ERROR_CODE_NO_SESSION, "no env for this client at " + endpoint
                    + ": send Hello first (the server may have restarted or dropped an idle client)");
        }
        session.lastSeenNanos = System.nanoTime();
        Response.Builder reply = Response.newBuilder().setId(id);
        try {
            session.handle(request, reply);
        } catch (RuntimeException e) {
            reply.setError(Errors.fromException(e));
        }
        return reply.build();
    }

    private Response hello(ByteBuffer client, long id, Hello hello) {
        if (hello.getProtocolVersion() != Protocol.VERSION) {
            return error(id, ErrorCode.ERROR_CODE_UNSUPPORTED_VERSION, "this server speaks gym4j bridge protocol version "
                    + Protocol.VERSION + ", the client asked for " + hello.getProtocolVersion());
        }
        Session old = sessions.remove(client);
        if (old != null) {
            old.close();
        }
        if (sessions.size() >= options.maxClients()) {
            activeClients = sessions.size();
            return error(id, ErrorCode.ERROR_CODE_TOO_MANY_CLIENTS, "the server at " + endpoint + " serves at most "
                    + options.maxClients() + " clients; try again later");
        }
        String envId = hello.getEnvId().isEmpty() ? options.defaultEnvId() : hello.getEnvId();
        if (envId == null) {
            return error(id, ErrorCode.ERROR_CODE_INVALID_ARGUMENT, "this server has no default env: name one in Hello.env_id");
        }
        Map<String, Object> kwargs = new LinkedHashMap<>(envId.equals(options.defaultEnvId()) ? options.defaultKwargs() : Map.of());
        kwargs.putAll(ValueCodec.decodeMap(hello.getKwargs()));
        int numEnvs = hello.getNumEnvs() > 0 ? hello.getNumEnvs() : options.numEnvs();
        Session session;
        try {
            session = numEnvs == 0 ? new EnvSession(factory.make(envId, kwargs)) : VectorSessions.make(factory, envId, kwargs, numEnvs);
        } catch (RuntimeException e) {
            return Response.newBuilder().setId(id).setError(Errors.fromException(e)).build();
        }
        sessions.put(copy(client), session);
        activeClients = sessions.size();
        LOG.log(System.Logger.Level.DEBUG, () -> "client " + sessions.size() + " made " + envId + " on " + endpoint);
        return Response.newBuilder().setId(id).setHello(HelloReply.newBuilder().setProtocolVersion(Protocol.VERSION)
                .addAllCapabilities(Protocol.CAPABILITIES).setServerName("gym4j-java")
                .setEnv(session.describe())).build();
    }

    /**
     * Closes the socket. Closing a socket of a shared context is asynchronous (the I/O thread closes the
     * listener later), so for a tcp endpoint this unbinds and waits, at most a second, for the listener's
     * CLOSED event: a server restarted on the same address right after {@link #close()} then binds.
     */
    private void release() {
        ZMQ.Socket monitor = null;
        try {
            if (endpoint.startsWith("tcp://")) {
                String address = "inproc://gym4j-env-server-closed-" + MONITORS.incrementAndGet();
                router.monitor(address, ZMQ.EVENT_CLOSED);
                monitor = context.createSocket(SocketType.PAIR);
                monitor.setReceiveTimeOut(1000);
                monitor.connect(address);
                router.unbind(endpoint);
                ZMQ.Event.recv(monitor);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "closing " + endpoint + ": " + e);
        } finally {
            if (monitor != null) {
                context.destroySocket(monitor);
            }
            context.destroySocket(router);
        }
    }

    private static ByteBuffer copy(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        return ByteBuffer.wrap(bytes);
    }

    private void sweepIdle() {
        long now = System.nanoTime();
        if (now - lastSweepNanos < TimeUnit.MILLISECONDS.toNanos(Math.min(1000, options.idleTimeout().toMillis() / 2 + 1))) {
            return;
        }
        lastSweepNanos = now;
        long limit = options.idleTimeout().toNanos();
        for (Iterator<Session> it = sessions.values().iterator(); it.hasNext();) {
            Session s = it.next();
            if (now - s.lastSeenNanos > limit) {
                s.close();
                it.remove();
            }
        }
        activeClients = sessions.size();
    }

    private static Response error(long id, ErrorCode code, String message) {
        return Response.newBuilder().setId(id).setError(Errors.of(code, message)).build();
    }

}
