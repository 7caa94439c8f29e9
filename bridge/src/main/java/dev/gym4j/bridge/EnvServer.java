package dev.gym4j.bridge;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.gym4j.Gym;
import dev.gym4j.api.GymException;
import dev.gym4j.bridge.proto.ErrorCode;
import dev.gym4j.bridge.proto.Hello;
import dev.gym4j.bridge.proto.HelloReply;
import dev.gym4j.bridge.proto.Pong;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Response;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZEvent;
import org.zeromq.ZMQ;

/**
 * Serves envs over the bridge protocol on a ZeroMQ ROUTER socket: one env (or vector env) per
 * connected client, many clients at once.
 *
 * <p>A client's handshake ({@code Hello}) makes its env, from the id it names or the server's default;
 * {@code Close}, an idle timeout or the client's connection closing frees it. Every request is parsed,
 * checked against the {@link ServerLimits} and answered inside one error boundary: a malformed,
 * oversized, out-of-order or over-the-limit request, and anything an env throws (an {@code Error}
 * such as {@code OutOfMemoryError} included), gets an {@code Error} reply and never stops the server.
 *
 * <p>Each client's requests run one at a time and in order, so an env is never used by two threads at
 * once (it need not be thread-safe; successive requests may run on different threads, with a
 * happens-before edge between them). A request of a client with nothing else pending whose requests
 * have been quick is served at once on the thread
 * that reads the socket, and its reply sent from there: the common case (a fast env step) crosses no
 * thread. A client goes to a pool of {@link ServerLimits#workers()} threads, which serves different
 * clients in parallel, after {@value #STREAK} requests in a row over {@value #INLINE_BUDGET_MICROS} µs
 * (one preempted request on a busy machine does not count) and comes back after {@value #STREAK} under. When a request served on the socket's thread runs for longer than
 * {@value #TAKEOVER_MILLIS} ms (a slow env step, an env that blocks), a watchdog hands the sockets to a
 * new thread, which serves everyone else meanwhile, and that client's later requests go to the pool
 * until they are quick again: a slow env step or a large request holds up other clients for at most
 * about {@code 2 x} {@value #TAKEOVER_MILLIS} ms, and only its own client beyond that.
 * A client may have {@value #MAX_PENDING} requests waiting at most; large messages wait only while the
 * bytes of all waiting messages stay under a budget (a quarter of the heap), past which they are
 * refused at once with an {@code Error}.
 *
 * <p>The server's socket lives in the JVM-wide ZeroMQ context that {@link RemoteEnv} and
 * {@link RemoteVectorEnv} use too, and {@link #close()} returns only once the address is free to be
 * bound again.
 *
 * <p>Thread safety: {@link #endpoint()}, {@link #activeClients()}, {@link #failure()} and
 * {@link #close()} may be called from any thread.
 */
public final class EnvServer implements AutoCloseable {

    /** How many requests of one client may wait while one of its requests is served. */
    static final int MAX_PENDING = 4;
    /** Messages up to this size are always queued (a well-behaved client's); larger ones count against the budget. */
    private static final int SMALL_MESSAGE = 64 << 10;
    /** How long a request may hold the socket's thread before another thread takes the sockets over. */
    static final long TAKEOVER_MILLIS = 10;
    /** Clients whose requests take longer than this ({@link #STREAK} in a row) are served by the pool. */
    static final long INLINE_BUDGET_MICROS = 500;
    /** How many requests in a row over (under) the budget move a client to the pool (back). */
    static final int STREAK = 4;
    private static final long INLINE_BUDGET_NANOS = TimeUnit.MICROSECONDS.toNanos(INLINE_BUDGET_MICROS);
    private static final System.Logger LOG = System.getLogger(EnvServer.class.getName());
    private static final int POLL_MILLIS = 100;
    private static final AtomicLong INSTANCES = new AtomicLong();
    private static final long RECENTLY_CLOSED_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final ServerOptions options;
    private final ServerLimits limits;
    private final EnvFactory factory;
    private final ZContext context;
    private final ZMQ.Socket router;
    private final ZMQ.Socket monitor;
    private final String endpoint;
    private final ThreadPoolExecutor pool;
    private final ConcurrentHashMap<ByteBuffer, Client> clients = new ConcurrentHashMap<>();
    private final Slots slots;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final long queuedBytesBudget;
    /** The thread that reads the sockets now: the first, or one that took them over from a slow request. */
    private volatile Thread thread;
    private final Thread watchdog;
    private final boolean daemon;
    /** Odd while the socket's thread serves a request itself; the watchdog's take-over makes it even. */
    private final AtomicLong turn = new AtomicLong();
    /** Threads that lost the sockets to a take-over and still serve their request. */
    private final AtomicInteger displaced = new AtomicInteger();
    /**
     * Where the workers, and threads that lost the sockets, pass their replies: a DEALER connected to the
     * ROUTER's own inproc endpoint, so that the socket's thread waits on the ROUTER alone (a blocking
     * receive wakes up faster than JeroMQ's poller). Guarded by itself.
     */
    private final ZMQ.Socket handback;
    private final byte[] handbackIdentity;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile Throwable failure;
    private long lastSweepNanos = System.nanoTime();
    // The server's thread only: peer addresses by connection (channel), the newest connection of each peer
    // address, clients by connection, recently closed peer addresses.
    private final Map<Object, String> connections = new IdentityHashMap<>();
    private final Map<String, Object> openByPeer = new HashMap<>();
    private final Map<Object, Client> byChannel = new IdentityHashMap<>();
    private final LinkedHashMap<String, Long> recentlyClosed = new LinkedHashMap<>();

