package dev.gym4j.bridge;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.gym4j.api.GymException;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Response;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZEvent;
import org.zeromq.ZMQ;
import org.zeromq.ZMonitor;

/**
 * A client's link to one server, in ZeroMQ's "lazy pirate" style: each call sends one request and
 * waits at most the timeout for the reply with the same id; when none comes, the socket is thrown
 * away (so a late reply can never be taken for the next call's) and the next call opens a new one.
 * A reopened socket is a new client to the server: a call after a lost reply finds no env there
 * ({@code NO_SESSION}) and {@link RemoteEnv#reset} makes a new one, while the old one idles out.
 *
 * <p>Liveness: the socket sends ZeroMQ (ZMTP 3.1) heartbeats, which the server's ZeroMQ I/O thread
 * answers however long its env takes, and watches its own connection events. When the link breaks while
 * a reply is awaited (the server was killed, or is stopped and no longer answers heartbeats for
 * {@link #HEARTBEAT_TIMEOUT_MILLIS}), the call fails at once naming the address, instead of waiting for
 * the timeout; a slow env step on a live server is waited for up to the timeout. A killed server is
 * always noticed at once (its kernel closes the connection); a stopped one by JeroMQ 0.6's heartbeat
 * timer only now and then, so with a server that announces {@code ping-while-busy} (the Java server
 * does) a call that has waited {@link #PROBE_AFTER_MILLIS} also sends a Ping every
 * {@link #PROBE_EVERY_MILLIS} on a second socket, and fails once none has been answered for
 * {@link #PROBE_TIMEOUT_MILLIS}: a stopped or hung server fails the call within about 2 s, while a live
 * server's slow step is waited for. After a lost link, later
 * calls wait at most {@link #RECONNECT_WINDOW_MILLIS} for the server to answer again (a restarted server
 * is picked up) before they fail.
 *
 * <p>Not thread-safe: one caller at a time, like the env that owns it.
 */
final class Connection implements AutoCloseable {

    /** How often the client's socket sends a heartbeat. */
    static final int HEARTBEAT_IVL_MILLIS = 500;
    /** How long without any traffic from the server before the link counts as broken. */
    static final int HEARTBEAT_TIMEOUT_MILLIS = 1500;
    /** After a broken link, how long a call waits for the server to answer again before it fails. */
    static final long RECONNECT_WINDOW_MILLIS = 1500;
    /** How often a waiting call looks at the connection events (and at the probe's answers). */
    private static final int SLICE_MILLIS = 200;
    /** After how long a waiting call starts probing a {@code ping-while-busy} server. */
    static final long PROBE_AFTER_MILLIS = 250;
    /** How often a probing call sends a Ping. */
    static final long PROBE_EVERY_MILLIS = 250;
    /** How long a probe socket may go unanswered before a fresh one replaces it. */
    static final long PROBE_REOPEN_MILLIS = 500;
    /** How long a probing call goes without any answer to its Pings before it fails. */
    static final long PROBE_TIMEOUT_MILLIS = 1500;

    private static final java.util.concurrent.atomic.AtomicLong MONITORS = new java.util.concurrent.atomic.AtomicLong();

    private final String address;
    private final ClientOptions options;
    private final ZMQ.Curve.KeyPair clientKeys;
    private ZMQ.Socket socket;
    private ZMQ.Socket monitor;
    /** When the probe socket was opened (nanoTime). */
    private long probeOpened;
    /** The second socket for Pings while a call waits, opened on first need; null otherwise. */
    private ZMQ.Socket probe;
    private boolean probes;
    private boolean lost;
    private long nextId;
    private int receiveTimeout = -1;
    private boolean closed;
    private final boolean shmWanted;
    private ShmClient shm;

    Connection(String address, ClientOptions options) {
        this.address = address;
        this.options = options;
        this.clientKeys = options.curveServerKey() == null ? null : ZMQ.Curve.generateKeyPair();
        this.shmWanted = options.sharedMemory() && isSameHost(address);
    }

