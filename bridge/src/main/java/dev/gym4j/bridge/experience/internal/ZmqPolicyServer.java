package dev.gym4j.bridge.experience.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.gym4j.bridge.ExperienceCodec;
import dev.gym4j.bridge.experience.ExperienceException;
import dev.gym4j.bridge.experience.PolicyStore;
import dev.gym4j.bridge.experience.PolicyVersion;
import dev.gym4j.bridge.proto.ErrorCode;
import dev.gym4j.bridge.proto.PolicyStoreReply;
import dev.gym4j.bridge.proto.PolicyStoreRequest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The publisher's end of the ZeroMQ policy store: a ROUTER bound to the address (loopback unless told otherwise)
 * that holds the latest version and the minimum of each experiment in memory and serves them to
 * {@link ZmqPolicyClient}s. Every request is answered with the experiment's state (latest number, minimum); a
 * {@code fetch} also carries the latest version when it is newer than the client's; a {@code publish} or
 * {@code set_minimum} may come from a client too. Whenever a version is published or the minimum raised, the state
 * is pushed to every client that watched the experiment in the last {@value #WATCH_TTL_SECONDS} s. A request that
 * does not parse, of another protocol version, or that is refused (a version not newer, a bad checksum) gets an
 * {@code Error} and is reported on standard error; the server keeps serving. Nothing is persisted: a restarted
 * publisher starts empty and must number its versions on from where it was (clients never go back to an older one).
 *
 * <p>Thread-safe: one I/O thread owns the socket; the store calls of the publishing process are local.
 */
public final class ZmqPolicyServer implements PolicyStore {

    static final long WATCH_TTL_SECONDS = 30;

    private static final class Experiment {
        PolicyVersion latest;
        dev.gym4j.bridge.proto.PolicyVersion latestWire;
        long minimum;
        final Map<ByteBuffer, Long> watchers = new HashMap<>(); // identity -> when last heard (nanoTime)
    }

    private final Object lock = new Object();
    private final Map<String, Experiment> experiments = new HashMap<>();
    private final Set<String> toNotify = new LinkedHashSet<>();
    private final String endpoint;
    private final Thread io;
    private volatile boolean closed;
    private long rejected;

    /**
     * Binds.
     *
     * @param uri {@code zmq://HOST:PORT} ({@code zmq://127.0.0.1:0} picks a free port, see {@link #uri()})
     * @throws ExperienceException if the address cannot be bound
     */
    public ZmqPolicyServer(String uri) {
        Zmq.Address a = Zmq.parse(uri);
        ZMQ.Socket socket = Zmq.context().createSocket(SocketType.ROUTER);
        socket.setLinger(0);
        socket.setRcvHWM(10_000);
        socket.setSndHWM(10_000);
        socket.setReceiveTimeOut(20);
        Zmq.bind(socket, a.endpoint(), "the policy store");
        this.endpoint = socket.getLastEndpoint();
        io = new Thread(() -> run(socket), "gym4j-zmq-policy-server");
        io.setDaemon(true);
        io.start();
    }

    /** @return the bound address as a {@code zmq://HOST:PORT} URI for workers */
    public String uri() {
        return "zmq://" + endpoint.substring("tcp://".length());
    }

    /** @return how many requests were refused so far */
    public long rejected() {
        synchronized (lock) {
            return rejected;
        }
    }

    private Experiment experiment(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("the experiment must be non-empty");
        }
        return experiments.computeIfAbsent(name, k -> new Experiment());
    }

    @Override
    public void publish(PolicyVersion policy) {
        synchronized (lock) {
            Experiment e = experiment(policy.experiment());
            long current = e.latest == null ? 0 : e.latest.version();
            if (policy.version() <= current) {
                throw new ExperienceException("policy version " + policy.version() + " of experiment '"
                        + policy.experiment() + "' is not newer than the latest, " + current);
            }
            e.latest = policy;
            e.latestWire = null;
            toNotify.add(policy.experiment());
            lock.notifyAll();
        }
    }

    @Override
    public Optional<PolicyVersion> latest(String experiment) {
        synchronized (lock) {
            return Optional.ofNullable(experiment(experiment).latest);
        }
    }

    @Override
    public Optional<PolicyVersion> awaitNewer(String experiment, long afterVersion, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            Experiment e = experiment(experiment);
            while (e.latest == null || e.latest.version() <= afterVersion) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return Optional.empty();
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return Optional.of(e.latest);
        }
    }

    @Override
    public void setMinimumVersion(String experiment, long version) {
        synchronized (lock) {
            Experiment e = experiment(experiment);
            if (version > e.minimum) {
                e.minimum = version;
                toNotify.add(experiment);
            }
        }
    }

    @Override
    public long minimumVersion(String experiment) {
        synchronized (lock) {
            return experiment(experiment).minimum;
        }
    }

    // ------------------------------------------------------------------------------------------------ I/O

    private void run(ZMQ.Socket socket) {
        try {
            while (!closed) {
                byte[] identity = socket.recv();
                while (identity != null) {
                    byte[] payload = identity;
                    while (socket.hasReceiveMore()) {
                        payload = socket.recv();
                    }
                    if (payload != identity) {
                        handle(socket, identity, payload);
                    }
                    identity = socket.recv(ZMQ.DONTWAIT);
                }
                pushNotices(socket);
            }
        } catch (RuntimeException e) {
            if (!closed) {
                System.err.println("gym4j: the policy store on " + endpoint + " stopped serving: " + e);
            }
        } finally {
            try {
                socket.unbind(endpoint); // frees the port at once for a publisher that starts again
            } catch (RuntimeException ignored) {
                // unbound already
            }
            socket.close();
        }
    }

    private void handle(ZMQ.Socket socket, byte[] identity, byte[] payload) {
        PolicyStoreRequest request;
        try {
            request = PolicyStoreRequest.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            refuse(socket, identity, null, ErrorCode.ERROR_CODE_BAD_MESSAGE, "not a PolicyStoreRequest ("
                    + payload.length + " bytes): " + e.getMessage());
            return;
        }
        if (request.getProtocolVersion() != ExperienceCodec.PROTOCOL_VERSION) {
            refuse(socket, identity, request, ErrorCode.ERROR_CODE_UNSUPPORTED_VERSION, "a policy store request of "
                    + "protocol version " + request.getProtocolVersion() + "; this store speaks version "
                    + ExperienceCodec.PROTOCOL_VERSION);
            return;
        }
        if (request.getExperiment().isEmpty()) {
            refuse(socket, identity, request, ErrorCode.ERROR_CODE_INVALID_ARGUMENT, "a policy store request without "
                    + "an experiment");
            return;
        }
        String exp = request.getExperiment();
        PolicyStoreReply.Builder reply;
        synchronized (lock) {
            Experiment e = experiment(exp);
            switch (request.getBodyCase()) {
                case WATCH -> e.watchers.put(ByteBuffer.wrap(identity), System.nanoTime());
                case FETCH -> {
                    e.watchers.put(ByteBuffer.wrap(identity), System.nanoTime());
                    reply = state(exp, e, request.getRequestId());
                    if (e.latest != null && e.latest.version() > request.getFetch().getAfterVersion()) {
                        if (e.latestWire == null) {
                            e.latestWire = wire(e.latest);
                        }
                        reply.setPolicy(e.latestWire);
                    }
                    send(socket, identity, reply.build());
                    return;
                }
                case PUBLISH -> {
                    String refusal = publishFromClient(exp, request.getPublish());
                    if (refusal != null) {
                        refuse(socket, identity, request, ErrorCode.ERROR_CODE_INVALID_ARGUMENT, refusal);
                        return;
                    }
                }
                case SET_MINIMUM -> setMinimumVersion(exp, request.getSetMinimum().getVersion());
                default -> {
                    refuse(socket, identity, request, ErrorCode.ERROR_CODE_BAD_MESSAGE, "a PolicyStoreRequest "
                            + "without a body");
                    return;
                }
            }
            reply = state(exp, e, request.getRequestId());
        }
        send(socket, identity, reply.build());
    }

    /** @return why the version is refused, or null once it is published */
    private String publishFromClient(String exp, dev.gym4j.bridge.proto.PolicyVersion m) {
        try {
            PolicyVersion p = ExperienceCodec.decodePolicyVersion(m.toByteArray());
            if (!p.experiment().equals(exp)) {
                return "a request of experiment '" + exp + "' publishes a policy of experiment '" + p.experiment() + "'";
            }
            publish(p);
            return null;
        } catch (ExperienceException | IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static dev.gym4j.bridge.proto.PolicyVersion wire(PolicyVersion p) {
        try {
            return dev.gym4j.bridge.proto.PolicyVersion.parseFrom(ExperienceCodec.encode(p));
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("a PolicyVersion gym4j encoded does not parse", e);
        }
    }

    private static PolicyStoreReply.Builder state(String exp, Experiment e, long requestId) {
        return PolicyStoreReply.newBuilder().setRequestId(requestId).setExperiment(exp)
                .setLatestVersion(e.latest == null ? 0 : e.latest.version()).setMinimumVersion(e.minimum);
    }

    private void refuse(ZMQ.Socket socket, byte[] identity, PolicyStoreRequest request, ErrorCode code,
            String message) {
        PolicyStoreReply.Builder reply;
        synchronized (lock) {
            rejected++;
            String exp = request == null ? "" : request.getExperiment();
            reply = exp.isEmpty() ? PolicyStoreReply.newBuilder() : state(exp, experiment(exp), 0);
        }
        System.err.println("gym4j: the policy store on " + endpoint + " refused a request: " + message);
        reply.setRequestId(request == null ? 0 : request.getRequestId())
                .setError(dev.gym4j.bridge.proto.Error.newBuilder().setCode(code).setMessage(message));
        send(socket, identity, reply.build());
    }

    private void pushNotices(ZMQ.Socket socket) {
        java.util.List<Map.Entry<byte[], PolicyStoreReply>> out = new java.util.ArrayList<>();
        synchronized (lock) {
            if (toNotify.isEmpty()) {
                return;
            }
            long stale = System.nanoTime() - WATCH_TTL_SECONDS * 1_000_000_000L;
            for (String exp : toNotify) {
                Experiment e = experiment(exp);
                PolicyStoreReply notice = state(exp, e, 0).build();
                for (Iterator<Map.Entry<ByteBuffer, Long>> it = e.watchers.entrySet().iterator(); it.hasNext(); ) {
                    Map.Entry<ByteBuffer, Long> w = it.next();
                    if (w.getValue() - stale < 0) {
                        it.remove(); // not heard from for a while: gone
                    } else {
                        out.add(Map.entry(w.getKey().array(), notice));
                    }
                }
            }
            toNotify.clear();
        }
        for (Map.Entry<byte[], PolicyStoreReply> n : out) {
            send(socket, n.getKey(), n.getValue());
        }
    }

    private static void send(ZMQ.Socket socket, byte[] identity, PolicyStoreReply reply) {
        // DONTWAIT: a client that stopped reading must not block the store; it asks again.
        if (socket.send(identity, ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
            socket.send(reply.toByteArray(), ZMQ.DONTWAIT);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        try {
            io.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
