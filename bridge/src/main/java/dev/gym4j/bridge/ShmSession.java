package dev.gym4j.bridge;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.gym4j.bridge.proto.EnvDescription;
import dev.gym4j.bridge.proto.ErrorCode;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Response;
import dev.gym4j.bridge.proto.ShmOffer;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The server side of one client's shared-memory session: the file, and once the client proved it mapped
 * it ({@link #attach}), a thread that serves the requests it finds in the request slot.
 *
 * <p>The thread spins for at most {@value #SPIN_MICROS} µs after each request, then raises the file's
 * server-waiting flag and blocks on the session's {@link ShmDoorbell}, which the client rings only while
 * that flag is up (see {@link ShmFile}), so an idle session costs no core and a busy one no system call. A JVM-wide
 * heartbeat thread bumps the file's heartbeat word every {@value #HEARTBEAT_MILLIS} ms (also while an env
 * step takes long), so a client sees a killed or stopped server within its liveness window, and watches
 * the client's pid: a dead client's session is handed to {@code onClientGone}.
 *
 * <p>Thread safety: {@link #exclusive} serializes this session's requests with the client's other
 * requests (those over ZeroMQ); {@link #close()} may be called from any thread and waits for a request
 * being served.
 */
final class ShmSession implements AutoCloseable {

    static final int SPIN_MICROS = 50;
    static final int HEARTBEAT_MILLIS = 100;
    private static final Set<ShmSession> LIVE = ConcurrentHashMap.newKeySet();
    private static final System.Logger LOG = System.getLogger(ShmSession.class.getName());
    private static Thread heartbeat;

    private final ShmFile file;
    private final ShmRawLayout raw;
    private final Object lock = new Object();
    private volatile boolean running = true;
    private volatile long clientPid;
    private volatile Runnable onClientGone;
    private Function<Request, Response> server;
    private Thread thread;
    private final java.nio.channels.ServerSocketChannel listener;
    private volatile ShmDoorbell bell;

    private final Runnable onClose;

    private ShmSession(ShmFile file, ShmRawLayout raw, Runnable onClose) {
        try {
            this.listener = ShmDoorbell.listen(file.path);
        } catch (RuntimeException e) {
            ShmFile.delete(file.path);
            throw e;
        }
        this.file = file;
        this.raw = raw;
        this.onClose = onClose;
    }

    /**
     * Makes the file for a client whose env is described by {@code d}.
     *
     * @throws dev.gym4j.api.GymException if no file can be made
     */
    static ShmSession create(EnvDescription d, long slotSize, Runnable onClose) {
        Path dir = ShmFile.directory(ShmFile.HEADER + 2 * slotSize);
        ShmSession s = new ShmSession(ShmFile.create(dir, slotSize), ShmRawLayout.of(d), onClose);
        LIVE.add(s);
        startHeartbeat();
        return s;
    }

    ShmOffer offer() {
        return ShmOffer.newBuilder().setPath(file.path.toString()).setSlotSize(file.slotSize).build();
    }

    Path path() {
        return file.path;
    }

    /**
     * Starts serving the file once the client echoed its nonce.
     *
     * @param nonce what the client read from the file
     * @param pid the client's pid (watched; 0 for none)
     * @param serve answers one request in the client's turn, never throws
     * @param gone called (from the heartbeat thread) when the client's process is gone
     * @return false if the nonce is wrong or the session already runs or was closed
     */
    boolean attach(ByteString nonce, long pid, Function<Request, Response> serve, Runnable gone) {
        synchronized (lock) {
            if (!running || thread != null || !MessageDigest.isEqual(nonce.toByteArray(), file.nonce())) {
                return false;
            }
            bell = ShmDoorbell.accept(listener, file.nonce());
            if (bell == null) {
                return false;
            }
            this.server = serve;
            this.clientPid = pid;
            this.onClientGone = gone;
            file.buffer.putLong(ShmFile.OFF_CLIENT_PID, pid);
            long first = file.getAcquire(ShmFile.OFF_REQ_SEQ); // the client writes its first request only after this reply
            thread = new Thread(() -> loop(first), "gym4j-shm " + file.path.getFileName());
            thread.setDaemon(true);
            thread.start();
            return true;
        }
    }

    /** Runs {@code work} while no shared-memory request of this client is served. */
    <T> T exclusive(java.util.function.Supplier<T> work) {
        synchronized (lock) {
            return work.get();
        }
    }

    /** Stops serving, marks the file closed and removes it. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            file.setRelease(ShmFile.OFF_STATE, ShmFile.STATE_CLOSED);
        }
        LIVE.remove(this);
        ShmFile.delete(file.path);
        ShmFile.delete(ShmDoorbell.socketPath(file.path));
        try {
            listener.close();
        } catch (java.io.IOException ignored) {
            // closing anyway
        }
        ShmDoorbell b = bell;
        if (b != null) {
            b.close();
        }
        onClose.run();
    }

    // ------------------------------------------------------------------ the session's thread

    private void loop(long seen) {
        long idleSince = System.nanoTime();
        long spin = SPIN_MICROS * 1000L; // adapts: see adapt()
        boolean spinning = true;
        int k = 0;
        while (running) {
            long seq = file.getAcquire(ShmFile.OFF_REQ_SEQ);
            if (seq != seen) {
                seen = seq;
                spin = adapt(spin, System.nanoTime() - idleSince, SPIN_MICROS * 1000L);
                serveOne(seq);
                idleSince = System.nanoTime();
                spinning = true;
                k = 0;
                continue;
            }
            if (spinning && (++k < 64 || System.nanoTime() - idleSince < spin)) {
                Thread.onSpinWait();
                continue;
            }
            spinning = false;
            // Raise the flag, then look once more: a request published before the client could see the flag
            // is caught here, one published after it rings the doorbell.
            file.setVolatile(ShmFile.OFF_SERVER_WAITING, 1);
            if (file.getVolatile(ShmFile.OFF_REQ_SEQ) != seen) {
                file.setVolatile(ShmFile.OFF_SERVER_WAITING, 0);
                continue;
            }
            boolean open = bell.await(100);
            file.setVolatile(ShmFile.OFF_SERVER_WAITING, 0);
            if (!open && running) {
                Runnable gone = onClientGone; // the client's end of the doorbell closed: its process is gone
                close();
                if (gone != null) {
                    gone.run();
                }
            }
        }
    }

    /**
     * The next spin, given how long the last wait took: the longest spin when a spin that long would have
     * seen the new number (also when the wait blocked, so one slow answer does not end spinning for good),
     * else half the current one, so that on a machine where answers take long a waiter soon blocks at once.
     */
    static long adapt(long spin, long waited, long max) {
        return waited <= max ? max : spin / 2;
    }

    private void serveOne(long seq) {
        int length = file.buffer.getInt(ShmFile.OFF_REQ_LEN);
        int kind = file.buffer.getInt(ShmFile.OFF_REQ_KIND);
        Response response = null;
        byte[] rawReply = null;
        synchronized (lock) {
            if (!running) {
                return;
            }
            try {
                if (length < 0 || length > file.slotSize) {
                    response = error(ErrorCode.ERROR_CODE_BAD_MESSAGE, "a shared-memory request of " + Integer.toUnsignedString(length)
                            + " bytes; the slot holds " + file.slotSize);
                } else {
                    byte[] payload = new byte[length];
                    file.buffer.get(file.requestSlot(), payload);
                    if (kind == ShmFile.KIND_PROTO) {
                        response = parsed(payload);
                    } else if ((kind == ShmFile.KIND_RAW_STEP || kind == ShmFile.KIND_RAW_VECTOR_STEP) && raw != null
                            && raw.vector == (kind == ShmFile.KIND_RAW_VECTOR_STEP)) {
                        if (payload.length != raw.actionBytes) {
                            response = error(ErrorCode.ERROR_CODE_BAD_MESSAGE, "a raw step needs " + raw.actionBytes
                                    + " action bytes, got " + payload.length);
                        } else {
                            response = server.apply(raw.request(seq, payload));
                            rawReply = raw.reply(response);
                        }
                    } else {
                        response = error(ErrorCode.ERROR_CODE_BAD_MESSAGE, "unknown shared-memory request kind " + kind
                                + (raw == null ? " (this env has no raw layout: send kind 1, a Request)" : ""));
                    }
                }
                write(response, rawReply, kind, seq);
            } catch (Throwable t) {
                try {
                    write(error(ErrorCode.ERROR_CODE_INTERNAL, "the server failed serving a shared-memory request: "
                            + t.getClass().getSimpleName() + " (it keeps serving)"), null, 0, seq);
                } catch (Throwable again) {
                    LOG.log(System.Logger.Level.WARNING, () -> "cannot answer on " + file.path + ": " + again);
                }
            }
        }
    }

    private Response parsed(byte[] payload) {
        Request request;
        try {
            request = Request.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            return error(ErrorCode.ERROR_CODE_BAD_MESSAGE, "not a gym4j.bridge.v1.Request (" + e.getMessage() + ")");
        }
        switch (request.getBodyCase()) {
            case HELLO:
            case SHM_ATTACH:
                return Response.newBuilder().setId(request.getId()).setError(Errors.of(ErrorCode.ERROR_CODE_UNSUPPORTED,
                        request.getBodyCase() + " goes over ZeroMQ, not through the shared-memory file")).build();
            default:
                return server.apply(request);
        }
    }

    private void write(Response response, byte[] rawReply, int kind, long seq) throws java.io.IOException {
        ByteBuffer buf = file.buffer;
        int at = file.replySlot();
        if (rawReply != null) {
            buf.put(at, rawReply);
            buf.putInt(ShmFile.OFF_REP_LEN, rawReply.length);
            buf.putInt(ShmFile.OFF_REP_KIND, kind);
        } else {
            if (response.getSerializedSize() > file.slotSize) {
                response = error(ErrorCode.ERROR_CODE_INTERNAL, "the reply of " + response.getSerializedSize()
                        + " bytes does not fit the shared-memory slot of " + file.slotSize + " bytes (turn shared memory off)")
                        .toBuilder().setId(response.getId()).build();
            }
            int size = response.getSerializedSize();
            CodedOutputStream out = CodedOutputStream.newInstance(buf.slice(at, size));
            response.writeTo(out);
            out.flush();
            buf.putInt(ShmFile.OFF_REP_LEN, size);
            buf.putInt(ShmFile.OFF_REP_KIND, ShmFile.KIND_PROTO);
        }
        if (file.publish(ShmFile.OFF_REP_SEQ, seq, ShmFile.OFF_CLIENT_WAITING)) {
            bell.ring(); // the client blocks on the doorbell; a spinning client sees the number by itself
        }
    }

    private static Response error(ErrorCode code, String message) {
        return Response.newBuilder().setError(Errors.of(code, message)).build();
    }

    // ------------------------------------------------------------------ heartbeat and client watch

    private static synchronized void startHeartbeat() {
        if (heartbeat != null) {
            return;
        }
        heartbeat = new Thread(ShmSession::beat, "gym4j-shm-heartbeat");
        heartbeat.setDaemon(true);
        heartbeat.start();
    }

    private static void beat() {
        long tick = 0;
        while (true) {
            tick++;
            for (ShmSession s : LIVE) {
                try {
                    s.file.setRelease(ShmFile.OFF_HEARTBEAT, tick);
                    long pid = s.clientPid;
                    if (tick % 5 == 0 && pid > 0 && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        Runnable gone = s.onClientGone;
                        s.close();
                        if (gone != null) {
                            gone.run();
                        }
                    }
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, () -> "shared-memory heartbeat: " + e);
                }
            }
            try {
                Thread.sleep(HEARTBEAT_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