    /** @return whether the address can only be this machine (loopback tcp, ipc, inproc): the shared-memory path may apply */
    static boolean isSameHost(String address) {
        String a = address.toLowerCase(java.util.Locale.ROOT);
        return a.startsWith("tcp://127.") || a.startsWith("tcp://localhost:") || a.startsWith("tcp://[::1]:")
                || a.startsWith("ipc://") || a.startsWith("inproc://");
    }

    /** @return the shared-memory file this connection uses now, or null when it goes over ZeroMQ */
    String sharedMemoryPath() {
        return shm == null ? null : shm.toString();
    }

    String address() {
        return address;
    }

    /** Whether calls that wait long probe the server with Pings on a second socket (it announced {@code ping-while-busy}). */
    void probeWhileWaiting(boolean on) {
        probes = on;
    }

    /**
     * Sends one request and waits for its reply.
     *
     * @param request the request, without an id (one is set)
     * @param timeoutMillis how long to wait
     * @return the reply with the request's id
     * @throws GymException naming the address if no reply comes in time or the reply is not a Response
     */
    Response call(Request.Builder request, long timeoutMillis) {
        if (closed) {
            throw new GymException("the connection to " + address + " is closed");
        }
        if (request.getBodyCase() == Request.BodyCase.HELLO) {
            if (shm != null) {
                shm.close(); // a new handshake ends the server's session, and its shared-memory file with it
                shm = null;
            }
            if (shmWanted && !request.getHello().getCapabilitiesList().contains(Protocol.CAP_SHM)) {
                request.getHelloBuilder().addCapabilities(Protocol.CAP_SHM);
            }
        } else if (shm != null && !closed) {
            Request r = request.setId(++nextId).build();
            if (shm.fits(r.getSerializedSize())) {
                try {
                    return shm.call(r, timeoutMillis);
                } catch (RuntimeException e) {
                    drop(); // a late reply must never be read as the next one's: start afresh over ZeroMQ
                    lost = true;
                    throw e;
                }
            }
        }
        Response reply = callZmq(request, timeoutMillis);
        if (reply.hasHello() && reply.getHello().hasShm() && shmWanted) {
            attachShm(reply.getHello().getShm(), timeoutMillis);
        }
        return reply;
    }

    /**
     * Maps the offered file and proves it with the file's nonce; on any failure the connection stays on
     * ZeroMQ (the server then serves this client there as before).
     */
    private void attachShm(dev.gym4j.bridge.proto.ShmOffer offer, long timeoutMillis) {
        ShmClient client;
        try {
            client = ShmClient.open(offer, address);
        } catch (RuntimeException e) {
            System.getLogger(Connection.class.getName()).log(System.Logger.Level.DEBUG, () -> "shared memory not used: " + e.getMessage());
            return;
        }
        Response r = callZmq(Request.newBuilder().setShmAttach(dev.gym4j.bridge.proto.ShmAttach.newBuilder()
                .setNonce(com.google.protobuf.ByteString.copyFrom(client.nonce())).setPid(ProcessHandle.current().pid())), timeoutMillis);
        if (r.hasShmAttached()) {
            shm = client;
        } else {
            client.close();
        }
    }

