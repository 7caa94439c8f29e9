package dev.gym4j.bridge.experience.internal;

// gym4j:unseeded-ok: the session id tells trainer processes apart; it never touches a result.
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.gym4j.bridge.ExperienceCodec;
import dev.gym4j.bridge.experience.ExperienceException;
import dev.gym4j.bridge.experience.ExperienceSource;
import dev.gym4j.bridge.experience.Trajectory;
import dev.gym4j.bridge.proto.ErrorCode;
import dev.gym4j.bridge.proto.ExperienceAck;
import dev.gym4j.bridge.proto.ExperienceMessage;
import dev.gym4j.bridge.proto.ExperienceReply;
import dev.gym4j.bridge.proto.TrainerHello;
import dev.gym4j.bridge.proto.WorkerHello;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A trainer's end of the ZeroMQ experience transport: a ROUTER bound to the address (loopback unless told
 * otherwise). It answers each {@code WorkerHello} with a {@code TrainerHello} (a random session per process and the
 * credit {@code window}), returns each trajectory once (de-duplicated by (worker, sequence); duplicates are
 * acknowledged at once), and sends {@link #acknowledge}d sequences back to their worker (in batches while more
 * trajectories are buffered, at once when the consumer has caught up).
 * A message that does not parse, of another protocol version or of another experiment is answered with an
 * {@code Error} and reported on standard error; the source keeps serving. All socket work happens in the
 * consuming thread.
 *
 * <p>Thread safety: as {@link ExperienceSource}.
 */
public final class ZmqExperienceSource implements ExperienceSource {

    private final String endpoint;
    private final String experiment;
    private final int window;
    private final long session;
    private final ZMQ.Socket socket;
    private final ArrayDeque<Trajectory> buffer = new ArrayDeque<>();
    private final Dedup dedup = new Dedup();
    private final Map<String, byte[]> identities = new HashMap<>();
    private final Map<String, List<Long>> pendingAcks = new HashMap<>();
    private final Map<Trajectory.Key, Boolean> unacked = new HashMap<>();
    private long rejected;
    private long duplicates;
    private boolean closed;

    /**
     * Binds.
     *
     * @param uri {@code zmq://HOST:PORT} ({@code zmq://127.0.0.1:0} picks a free port, see {@link #endpoint()});
     *     option {@code window} (default 256)
     * @param experiment the experiment
     * @throws ExperienceException if the address cannot be bound
     */
    public ZmqExperienceSource(String uri, String experiment) {
        Zmq.Address a = Zmq.parse(uri);
        this.experiment = experiment;
        this.window = (int) Math.max(1, Math.min(100_000, a.option("window", 256)));
        long s = 0;
        SecureRandom random = new SecureRandom();
        while (s == 0) {
            s = random.nextLong();
        }
        this.session = s;
        socket = Zmq.context().createSocket(SocketType.ROUTER);
        socket.setLinger(0);
        socket.setRcvHWM(100_000);
        socket.setSndHWM(100_000);
        Zmq.bind(socket, a.endpoint(), "the experience source");
        this.endpoint = socket.getLastEndpoint();
    }

    /** @return the bound address, {@code tcp://HOST:PORT} */
    public String endpoint() {
        return endpoint;
    }

    /** @return the bound address as a {@code zmq://HOST:PORT} URI for workers */
    public String uri() {
        return "zmq://" + endpoint.substring("tcp://".length());
    }

    /** @return how many messages were refused so far */
    public synchronized long rejected() {
        return rejected;
    }

    /** @return how many duplicate deliveries were dropped so far */
    public synchronized long duplicates() {
        return duplicates;
    }

