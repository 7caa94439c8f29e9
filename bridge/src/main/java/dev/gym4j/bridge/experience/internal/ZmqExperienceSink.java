package dev.gym4j.bridge.experience.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.gym4j.bridge.ExperienceCodec;
import dev.gym4j.bridge.experience.ExperienceException;
import dev.gym4j.bridge.experience.ExperienceSink;
import dev.gym4j.bridge.experience.Trajectory;
import dev.gym4j.bridge.proto.ExperienceMessage;
import dev.gym4j.bridge.proto.ExperienceReply;
import dev.gym4j.bridge.proto.WorkerHello;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A worker's end of the ZeroMQ experience transport: a DEALER connected to the trainer's ROUTER. It says
 * {@code WorkerHello}; the trainer answers {@code TrainerHello} with its session and a credit (how many
 * trajectories this worker may have outstanding). The sink keeps every trajectory until the trainer acknowledges
 * it, in a buffer of {@code send-buffer} trajectories ({@link #send} blocks when it is full: a slow trainer makes
 * the worker wait, nothing is dropped), sends only within the credit, repeats its hello once a second while it
 * waits for the trainer, and sends everything unacknowledged again when a hello comes back with a new session (the
 * trainer restarted). One I/O thread owns the socket.
 *
 * <p>Thread safety: as {@link ExperienceSink}.
 */
public final class ZmqExperienceSink implements ExperienceSink {

    private static final long HEARTBEAT_NANOS = 1_000_000_000L;

    private final String endpoint;
    private final String experiment;
    private final String workerId;
    private final int capacity;
    private final Object lock = new Object();
    private final TreeMap<Long, byte[]> unacked = new TreeMap<>();
    private final java.util.HashSet<Long> outstanding = new java.util.HashSet<>();
    private long cursor = Long.MIN_VALUE;
    private long session;
    private int credit;
    private long nextSequence = -1;
    private volatile boolean closing;
    private volatile RuntimeException failure;
    private final Thread io;

    /**
     * Connects (ZeroMQ connects in the background: the trainer may start later).
     *
     * @param uri {@code zmq://HOST:PORT}, option {@code send-buffer} (default 256)
     * @param experiment the experiment
     * @param workerId this worker's id
     */
    public ZmqExperienceSink(String uri, String experiment, String workerId) {
        if (workerId == null || workerId.isEmpty()) {
            throw new IllegalArgumentException("workerId must be non-empty");
        }
        Zmq.Address a = Zmq.parse(uri);
        this.endpoint = a.endpoint();
        this.experiment = experiment;
        this.workerId = workerId;
        this.capacity = (int) Math.max(1, a.option("send-buffer", 256));
        ZMQ.Socket socket = Zmq.context().createSocket(SocketType.DEALER);
        socket.setLinger(0);
        socket.setImmediate(true);
        socket.setSndHWM(Math.max(1000, capacity * 2));
        socket.setRcvHWM(10_000);
        socket.setReconnectIVL(100);
        socket.setReconnectIVLMax(1000);
        socket.setReceiveTimeOut(1);
        if (!socket.connect(endpoint)) {
            socket.close();
            throw new ExperienceException("cannot connect to the trainer at " + uri);
        }
        io = new Thread(() -> run(socket), "gym4j-zmq-sink-" + workerId);
        io.setDaemon(true);
        io.start();
    }

    @Override
    public void send(Trajectory t) throws InterruptedException {
        checkUsable();
        if (!t.experiment().equals(experiment) || !t.workerId().equals(workerId)) {
            throw new IllegalArgumentException("this sink sends experiment '" + experiment + "' worker '" + workerId
                    + "', got a trajectory of experiment '" + t.experiment() + "' worker '" + t.workerId() + "'");
        }
        if (nextSequence >= 0 && t.sequence() != nextSequence) {
            throw new IllegalArgumentException("worker '" + workerId + "' sent sequence " + t.sequence()
                    + ", expected " + nextSequence);
        }
        byte[] message = ExperienceCodec.encodeAsExperienceMessage(t);
        synchronized (lock) {
            while (unacked.size() >= capacity) {
                checkUsable();
                lock.wait(100);
            }
            checkUsable();
            unacked.put(t.sequence(), message);
        }
        nextSequence = t.sequence() + 1;
    }

    private void checkUsable() {
        RuntimeException f = failure;
        if (f != null) {
            throw new ExperienceException("the ZeroMQ experience sink of worker '" + workerId + "' to " + endpoint
                    + " has failed: " + f.getMessage(), f);
        }
        if (closing) {
            throw new ExperienceException("the ZeroMQ experience sink of worker '" + workerId + "' is closed");
        }
    }

    private void run(ZMQ.Socket socket) {
        byte[] hello = ExperienceMessage.newBuilder().setHello(WorkerHello.newBuilder()
                .setProtocolVersion(ExperienceCodec.PROTOCOL_VERSION).setExperiment(experiment).setWorkerId(workerId))
                .build().toByteArray();
        long lastHello = 0;
        long lastHeard = System.nanoTime();
        try {
            while (!closing || hasUnacked()) {
                long now = System.nanoTime();
                boolean waiting;
                synchronized (lock) {
                    waiting = session == 0 || !unacked.isEmpty();
                }
                if (waiting && now - lastHeard > HEARTBEAT_NANOS && now - lastHello > HEARTBEAT_NANOS
                        || lastHello == 0) {
                    socket.send(hello, ZMQ.DONTWAIT);
                    lastHello = now;
                }
                sendWithinCredit(socket);
                byte[] in = socket.recv();
                while (in != null) {
                    lastHeard = System.nanoTime();
                    handle(in);
                    in = socket.recv(ZMQ.DONTWAIT);
                }
                if (closing && System.nanoTime() - lastHeard > 10 * HEARTBEAT_NANOS) {
                    break; // closing, and the trainer is gone: give up on what it never acknowledged
                }
            }
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            }
        } finally {
            socket.close();
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    private boolean hasUnacked() {
        synchronized (lock) {
            return !unacked.isEmpty();
        }
    }

    private void sendWithinCredit(ZMQ.Socket socket) {
        synchronized (lock) {
            if (session == 0) {
                return;
            }
            while (outstanding.size() < credit) {
                Map.Entry<Long, byte[]> next = cursor == Long.MIN_VALUE ? unacked.firstEntry()
                        : unacked.higherEntry(cursor);
                if (next == null) {
                    return;
                }
                if (!socket.send(next.getValue(), ZMQ.DONTWAIT)) {
                    return; // not connected, or the pipe is full: try again on the next round
                }
                cursor = next.getKey();
                outstanding.add(next.getKey());
            }
        }
    }

    private void handle(byte[] in) {
        ExperienceReply reply;
        try {
            reply = ExperienceReply.parseFrom(in);
        } catch (InvalidProtocolBufferException e) {
            System.err.println("gym4j: worker '" + workerId + "' ignored a message from " + endpoint
                    + " that is not an ExperienceReply: " + e.getMessage());
            return;
        }
        synchronized (lock) {
            switch (reply.getBodyCase()) {
                case HELLO -> {
                    if (reply.getHello().getProtocolVersion() != ExperienceCodec.PROTOCOL_VERSION) {
                        failure = new ExperienceException("the trainer at " + endpoint + " speaks protocol version "
                                + reply.getHello().getProtocolVersion() + ", this worker "
                                + ExperienceCodec.PROTOCOL_VERSION);
                        return;
                    }
                    credit = Math.max(1, reply.getHello().getCredit());
                    if (reply.getHello().getSession() != session) {
                        // A new trainer (or the first): it has none of ours, send everything unacknowledged again.
                        session = reply.getHello().getSession();
                        outstanding.clear();
                        cursor = Long.MIN_VALUE;
                    }
                }
                case ACK -> {
                    for (long s : reply.getAck().getSequencesList()) {
                        unacked.remove(s);
                        outstanding.remove(s);
                    }
                    lock.notifyAll();
                }
                case ERROR -> failure = new ExperienceException("the trainer at " + endpoint + " refused worker '"
                        + workerId + "': " + reply.getError().getMessage());
                default -> { }
            }
            lock.notifyAll();
        }
    }

    @Override
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!unacked.isEmpty()) {
                checkUsable();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, Math.min(100, left / 1_000_000)));
            }
            return true;
        }
    }

    @Override
    public int unacknowledged() {
        synchronized (lock) {
            return unacked.size();
        }
    }

    /** Waits up to 10 s for the trainer to acknowledge what is held, then disconnects. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        try {
            flush(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExperienceException ignored) {
            // failed already
        }
        synchronized (lock) {
            unacked.clear();
            closing = true;
        }
        try {
            io.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