    private Response callZmq(Request.Builder request, long timeoutMillis) {
        long start = System.nanoTime();
        long deadline = start + timeoutMillis * 1_000_000L;
        if (socket != null && disconnected()) {
            drop(); // the server went away since the last call: find out now whether it is back
            lost = true;
        }
        if (socket == null) {
            long window = lost ? Math.min(timeoutMillis, RECONNECT_WINDOW_MILLIS) : timeoutMillis;
            openVerified(start + window * 1_000_000L, window, request.getBodyCase());
        }
        long id = ++nextId;
        byte[] bytes = request.setId(id).build().toByteArray();
        if (bytes.length > options.maxMessageSize()) {
            throw new GymException("request of " + bytes.length + " bytes exceeds the maximum message size "
                    + options.maxMessageSize() + " for " + address);
        }
        if (!socket.send(bytes, 0)) {
            drop();
            throw new GymException("cannot send to " + address);
        }
        long sent = System.nanoTime();
        long lastAnswer = 0;
        long lastPing = 0;
        while (true) {
            long now = System.nanoTime();
            if (probes && now - sent >= PROBE_AFTER_MILLIS * 1_000_000L) {
                if (lastAnswer == 0) {
                    lastAnswer = now; // probing starts: the server has PROBE_TIMEOUT_MILLIS from now to answer
                }
                if (probeAnswered()) {
                    lastAnswer = now;
                }
                if (now - lastAnswer > PROBE_TIMEOUT_MILLIS * 1_000_000L) {
                    drop();
                    lost = true;
                    throw new GymException("the server at " + address + " stopped answering while " + request.getBodyCase()
                            + " was pending: no answer to its pings for " + PROBE_TIMEOUT_MILLIS + " ms (it is stopped or hung)");
                }
                if (probe != null && now - lastAnswer > PROBE_REOPEN_MILLIS * 1_000_000L
                        && now - probeOpened > PROBE_REOPEN_MILLIS * 1_000_000L) {
                    // The first messages on a fresh JeroMQ connection are now and then never delivered (see
                    // openVerified): a probe socket unanswered for a while is replaced before the server is blamed.
                    probe.close();
                    probe = null;
                }
                if (now - lastPing >= PROBE_EVERY_MILLIS * 1_000_000L) {
                    ping();
                    lastPing = now;
                }
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                drop();
                throw new GymException("no reply from " + address + " within " + timeoutMillis + " ms to "
                        + request.getBodyCase() + " (" + noReplyHint() + ")");
            }
            setReceiveTimeout((int) Math.min(SLICE_MILLIS, left));
            byte[] reply = socket.recv(0);
            if (reply == null) {
                if (disconnected()) {
                    drop();
                    lost = true;
                    throw new GymException("lost the connection to " + address + " while waiting for the reply to "
                            + request.getBodyCase() + " (the server died, or stopped answering heartbeats for "
                            + HEARTBEAT_TIMEOUT_MILLIS + " ms)");
                }
                continue;
            }
            Response response;
            try {
                response = Response.parseFrom(reply);
            } catch (InvalidProtocolBufferException e) {
                drop();
                throw new ProtocolException("the reply from " + address + " is not a gym4j.bridge.v1.Response: " + e.getMessage());
            }
            if (response.getId() == id || (response.getId() == 0 && response.hasError())) {
                return response;
            }
            // A late reply to an earlier call that timed out: ignore it.
        }
    }

    /**
     * Opens a socket and checks it with a Ping before the real request goes out: the first message on a
     * fresh JeroMQ socket is now and then lost, and a Ping is safe to repeat where a step is not. Each
     * silent attempt throws its socket away and tries a new one, with a doubling wait, until the call's
     * deadline.
     */
    private void openVerified(long deadline, long timeoutMillis, Request.BodyCase what) {
        long attemptMillis = 250;
        while (true) {
            open();
            long id = ++nextId;
            socket.send(Request.newBuilder().setId(id).setPing(dev.gym4j.bridge.proto.Ping.getDefaultInstance()).build().toByteArray(), 0);
            long attemptEnd = Math.min(deadline, System.nanoTime() + attemptMillis * 1_000_000L);
            while (true) {
                long left = (attemptEnd - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    break;
                }
                setReceiveTimeout((int) Math.min(SLICE_MILLIS, left));
                byte[] reply = socket.recv(0);
                if (reply == null) {
                    disconnected(); // read the events; an unanswered ping is re-sent on a fresh socket
                    continue;
                }
                try {
                    Response r = Response.parseFrom(reply);
                    if (r.getId() == id || r.getId() == 0) {
                        lost = false;
                        return; // the server answers on this socket (a Pong, or an error from a server that knows no Ping)
                    }
                } catch (InvalidProtocolBufferException e) {
                    drop();
                    throw new ProtocolException("the reply from " + address + " is not a gym4j.bridge.v1.Response: " + e.getMessage());
                }
            }
            drop();
            if (System.nanoTime() >= deadline) {
                throw new GymException(lost
                        ? "lost the connection to " + address + " and it did not answer again within " + timeoutMillis
                                + " ms, before " + what + " (the server died or hung)"
                        : "no reply from " + address + " within " + timeoutMillis + " ms to " + what
                                + " (" + noReplyHint() + ")");
            }
            attemptMillis *= 2;
        }
    }