    @Override
    public synchronized Optional<Trajectory> poll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (closed) {
                throw new ExperienceException("the ZeroMQ experience source on " + endpoint + " is closed");
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            flushAcks();
            Trajectory t = buffer.poll();
            if (t != null) {
                return Optional.of(t);
            }
            long left = deadline - System.nanoTime();
            int wait = (int) Math.max(0, Math.min(100, left / 1_000_000));
            socket.setReceiveTimeOut(wait);
            byte[] identity = socket.recv();
            if (identity == null) {
                if (left <= 0) {
                    return Optional.empty();
                }
                continue;
            }
            List<byte[]> frames = new ArrayList<>(2);
            while (socket.hasReceiveMore()) {
                frames.add(socket.recv());
            }
            handle(identity, frames);
            // take whatever else is already there without waiting
            while (buffer.size() < 1024) {
                byte[] id = socket.recv(ZMQ.DONTWAIT);
                if (id == null) {
                    break;
                }
                frames.clear();
                while (socket.hasReceiveMore()) {
                    frames.add(socket.recv());
                }
                handle(id, frames);
            }
        }
    }

    private void handle(byte[] identity, List<byte[]> frames) {
        byte[] payload = frames.isEmpty() ? new byte[0] : frames.get(frames.size() - 1);
        int offset = trajectoryOffset(payload);
        if (offset > 0) {
            Trajectory t;
            try {
                t = ExperienceCodec.decodeTrajectory(payload, offset, payload.length - offset);
            } catch (ExperienceException e) {
                refuse(identity, ErrorCode.ERROR_CODE_BAD_MESSAGE, e.getMessage());
                return;
            }
            if (!t.experiment().equals(experiment)) {
                refuse(identity, ErrorCode.ERROR_CODE_INVALID_ARGUMENT, "this trainer takes experiment '" + experiment
                        + "', not '" + t.experiment() + "'");
                return;
            }
            identities.put(t.workerId(), identity);
            if (!dedup.add(t.key())) {
                duplicates++;
                pendingAcks.computeIfAbsent(t.workerId(), k -> new ArrayList<>()).add(t.sequence());
                return;
            }
            unacked.put(t.key(), Boolean.TRUE);
            buffer.add(t);
            return;
        }
        ExperienceMessage m;
        try {
            m = ExperienceMessage.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            refuse(identity, ErrorCode.ERROR_CODE_BAD_MESSAGE, "not an ExperienceMessage (" + payload.length
                    + " bytes): " + e.getMessage());
            return;
        }
        switch (m.getBodyCase()) {
            case HELLO -> {
                WorkerHello h = m.getHello();
                if (h.getProtocolVersion() != ExperienceCodec.PROTOCOL_VERSION) {
                    refuse(identity, ErrorCode.ERROR_CODE_UNSUPPORTED_VERSION, "worker '" + h.getWorkerId()
                            + "' speaks protocol version " + h.getProtocolVersion() + "; this trainer speaks version "
                            + ExperienceCodec.PROTOCOL_VERSION);
                    return;
                }
                if (!h.getExperiment().equals(experiment)) {
                    refuse(identity, ErrorCode.ERROR_CODE_INVALID_ARGUMENT, "this trainer takes experiment '"
                            + experiment + "', not '" + h.getExperiment() + "'");
                    return;
                }
                identities.put(h.getWorkerId(), identity);
                reply(identity, ExperienceReply.newBuilder().setHello(TrainerHello.newBuilder()
                        .setProtocolVersion(ExperienceCodec.PROTOCOL_VERSION).setSession(session).setCredit(window))
                        .build());
            }
            case TRAJECTORY -> handle(identity, List.of(Zmq.trajectoryMessage(m.getTrajectory().toByteArray())));
            default -> refuse(identity, ErrorCode.ERROR_CODE_BAD_MESSAGE, "an ExperienceMessage without a body");
        }
    }

    /**
     * Where the trajectory starts if the payload is an ExperienceMessage holding only a trajectory (field 2, length
     * delimited, to the end), else 0.
     */
    private static int trajectoryOffset(byte[] payload) {
        if (payload.length < 2 || payload[0] != 0x12) {
            return 0;
        }
        try {
            CodedInputStream in = CodedInputStream.newInstance(payload);
            in.readTag();
            int length = in.readRawVarint32();
            int offset = in.getTotalBytesRead();
            return length < 0 || offset + length != payload.length ? 0 : offset;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private void refuse(byte[] identity, ErrorCode code, String message) {
        rejected++;
        System.err.println("gym4j: the experience source on " + endpoint + " refused a message: " + message);
        reply(identity, ExperienceReply.newBuilder().setError(dev.gym4j.bridge.proto.Error.newBuilder()
                .setCode(code).setMessage(message)).build());
    }

    private void reply(byte[] identity, ExperienceReply reply) {
        socket.send(identity, ZMQ.SNDMORE | ZMQ.DONTWAIT);
        socket.send(reply.toByteArray(), ZMQ.DONTWAIT);
    }

    private void flushAcks() {
        if (pendingAcks.isEmpty()) {
            return;
        }
        for (Map.Entry<String, List<Long>> e : pendingAcks.entrySet()) {
            byte[] identity = identities.get(e.getKey());
            if (identity != null) {
                reply(identity, ExperienceReply.newBuilder()
                        .setAck(ExperienceAck.newBuilder().addAllSequences(e.getValue())).build());
            }
        }
        pendingAcks.clear();
    }

    @Override
    public synchronized void acknowledge(Trajectory trajectory) {
        if (unacked.remove(trajectory.key()) == null) {
            if (dedup.contains(trajectory.key())) {
                return;
            }
            throw new IllegalArgumentException("trajectory " + trajectory.key() + " was not delivered by this source");
        }
        List<Long> list = pendingAcks.computeIfAbsent(trajectory.workerId(), k -> new ArrayList<>());
        list.add(trajectory.sequence());
        // Batched while more is buffered (the next poll sends them); at once when the consumer has caught up.
        if (list.size() >= 64 || buffer.isEmpty()) {
            flushAcks();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        flushAcks();
        closed = true;
        socket.unbind(endpoint);
        socket.close();
    }
}