    private EnvServer(ServerOptions options, EnvFactory factory) {
        this.options = options;
        this.limits = options.limits();
        this.factory = factory;
        this.slots = new Slots(options.maxClients(), limits.maxClientsPerPeer(), limits.maxEnvs(), limits.evictAfter().toNanos());
        this.queuedBytesBudget = Math.max(options.maxMessageSize(), Runtime.getRuntime().maxMemory() / 4);
        this.context = Connection.SharedContext.get();
        ShmSessions.removeStaleFiles();
        long n = INSTANCES.incrementAndGet();
        this.router = context.createSocket(SocketType.ROUTER);
        router.setLinger(0);
        router.setMaxMsgSize(options.maxMessageSize());
        router.setRcvHWM(256);
        if (!limits.heartbeat().isZero()) {
            int ivl = (int) limits.heartbeat().toMillis();
            router.setHeartbeatIvl(ivl);
            router.setHeartbeatTimeout(6 * ivl);
            router.setHeartbeatTtl(6 * ivl);
        }
        if (options.curveSecretKey() != null) {
            router.setCurveServer(true);
            router.setCurveSecretKey(Curve.decodeKey(options.curveSecretKey(), "server secret key"));
        }
        String monitorAddress = "inproc://gym4j-env-server-monitor-" + n;
        router.monitor(monitorAddress, ZMQ.EVENT_ACCEPTED | ZMQ.EVENT_DISCONNECTED);
        this.monitor = context.createSocket(SocketType.PAIR);
        monitor.connect(monitorAddress);
        router.setReceiveTimeOut(POLL_MILLIS);
        // The hand-back connection is made before the public endpoint exists, so no remote peer can take its
        // routing id first (the ROUTER ignores a second peer with an id in use); its messages also carry no
        // peer address, which every TCP peer's do.
        String handbackAddress = "inproc://gym4j-env-server-handback-" + n;
        this.handbackIdentity = ("gym4j-handback-" + n).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        this.handback = context.createSocket(SocketType.DEALER);
        handback.setSndHWM(0);
        handback.setLinger(0);
        handback.setIdentity(handbackIdentity);
        try {
            router.bind(handbackAddress);
            handback.connect(handbackAddress);
            this.endpoint = bind(router, options.bind());
        } catch (RuntimeException e) {
            monitor.close();
            handback.close();
            router.close();
            throw new GymException("Cannot bind " + options.bind() + ": " + bindProblem(e), e);
        }
        AtomicInteger workerNumber = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(limits.workers(), limits.workers(), 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "gym4j-env-server-worker-" + n + "-" + workerNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this::loop, "gym4j-env-server " + endpoint);
        this.daemon = thread.isDaemon();
        this.watchdog = new Thread(this::watch, "gym4j-env-server-watchdog " + endpoint);
        watchdog.setDaemon(true);
    }

