package dev.gym4j.bridge.experience.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.gym4j.bridge.ExperienceCodec;
import dev.gym4j.bridge.experience.ExperienceException;
import dev.gym4j.bridge.experience.PolicyStore;
import dev.gym4j.bridge.experience.PolicyVersion;
import dev.gym4j.bridge.proto.PolicyFetch;
import dev.gym4j.bridge.proto.PolicyMinimum;
import dev.gym4j.bridge.proto.PolicyStoreReply;
import dev.gym4j.bridge.proto.PolicyStoreRequest;
import dev.gym4j.bridge.proto.PolicyWatch;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A worker's end of the ZeroMQ policy store: a DEALER connected to a {@link ZmqPolicyServer} (which may start
 * later, stop and start again: ZeroMQ reconnects). For every experiment it is asked about it watches the server
 * (once a second), so the server pushes each new version number and minimum; {@link #minimumVersion} answers from
 * what was last heard, and {@link #awaitNewer} fetches the model once a newer number is known. Requests that get no
 * answer within a second are sent again until {@code timeout-ms} (default 5000) has passed.
 *
 * <p>Thread-safe: one I/O thread owns the socket; callers wait for its replies.
 */
public final class ZmqPolicyClient implements PolicyStore {

    private static final long WATCH_NANOS = 1_000_000_000L;
    private static final long RETRY_NANOS = 1_000_000_000L;
    private static final long FIRST_CONTACT_MILLIS = 500;

    /** What was last heard about an experiment. */
    private static final class Known {
        long latest;
        long minimum;
        boolean heard;
        long lastWatch;
        boolean waitedForFirstContact;
    }

    /** A request waiting for its reply. */
    private static final class Call {
        final PolicyStoreRequest request;
        PolicyStoreReply reply;
        long sentAt;
        boolean sent;

        Call(PolicyStoreRequest request) {
            this.request = request;
        }
    }

    private final String endpoint;
    private final long timeoutMillis;
    private final Object lock = new Object();
    private final Map<String, Known> known = new HashMap<>();
    private final Map<Long, Call> calls = new HashMap<>();
    private long nextRequestId = 1;
    private volatile boolean closed;
    private final Thread io;

    /**
     * Connects (in the background: the server may start later).
     *
     * @param uri {@code zmq://HOST:PORT}; option {@code timeout-ms} (default 5000): how long a request may go
     *     unanswered before it fails
     * @throws ExperienceException if the address is malformed
     */
    public ZmqPolicyClient(String uri) {
        Zmq.Address a = Zmq.parse(uri);
        this.endpoint = a.endpoint();
        this.timeoutMillis = Math.max(1, a.option("timeout-ms", 5_000));
        ZMQ.Socket socket = Zmq.context().createSocket(SocketType.DEALER);
        socket.setLinger(0);
        socket.setImmediate(true);
        socket.setReconnectIVL(100);
        socket.setReconnectIVLMax(1000);
        socket.setReceiveTimeOut(10);
        if (!socket.connect(endpoint)) {
            socket.close();
            throw new ExperienceException("cannot connect to the policy store at " + uri);
        }
        io = new Thread(() -> run(socket), "gym4j-zmq-policy-client");
        io.setDaemon(true);
        io.start();
    }

    // ------------------------------------------------------------------------------------------------ calls

    private Known watch(String experiment) {
        if (experiment == null || experiment.isEmpty()) {
            throw new IllegalArgumentException("the experiment must be non-empty");
        }
        return known.computeIfAbsent(experiment, k -> new Known());
    }

    /**
     * Waits once per experiment, up to half a second, for the server's first word, so that a worker that starts
     * while the server is up acts with the latest version from its first step.
     */
    private Known watchAndMeet(String experiment) throws InterruptedException {
        synchronized (lock) {
            Known k = watch(experiment);
            if (!k.waitedForFirstContact) {
                k.waitedForFirstContact = true;
                long deadline = System.nanoTime() + FIRST_CONTACT_MILLIS * 1_000_000L;
                while (!k.heard && !closed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    lock.wait(Math.max(1, left / 1_000_000));
                }
            }
            return k;
        }
    }

    private PolicyStoreReply call(String experiment, PolicyStoreRequest.Builder body, long timeoutMillis)
            throws InterruptedException {
        Call c;
        synchronized (lock) {
            checkOpen();
            watch(experiment);
            long id = nextRequestId++;
            c = new Call(body.setProtocolVersion(ExperienceCodec.PROTOCOL_VERSION).setExperiment(experiment)
                    .setRequestId(id).build());
            calls.put(id, c);
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        synchronized (lock) {
            try {
                while (c.reply == null) {
                    checkOpen();
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new ExperienceException("the policy store at " + endpoint + " did not answer within "
                                + timeoutMillis + " ms (is the publisher running, and bound to that address?)");
                    }
                    lock.wait(Math.max(1, Math.min(100, left / 1_000_000)));
                }
            } finally {
                calls.remove(c.request.getRequestId());
            }
        }
        if (c.reply.hasError()) {
            throw new ExperienceException("the policy store at " + endpoint + " refused: "
                    + c.reply.getError().getMessage());
        }
        return c.reply;
    }

    private void checkOpen() {
        if (closed) {
            throw new ExperienceException("the policy store client of " + endpoint + " is closed");
        }
    }

    @Override
    public void publish(PolicyVersion policy) {
        try {
            byte[] bytes = ExperienceCodec.encode(policy);
            call(policy.experiment(), PolicyStoreRequest.newBuilder()
                    .setPublish(dev.gym4j.bridge.proto.PolicyVersion.parseFrom(bytes)), timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExperienceException("interrupted while publishing to the policy store at " + endpoint);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public Optional<PolicyVersion> latest(String experiment) {
        try {
            return fetch(experiment, 0, timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExperienceException("interrupted while asking the policy store at " + endpoint);
        }
    }

    private Optional<PolicyVersion> fetch(String experiment, long after, long timeoutMillis)
            throws InterruptedException {
        PolicyStoreReply r = call(experiment, PolicyStoreRequest.newBuilder()
                .setFetch(PolicyFetch.newBuilder().setAfterVersion(after)), timeoutMillis);
        if (!r.hasPolicy()) {
            return Optional.empty();
        }
        PolicyVersion p = ExperienceCodec.decodePolicyVersion(r.getPolicy().toByteArray());
        if (!p.experiment().equals(experiment)) {
            throw new ExperienceException("the policy store at " + endpoint + " answered a request for experiment '"
                    + experiment + "' with a policy of experiment '" + p.experiment() + "'");
        }
        return Optional.of(p);
    }

    /**
     * Waits until the server says it holds a version newer than {@code afterVersion}, then fetches it. With a
     * zero timeout it still fetches a version already known to be newer (waiting for that reply).
     */
    @Override
    public Optional<PolicyVersion> awaitNewer(String experiment, long afterVersion, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Known k = watchAndMeet(experiment);
        while (true) {
            boolean newer;
            synchronized (lock) {
                while (!(newer = k.heard && k.latest > afterVersion)) {
                    checkOpen();
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    lock.wait(Math.max(1, Math.min(100, left / 1_000_000)));
                }
            }
            if (!newer) {
                return Optional.empty();
            }
            long left = Math.max(timeoutMillis, (deadline - System.nanoTime()) / 1_000_000);
            Optional<PolicyVersion> p = fetch(experiment, afterVersion, left);
            if (p.isPresent()) {
                return p;
            }
            // the server went back (a restarted publisher that has not published yet): wait for news
        }
    }

    @Override
    public void setMinimumVersion(String experiment, long version) {
        try {
            call(experiment, PolicyStoreRequest.newBuilder().setSetMinimum(PolicyMinimum.newBuilder()
                    .setVersion(version)), timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExperienceException("interrupted while setting the minimum at the policy store " + endpoint);
        }
    }

    /** What the server last said (0 before it was heard, waiting up to half a second for it the first time). */
    @Override
    public long minimumVersion(String experiment) {
        try {
            Known k = watchAndMeet(experiment);
            synchronized (lock) {
                return k.minimum;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (lock) {
                return watch(experiment).minimum;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ I/O

    private void run(ZMQ.Socket socket) {
        try {
            while (!closed) {
                sendDue(socket);
                byte[] in = socket.recv();
                while (in != null) {
                    handle(in);
                    in = socket.recv(ZMQ.DONTWAIT);
                }
            }
        } catch (RuntimeException e) {
            if (!closed) {
                System.err.println("gym4j: the policy store client of " + endpoint + " stopped: " + e);
            }
        } finally {
            socket.close();
            closed = true;
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    private void sendDue(ZMQ.Socket socket) {
        long now = System.nanoTime();
        java.util.List<PolicyStoreRequest> due = new java.util.ArrayList<>();
        synchronized (lock) {
            for (Map.Entry<String, Known> e : known.entrySet()) {
                Known k = e.getValue();
                if (k.lastWatch == 0 || now - k.lastWatch > WATCH_NANOS) {
                    due.add(PolicyStoreRequest.newBuilder().setProtocolVersion(ExperienceCodec.PROTOCOL_VERSION)
                            .setExperiment(e.getKey()).setRequestId(0).setWatch(PolicyWatch.getDefaultInstance())
                            .build());
                    k.lastWatch = now;
                }
            }
            for (Call c : calls.values()) {
                if (c.reply == null && (!c.sent || now - c.sentAt > RETRY_NANOS)) {
                    due.add(c.request);
                    c.sent = true;
                    c.sentAt = now;
                }
            }
        }
        for (PolicyStoreRequest r : due) {
            // Not connected (ZeroMQ reconnects meanwhile): a watch goes again in a second, a call is retried.
            socket.send(r.toByteArray(), ZMQ.DONTWAIT);
        }
    }

    private void handle(byte[] in) {
        PolicyStoreReply reply;
        try {
            reply = PolicyStoreReply.parseFrom(in);
        } catch (InvalidProtocolBufferException e) {
            System.err.println("gym4j: ignored a message from the policy store at " + endpoint
                    + " that is not a PolicyStoreReply: " + e.getMessage());
            return;
        }
        synchronized (lock) {
            if (!reply.getExperiment().isEmpty()) {
                Known k = known.get(reply.getExperiment());
                if (k != null) {
                    k.latest = reply.getLatestVersion();
                    k.minimum = reply.getMinimumVersion();
                    k.heard = true;
                }
            }
            Call c = reply.getRequestId() == 0 ? null : calls.get(reply.getRequestId());
            if (c != null) {
                c.reply = reply;
            } else if (reply.hasError()) {
                System.err.println("gym4j: the policy store at " + endpoint + " says: " + reply.getError().getMessage());
            }
            lock.notifyAll();
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