    /** @return whether the probe socket got any answer since the last look (reads them all) */
    private boolean probeAnswered() {
        if (probe == null) {
            return false;
        }
        boolean any = false;
        while (probe.recv(ZMQ.DONTWAIT) != null) {
            any = true;
        }
        return any;
    }

    /** Sends a Ping on the probe socket, opening it first if needed. */
    private void ping() {
        if (probe == null) {
            probeOpened = System.nanoTime();
            probe = SharedContext.get().createSocket(SocketType.DEALER);
            probe.setLinger(0);
            probe.setSendTimeOut(0);
            configure(probe);
            probe.connect(address);
        }
        probe.send(Request.newBuilder().setId(++nextId).setPing(dev.gym4j.bridge.proto.Ping.getDefaultInstance()).build().toByteArray(),
                ZMQ.DONTWAIT);
    }

    /** Sets the socket's receive timeout, skipping the option call when it would change little (it is on the hot path). */
    private void setReceiveTimeout(int millis) {
        // Never skipped on a fresh socket (-1 there means JeroMQ's default, an endless wait): a call with a few
        // milliseconds left would otherwise block forever on a lost reply.
        if (receiveTimeout < 0 || Math.abs(millis - receiveTimeout) > Math.max(5, millis / 20)) {
            socket.setReceiveTimeOut(millis);
            receiveTimeout = millis;
        }
    }

    private void configure(ZMQ.Socket s) {
        s.setMaxMsgSize(options.maxMessageSize());
        if (clientKeys != null) {
            s.setCurveServerKey(Curve.decodeKey(options.curveServerKey(), "server public key"));
            s.setCurvePublicKey(Curve.decodeKey(clientKeys.publicKey, "client public key"));
            s.setCurveSecretKey(Curve.decodeKey(clientKeys.secretKey, "client secret key"));
        }
    }

    private void open() {
        receiveTimeout = -1;
        socket = SharedContext.get().createSocket(SocketType.DEALER);
        socket.setLinger(0);
        configure(socket);
        socket.setHeartbeatIvl(HEARTBEAT_IVL_MILLIS);
        socket.setHeartbeatTimeout(HEARTBEAT_TIMEOUT_MILLIS);
        String events = "inproc://gym4j-client-events-" + MONITORS.incrementAndGet();
        socket.monitor(events, ZMQ.EVENT_DISCONNECTED);
        monitor = SharedContext.get().createSocket(SocketType.PAIR);
        monitor.connect(events);
        if (!socket.connect(address)) {
            drop();
            throw new GymException("cannot connect to " + address);
        }
    }

    /** @return whether the socket's link broke since the last look (reads the pending connection events) */
    private boolean disconnected() {
        boolean broke = false;
        ZEvent e;
        while ((e = ZEvent.recv(monitor, ZMQ.DONTWAIT)) != null) {
            broke |= e.getEvent() == ZMonitor.Event.DISCONNECTED;
        }
        return broke;
    }

    /** Throws the socket away; the next call opens a new one. */
    void drop() {
        if (probe != null) {
            probe.close();
            probe = null;
        }
        if (shm != null) {
            shm.close();
        }
        shm = null;
        if (socket != null) {
            socket.monitor(null, 0);
            monitor.close();
            socket.close();
            socket = null;
            monitor = null;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            drop();
            closed = true;
        }
    }

    /**
     * One ZeroMQ context for every bridge socket in the JVM, clients and servers alike: contexts own I/O
     * threads, sockets are cheap, and a server and client that share the I/O thread save a thread
     * wake-up per message. Never closed (its I/O thread is a daemon).
     */
    static final class SharedContext {
        private static ZContext context;

        private SharedContext() {
        }

        static synchronized ZContext get() {
            if (context == null) {
                context = new ZContext(1);
            }
            return context;
        }
    }


    /** @return why a server may not answer: with CURVE, a wrong server key looks exactly like no server */
    private String noReplyHint() {
        return clientKeys == null ? "is the server running?"
                : "is the server running, with CURVE, and is the server public key the one in its .pub file? "
                        + "A wrong key or a server without CURVE looks like no answer";
    }
}