    private static String bindProblem(RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        if (e instanceof org.zeromq.ZMQException z && z.getErrorCode() == zmq.ZError.EADDRINUSE
                || m.contains("in use") || m.contains("Errno 48") || m.contains("Errno 98")) {
            return "address already in use (another server on that port? choose another port, or 0 for a free one)";
        }
        if (e instanceof org.zeromq.ZMQException z && z.getErrorCode() == zmq.ZError.EADDRNOTAVAIL) {
            return "address not available on this machine";
        }
        return m;
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
     * @param factory makes each client's env; called from the server's threads, one call per Hello (or per
     *     sub-env), possibly concurrently for different clients
     * @return the running server
     * @throws GymException if the endpoint cannot be bound
     */
    public static EnvServer start(ServerOptions options, EnvFactory factory) {
        EnvServer server = new EnvServer(Objects.requireNonNull(options, "options"), Objects.requireNonNull(factory, "factory"));
        server.thread.start();
        server.watchdog.start();
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
        return slots.clients();
    }

    /**
     * @return what stopped the server's thread when it failed (not through {@link #close()}), or null
     *     while it runs or after a normal close
     */
    public Throwable failure() {
        return failure;
    }

    /**
     * Waits until the server stops: after {@link #close()} from another thread, or a failure of the
     * server's own thread ({@link #failure()} then says which).
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
        return "EnvServer(" + endpoint + ", " + activeClients() + " clients)";
    }

    private void event(String line) {
        var sink = options.events();
        if (sink != null) {
            try {
                sink.accept(line);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, () -> "event sink failed: " + e);
            }
        } else {
            LOG.log(System.Logger.Level.DEBUG, () -> line + " (" + endpoint + ")");
        }
    }

    // ------------------------------------------------------------------ the server's thread: moves messages

    /**
     * The body of the socket's thread: the first one, or one that took the sockets over from a thread
     * busy with a slow request (which then ends once it has passed on its reply).
     */
    private void loop() {
        boolean handedOver = false;
        try {
            while (running && !Thread.currentThread().isInterrupted()) {
                zmq.Msg first;
                try {
                    first = router.base().recv(0); // waits at most POLL_MILLIS (the receive timeout)
                } catch (org.zeromq.ZMQException | zmq.ZError.CtxTerminatedException e) {
                    if (!running) {
                        break;
                    }
                    throw e;
                }
                watchConnections(); // before the requests: a new connection's ACCEPTED clears its reused port
                if (first != null && !receiveRequests(first)) {
                    handedOver = true; // another thread owns the sockets now
                    return;
                }
                sweepIdle();
            }
        } catch (Throwable t) {
            failure = t;
            LOG.log(System.Logger.Level.ERROR, () -> "the server at " + endpoint + " failed: " + t, t);
        } finally {
            if (!handedOver) {
                shutDown();
            }
        }
    }

    private void shutDown() {
        running = false;
        try {
            pool.shutdown();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (displaced.get() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            for (Client c : clients.values()) {
                c.closeSessionQuietly();
            }
            clients.clear();
            slots.clear();
            release();
        } finally {
            stopped.countDown();
        }
    }

    /**
     * The watchdog: when the socket's thread has served one request for a whole tick, another thread
     * takes the sockets over (the busy one finishes its request, hands its reply back and ends).
     */
    private void watch() {
        long seen = 0;
        while (running) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TAKEOVER_MILLIS));
            long t = turn.get();
            if ((t & 1) == 1 && t == seen && running) {
                takeOver(t);
            }
            seen = turn.get();
        }
    }

    private void takeOver(long t) {
        CompletableFuture<Boolean> go = new CompletableFuture<>();
        Thread next = new Thread(() -> {
            if (go.join()) {
                loop();
            }
        }, "gym4j-env-server " + endpoint);
        next.setDaemon(daemon);
        try {
            next.start();
        } catch (Throwable e) { // no thread to be had (out of memory): the busy thread keeps the sockets
            LOG.log(System.Logger.Level.WARNING, () -> "cannot start a thread to serve " + endpoint + " past a slow request: " + e);
            return;
        }
        displaced.incrementAndGet();
        boolean won = turn.compareAndSet(t, t + 1);
        if (won) {
            thread = next;
        } else {
            displaced.decrementAndGet(); // the request ended meanwhile
        }
        go.complete(won);
    }

    /**
     * Serves the message that starts with {@code identity}, and up to 255 more that are waiting, or hands
     * each to its client's queue; forwards the replies handed back.
     *
     * @return false when this thread lost the sockets to a take-over while it served one
     */
    private boolean receiveRequests(zmq.Msg firstIdentity) {
        zmq.Msg identity = firstIdentity;
        for (int k = 0; k < 256; k++) {
            if (k > 0 && (identity = router.base().recv(ZMQ.DONTWAIT)) == null) {
                return true;
            }
            byte[] first = null;
            byte[] second = null;
            byte[] third = null;
            int frames = 0;
            String peer = null;
            boolean more = identity.hasMore();
            while (more) {
                zmq.Msg m = router.base().recv(0);
                if (m == null) {
                    break;
                }
                if (peer == null && m.getMetadata() != null) {
                    peer = m.getMetadata().get(zmq.io.Metadata.PEER_ADDRESS);
                }
                if (frames == 0) {
                    first = m.data();
                } else if (frames == 1) {
                    second = m.data();
                } else if (frames == 2) {
                    third = m.data();
                }
                frames++;
                more = m.hasMore();
            }
            if (peer == null && frames == 3 && Arrays.equals(identity.data(), handbackIdentity)) {
                // [client identity, delimited flag, reply] from a worker
                send(first, second.length > 0 && second[0] == 1, third);
                continue;
            }
            if (!dispatch(identity.data(), frames, first, second, peer == null ? "" : peer)) {
                return false;
            }
        }
        return true;
    }

    /** @return false when this thread lost the sockets to a take-over while it served the request */
    private boolean dispatch(byte[] identity, int frames, byte[] first, byte[] second, String peer) {
        // A REQ client puts an empty delimiter frame before the payload; a DEALER client may not.
        boolean delimited = frames == 2 && first.length == 0;
        byte[] payload = frames == 1 ? first : delimited ? second : null;
        if (!peer.isEmpty() && recentlyClosed.containsKey(peer)) {
            // On loopback the kernel hands a closed connection's port to the next one at once (tcp_tw_reuse), so
            // this may be a new connection whose ACCEPTED event the IO thread queued before this request: read
            // the pending events first, and drop the request only if its connection is really gone.
            watchConnections();
            if (recentlyClosed.containsKey(peer)) {
                return true; // its connection is gone: nobody would read the reply, and a Hello would leak an env
            }
        }
        if (payload == null) {
            send(identity, delimited, error(0, ErrorCode.ERROR_CODE_BAD_MESSAGE,
                    "expected one payload frame (after an optional empty delimiter), got " + frames + " frames").toByteArray());
            return true;
        }
        if (payload.length > SMALL_MESSAGE && queuedBytes.get() + payload.length > queuedBytesBudget) {
            send(identity, delimited, error(0, ErrorCode.ERROR_CODE_TOO_MANY_CLIENTS, "the server is busy with "
                    + queuedBytes.get() + " bytes of waiting requests; send this " + payload.length + "-byte request again later")
                    .toByteArray());
            return true;
        }
        ByteBuffer key = ByteBuffer.wrap(identity);
        while (true) {
            Client c = clients.computeIfAbsent(key, k -> new Client(identity, peer));
            c.lastSeenNanos = System.nanoTime();
            if (!peer.isEmpty()) {
                Object channel = openByPeer.get(peer);
                if (channel == null) {
                    watchConnections(); // its ACCEPTED event may still be queued
                    channel = openByPeer.get(peer);
                }
                if (channel != null && byChannel.get(channel) != c) {
                    byChannel.put(channel, c);
                }
            }
            queuedBytes.addAndGet(payload.length);
            Job job = new Job(payload, delimited);
            int result = c.offer(job, displaced.get() < limits.workers());
            if (result == Client.INLINE) {
                return serveInline(c, identity, job);
            }
            if (result == Client.ACCEPTED) {
                return true;
            }
            queuedBytes.addAndGet(-payload.length);
            if (result == Client.FULL) {
                send(identity, delimited, error(0, ErrorCode.ERROR_CODE_BAD_MESSAGE, "one request at a time: this client already has "
                        + MAX_PENDING + " requests waiting for a reply").toByteArray());
                return true;
            }
            clients.remove(key, c); // it was retired between the lookup and the offer: make a new one
        }
    }

    /**
     * Serves a request on the socket's thread, in the client's turn, and sends the reply from here; or,
     * when the watchdog handed the sockets to another thread meanwhile, passes the reply to that one.
     *
     * @return false when this thread no longer owns the sockets
     */
    private boolean serveInline(Client c, byte[] identity, Job job) {
        long t = turn.incrementAndGet(); // odd: serving
        byte[] reply = reply(c, job);
        if (turn.compareAndSet(t, t + 1)) {
            send(identity, job.delimited, reply);
            c.endTurn();
            return true;
        }
        try {
            handBack(identity, job.delimited, reply);
        } finally {
            c.endTurn();
            displaced.decrementAndGet();
        }
        return false;
    }

    /** Passes a reply served off the socket's thread to that thread, which sends it. */
    private void handBack(byte[] identity, boolean delimited, byte[] reply) {
        try {
            synchronized (handback) {
                handback.sendMore(identity);
                handback.sendMore(new byte[] {(byte) (delimited ? 1 : 0)});
                handback.send(reply, 0);
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.log(System.Logger.Level.WARNING, () -> "cannot pass a reply to the server's thread: " + e);
            }
        }
    }

    private void send(byte[] identity, boolean delimited, byte[] reply) {
        router.sendMore(identity);
        if (delimited) {
            router.sendMore(new byte[0]);
        }
        router.send(reply, ZMQ.DONTWAIT);
    }

    /**
     * Connection events: log them, and free the env of a client whose connection closed. (JeroMQ 0.6 deprecates
     * {@code ZMQ.Event} for {@code ZEvent}; this keeps the older type for {@code resolveValue()}, the event's
     * channel, which tells a closed connection from a newer one on the same reused port.)
     */
    @SuppressWarnings("deprecation")
    private void watchConnections() {
        for (int k = 0; k < 1024; k++) {
            ZMQ.Event e = ZMQ.Event.recv(monitor, ZMQ.DONTWAIT);
            if (e == null) {
                return;
            }
            Object channel = e.resolveValue();
            if (e.getEvent() == ZMQ.EVENT_ACCEPTED) {
                String peer = peerOf(channel);
                connections.put(channel, peer);
                openByPeer.put(peer, channel);
                recentlyClosed.remove(peer);
                event("client " + peer + " connected");
            } else if (e.getEvent() == ZMQ.EVENT_DISCONNECTED) {
                String peer = connections.remove(channel);
                if (peer == null) {
                    continue;
                }
                if (openByPeer.get(peer) == channel) { // else a newer connection already holds the reused port
                    openByPeer.remove(peer);
                    recentlyClosed.put(peer, System.nanoTime());
                }
                Client c = byChannel.remove(channel);
                boolean hadEnv = c != null && c.hasSlot();
                if (c != null) {
                    c.submit(() -> closeSession(c));
                }
                event("client " + peer + " disconnected" + (hadEnv ? ", its env closed" : ""));
            }
        }
    }

    private static String peerOf(Object channel) {
        if (channel instanceof SocketChannel sc) {
            try {
                if (sc.getRemoteAddress() instanceof InetSocketAddress a) {
                    return a.getAddress().getHostAddress() + ":" + a.getPort();
                }
            } catch (java.io.IOException e) {
                return "?";
            }
        }
        return String.valueOf(channel);
    }

    private void sweepIdle() {
        long now = System.nanoTime();
        if (now - lastSweepNanos < TimeUnit.MILLISECONDS.toNanos(Math.min(1000, options.idleTimeout().toMillis() / 2 + 1))) {
            return;
        }
        lastSweepNanos = now;
        long limit = options.idleTimeout().toNanos();
        for (Client c : clients.values()) {
            if (c.hasSlot() && now - c.lastSeenNanos > limit) {
                c.submit(() -> {
                    if (System.nanoTime() - c.lastSeenNanos > limit && c.session != null) {
                        closeSession(c);
                        event("client " + c.peer + " silent for " + options.idleTimeout().toSeconds() + " s, its env closed");
                    }
                });
            }
        }
        for (Iterator<Map.Entry<String, Long>> it = recentlyClosed.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Long> e = it.next();
            if (now - e.getValue() < RECENTLY_CLOSED_NANOS && recentlyClosed.size() < 65_536) {
                break;
            }
            it.remove();
        }
        byChannel.values().removeIf(c -> c.retired && !clients.containsKey(c.key));
    }

    // ------------------------------------------------------------------ the workers: serve requests

    /** One request waiting to be served. */
    private record Job(byte[] payload, boolean delimited) {
    }

    /** Answers one request inside the error boundary, in the client's turn, and times it. */
    private byte[] reply(Client c, Job job) {
        long start = System.nanoTime();
        try {
            ShmSession shm = c.shm;
            return (shm == null ? answer(c, job.payload) : shm.exclusive(() -> answer(c, job.payload))).toByteArray();
        } catch (Throwable t) {
            return internal(t).toByteArray();
        } finally {
            queuedBytes.addAndGet(-job.payload.length);
            c.took(System.nanoTime() - start);
        }
    }

    /** Serves one request on a worker and hands the reply back to the socket's thread. */
    private void serve(Client c, Job job) {
        handBack(c.identity, job.delimited, reply(c, job));
    }

    private static Response internal(Throwable t) {
        String what = t instanceof OutOfMemoryError ? "the server ran out of memory serving this request"
                : t instanceof StackOverflowError ? "the request is nested too deeply"
                : "the server failed serving this request: " + t.getClass().getSimpleName();
        return error(0, ErrorCode.ERROR_CODE_INTERNAL, what + " (it keeps serving)");
    }

    private Response answer(Client c, byte[] payload) {
        Request request;
        try {
            request = Request.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            return error(0, ErrorCode.ERROR_CODE_BAD_MESSAGE, "not a gym4j.bridge.v1.Request (" + e.getMessage() + ")");
        }
        return answer(c, request);
    }

    /** Answers a request that came through the client's shared-memory file; never throws. */
    private Response answerShm(Client c, Request request) {
        c.lastSeenNanos = System.nanoTime();
        try {
            return answer(c, request);
        } catch (Throwable t) {
            return internal(t).toBuilder().setId(request.getId()).build();
        }
    }

    private Response answer(Client c, Request request) {
        long id = request.getId();
        Response.Builder reply = Response.newBuilder().setId(id);
        try {
            RequestChecks.check(request, limits);
            switch (request.getBodyCase()) {
                case HELLO:
                    return hello(c, id, request.getHello());
                case PING:
                    return reply.setPong(Pong.getDefaultInstance()).build();
                case LIST_ENVS:
                    return EnvListing.reply(id, factory, options.defaultEnvId());
                case SHM_ATTACH:
                    return ShmSessions.attach(c.shm, request, r -> answerShm(c, r), () -> c.submit(() -> closeSession(c)));
                case CLOSE:
                    closeSession(c);
                    return reply.setClose(dev.gym4j.bridge.proto.CloseReply.getDefaultInstance()).build();
                case BODY_NOT_SET:
                    return error(id, ErrorCode.ERROR_CODE_BAD_MESSAGE, "the request has no body (an empty, truncated or foreign message?)");
                default:
                    break;
            }
            Session session = c.session;
            if (session == null) {
                return error(id, ErrorCode.ERROR_CODE_NO_SESSION, "no env for this client at " + endpoint
                        + ": send Hello first (the server may have restarted or dropped an idle client)");
            }
            session.handle(request, reply);
        } catch (RuntimeException e) {
            reply.clearBody().setError(Errors.fromException(e));
        } catch (OutOfMemoryError | StackOverflowError e) {
            return internal(e).toBuilder().setId(id).build();
        }
        return reply.build();
    }

    private Response hello(Client c, long id, Hello hello) {
        if (hello.getProtocolVersion() != Protocol.VERSION) {
            return error(id, ErrorCode.ERROR_CODE_UNSUPPORTED_VERSION, "this server speaks gym4j bridge protocol version "
                    + Protocol.VERSION + ", the client asked for " + Integer.toUnsignedString(hello.getProtocolVersion()));
        }
        closeSession(c);
        String envId = hello.getEnvId().isEmpty() ? options.defaultEnvId() : hello.getEnvId();
        if (envId == null) {
            return error(id, ErrorCode.ERROR_CODE_INVALID_ARGUMENT, "this server has no default env: name one in Hello.env_id");
        }
        int numEnvs = hello.getNumEnvs() > 0 ? hello.getNumEnvs() : options.numEnvs();
        Map<String, Object> kwargs = new LinkedHashMap<>(envId.equals(options.defaultEnvId()) ? options.defaultKwargs() : Map.of());
        kwargs.putAll(ValueCodec.decodeMap(hello.getKwargs()));
        List<Client> evicted = new ArrayList<>();
        String refused = slots.reserve(c, Math.max(1, numEnvs), evicted);
        for (Client e : evicted) {
            e.submit(() -> {
                if (!e.hasSlot()) {
                    e.closeSessionQuietly();
                }
            });
            event("client " + e.peer + " silent the longest at the client limit, its env closed for a new client");
        }
        if (refused != null) {
            return error(id, ErrorCode.ERROR_CODE_TOO_MANY_CLIENTS, "the server at " + endpoint + " " + refused + "; try again later");
        }
        Session session;
        try {
            session = numEnvs == 0 ? new EnvSession(factory.make(envId, kwargs)) : VectorSessions.make(factory, envId, kwargs, numEnvs);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            slots.release(c);
            if (e instanceof Error err) {
                return internal(err).toBuilder().setId(id).build();
            }
            return Response.newBuilder().setId(id).setError(Errors.fromException((RuntimeException) e)).build();
        }
        c.session = session;
        HelloReply.Builder reply = HelloReply.newBuilder().setProtocolVersion(Protocol.VERSION)
                .addAllCapabilities(Protocol.CAPABILITIES).addCapabilities(Protocol.CAP_PING_WHILE_BUSY)
                .setServerName("gym4j-java").setEnv(session.describe());
        c.shm = ShmSessions.offer(hello, reply, options.maxMessageSize());
        return Response.newBuilder().setId(id).setHello(reply).build();
    }

    /** Closes the client's env, if any, and frees its slot; runs in the client's turn. */
    private void closeSession(Client c) {
        slots.release(c);
        c.closeSessionQuietly();
    }

    /**
     * One client (one ZeroMQ routing identity): its env and its queue of requests, served one at a time
     * by the pool. A client with no env and nothing queued is retired (removed from the map).
     */
    private final class Client {
        static final int ACCEPTED = 0;
        static final int FULL = 1;
        static final int RETIRED = 2;
        static final int INLINE = 3;

        final byte[] identity;
        final ByteBuffer key;
        final String peer;
        volatile long lastSeenNanos = System.nanoTime();
        /** Touched only in this client's turn. */
        Session session;
        /** The client's shared-memory session (offered or attached), or null; set in the client's turn. */
        volatile ShmSession shm;
        // Guarded by slots.
        boolean slotted;
        int weight;
        // Guarded by this.
        private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        private int requests;
        private boolean scheduled;
        volatile boolean retired;
        /** Whether this client's requests go to the pool; written in its turn. */
        private volatile boolean pooled;
        /** Requests in a row that disagree with {@link #pooled}; written in its turn. */
        private int streak;

        Client(byte[] identity, String peer) {
            this.identity = identity;
            this.key = ByteBuffer.wrap(identity);
            this.peer = peer.isEmpty() ? "(unknown peer)" : peer;
        }

        boolean hasSlot() {
            return slots.holds(this);
        }

        /**
         * Queues a request; returns ACCEPTED, FULL (too many waiting), RETIRED (make a new client) or, when
         * {@code mayInline} and nothing of this client is pending and its requests have been quick, INLINE:
         * the caller now has the client's turn, serves the request itself and then calls {@link #endTurn()}.
         */
        int offer(Job job, boolean mayInline) {
            synchronized (this) {
                if (retired) {
                    return RETIRED;
                }
                if (mayInline && !scheduled && tasks.isEmpty() && !pooled) {
                    scheduled = true;
                    return INLINE;
                }
                if (requests > MAX_PENDING) {
                    return FULL;
                }
                requests++;
                tasks.add(() -> {
                    synchronized (this) {
                        requests--;
                    }
                    serve(this, job);
                });
                schedule();
            }
            return ACCEPTED;
        }

        /** Queues internal work (closing the env) that is not a request. */
        void submit(Runnable r) {
            synchronized (this) {
                if (retired) {
                    return;
                }
                tasks.add(r);
                schedule();
            }
        }

        private void schedule() {
            if (!scheduled) {
                scheduled = true;
                try {
                    pool.execute(this::runOne);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    scheduled = false; // shutting down
                }
            }
        }

        /** Records how long one request took (in the client's turn). */
        void took(long nanos) {
            boolean slow = nanos > INLINE_BUDGET_NANOS;
            if (nanos > TimeUnit.MILLISECONDS.toNanos(TAKEOVER_MILLIS)) {
                pooled = true; // it held (or would have held) the sockets long enough for a take-over
                streak = 0;
            } else if (slow == pooled) {
                streak = 0;
            } else if (++streak >= STREAK) {
                pooled = slow;
                streak = 0;
            }
        }

        /** Runs one task, then yields the thread to other clients (fairness) if more are queued. */
        private void runOne() {
            Runnable r;
            synchronized (this) {
                r = tasks.poll();
            }
            if (r != null) {
                try {
                    r.run();
                } catch (Throwable t) {
                    LOG.log(System.Logger.Level.WARNING, () -> "serving a client of " + endpoint + " failed: " + t);
                }
            }
            endTurn();
        }

        /** Ends the client's turn: schedules what was queued meanwhile, or retires an idle client. */
        void endTurn() {
            synchronized (this) {
                scheduled = false;
                if (!tasks.isEmpty()) {
                    schedule();
                } else if (session == null && !hasSlot()) {
                    retired = true;
                    clients.remove(key, this);
                }
            }
        }

        void closeSessionQuietly() {
            ShmSession f = shm;
            shm = null;
            if (f != null) {
                f.close();
            }
            Session s = session;
            session = null;
            if (s != null) {
                try {
                    s.close();
                } catch (Throwable ignored) {
                    // an env that fails to close must not take the server down
                }
            }
        }
    }

    /**
     * The client slots: how many clients hold an env in all and per peer IP address, and how many envs.
     * At a limit, the client silent the longest (for at least the eviction time) gives up its slot.
     */
    private static final class Slots {
        private final int maxClients;
        private final int maxPerPeer;
        private final int maxEnvs;
        private final long evictAfterNanos;
        private final Map<Client, Boolean> holders = new IdentityHashMap<>();
        private final Map<String, Integer> perPeer = new HashMap<>();
        private int envs;

        Slots(int maxClients, int maxPerPeer, int maxEnvs, long evictAfterNanos) {
            this.maxClients = maxClients;
            this.maxPerPeer = maxPerPeer;
            this.maxEnvs = maxEnvs;
            this.evictAfterNanos = evictAfterNanos;
        }

        static String host(Client c) {
            int colon = c.peer.lastIndexOf(':');
            return colon > 0 ? c.peer.substring(0, colon) : c.peer;
        }

        synchronized int clients() {
            return holders.size();
        }

        synchronized boolean holds(Client c) {
            return c.slotted;
        }

        /** @return null when reserved, else why not; fills {@code evicted} with the clients that lost their slot */
        synchronized String reserve(Client c, int weight, List<Client> evicted) {
            release(c);
            if (weight > maxEnvs) {
                return "serves at most " + maxEnvs + " envs in all (gym4j serve --max-envs), the client asked for " + weight;
            }
            String host = host(c);
            while (true) {
                String problem = null;
                boolean peerScope = false;
                if (perPeer.getOrDefault(host, 0) >= maxPerPeer) {
                    problem = "serves at most " + maxPerPeer + " clients per peer address (gym4j serve --max-clients-per-peer)";
                    peerScope = true;
                } else if (holders.size() >= maxClients) {
                    problem = "serves at most " + maxClients + " clients (gym4j serve --max-clients)";
                } else if (envs + weight > maxEnvs) {
                    problem = "serves at most " + maxEnvs + " envs in all (gym4j serve --max-envs)";
                }
                if (problem == null) {
                    break;
                }
                Client victim = longestSilent(peerScope ? host : null);
                if (victim == null) {
                    return problem;
                }
                release(victim);
                evicted.add(victim);
            }
            c.slotted = true;
            c.weight = weight;
            holders.put(c, Boolean.TRUE);
            perPeer.merge(host, 1, Integer::sum);
            envs += weight;
            return null;
        }

        private Client longestSilent(String host) {
            long now = System.nanoTime();
            Client best = null;
            for (Client h : holders.keySet()) {
                if ((host == null || host.equals(host(h))) && now - h.lastSeenNanos >= evictAfterNanos
                        && (best == null || h.lastSeenNanos - best.lastSeenNanos < 0)) {
                    best = h;
                }
            }
            return best;
        }

        synchronized void release(Client c) {
            if (!c.slotted) {
                return;
            }
            c.slotted = false;
            holders.remove(c);
            perPeer.computeIfPresent(host(c), (k, v) -> v == 1 ? null : v - 1);
            envs -= c.weight;
        }

        synchronized void clear() {
            for (Client c : holders.keySet()) {
                c.slotted = false;
            }
            holders.clear();
            perPeer.clear();
            envs = 0;
        }
    }

    /**
     * Closes the sockets. Closing a socket of a shared context is asynchronous (the I/O thread closes the
     * listener later), so for a tcp endpoint this unbinds and waits, at most a second, for the listener's
     * CLOSED event: a server restarted on the same address right after {@link #close()} then binds.
     */
    private void release() {
        ZMQ.Socket closedMonitor = null;
        try {
            synchronized (handback) {
                handback.close();
            }
            router.monitor(null, 0);
            monitor.close();
            if (endpoint.startsWith("tcp://")) {
                String address = "inproc://gym4j-env-server-closed-" + INSTANCES.incrementAndGet();
                router.monitor(address, ZMQ.EVENT_CLOSED);
                closedMonitor = context.createSocket(SocketType.PAIR);
                closedMonitor.setReceiveTimeOut(1000);
                closedMonitor.connect(address);
                router.unbind(endpoint);
                ZEvent.recv(closedMonitor);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "closing " + endpoint + ": " + e);
        } finally {
            if (closedMonitor != null) {
                closedMonitor.close();
            }
            router.close();
        }
    }

    private static Response error(long id, ErrorCode code, String message) {
        return Response.newBuilder().setId(id).setError(Errors.of(code, message)).build();
    }

}
