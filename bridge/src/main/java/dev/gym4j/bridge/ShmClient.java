package dev.gym4j.bridge;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.gym4j.api.GymException;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Response;
import dev.gym4j.bridge.proto.ShmOffer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The client side of a shared-memory session: writes each request into the file's request slot, rings the
 * doorbell, and waits for the reply slot's sequence number to catch up, spinning briefly, then blocking on
 * the doorbell.
 *
 * <p>Liveness: while it waits it checks, about every 100 ms, that the server's process is alive and that
 * its heartbeat word advanced within {@link #LIVENESS_MILLIS}; a killed or stopped server fails the call
 * within that window, naming the file and the address. A slow env step on a live server is waited for,
 * up to the call's timeout (the server's heartbeat thread keeps beating meanwhile).
 *
 * <p>Not thread-safe: one caller at a time, like the {@link Connection} that owns it.
 */
final class ShmClient implements AutoCloseable {

    /** How long the server's heartbeat may stand still before the server counts as dead or stopped. */
    static final long LIVENESS_MILLIS = 2000;
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ShmFile file;
    private final String address;
    private final long serverPid;
    private final ShmDoorbell bell;
    private long seq;
    /** The spin before blocking on the doorbell ({@link ShmSession#adapt}). */
    private long spin = SPIN_NANOS;

    private ShmClient(ShmFile file, String address) {
        this.file = file;
        this.address = address;
        this.serverPid = file.buffer.getLong(ShmFile.OFF_SERVER_PID);
        this.seq = file.getAcquire(ShmFile.OFF_REQ_SEQ);
        this.bell = ShmDoorbell.connect(file.path, file.nonce());
    }

    /**
     * Maps the offered file and connects its doorbell (sending the nonce); throws a GymException naming
     * the file when it is not a usable session file.
     */
    static ShmClient open(ShmOffer offer, String address) {
        return new ShmClient(ShmFile.open(Path.of(offer.getPath()), offer.getSlotSize()), address);
    }

    byte[] nonce() {
        return file.nonce();
    }

    /** @return whether a request of that many bytes fits the slot */
    boolean fits(int bytes) {
        return bytes <= file.slotSize;
    }

    /**
     * Sends one request through the file and waits for its reply.
     *
     * @throws GymException naming the file and the address when the server dies, stops, closes the session
     *     or does not answer within the timeout; the session is then unusable
     */
    Response call(Request request, long timeoutMillis) {
        byte[] bytes = request.toByteArray();
        file.buffer.put(file.requestSlot(), bytes);
        file.buffer.putInt(ShmFile.OFF_REQ_LEN, bytes.length);
        file.buffer.putInt(ShmFile.OFF_REQ_KIND, ShmFile.KIND_PROTO);
        long mine = ++seq;
        if (file.publish(ShmFile.OFF_REQ_SEQ, mine, ShmFile.OFF_SERVER_WAITING)) {
            bell.ring();
        }
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long nextCheck = start + CHECK_NANOS;
        long beat = file.getAcquire(ShmFile.OFF_HEARTBEAT);
        long beatSeen = start;
        boolean spinning = true;
        int k = 0;
        while (file.getAcquire(ShmFile.OFF_REP_SEQ) != mine) {
            long now = System.nanoTime();
            if (spinning && (++k < 64 || now - start < spin)) {
                Thread.onSpinWait();
                continue;
            }
            spinning = false;
            if (now - nextCheck >= 0) {
                nextCheck = now + CHECK_NANOS;
                long b = file.getAcquire(ShmFile.OFF_HEARTBEAT);
                if (b != beat) {
                    beat = b;
                    beatSeen = now;
                }
                String dead = file.getAcquire(ShmFile.OFF_STATE) == ShmFile.STATE_CLOSED ? "the server closed the session"
                        : !ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false) ? "server process " + serverPid + " is gone"
                        : now - beatSeen > TimeUnit.MILLISECONDS.toNanos(LIVENESS_MILLIS)
                                ? "the heartbeat of server process " + serverPid + " stood still for " + LIVENESS_MILLIS
                                        + " ms (stopped or hung)"
                        : null;
                if (dead != null) {
                    throw new GymException("lost the shared-memory link " + file.path + " to " + address + " while waiting for the reply to "
                            + request.getBodyCase() + ": " + dead);
                }
                if (now - deadline >= 0) {
                    throw new GymException("no reply from " + address + " (shared memory " + file.path + ") within " + timeoutMillis
                            + " ms to " + request.getBodyCase() + " (the server's env is still busy)");
                }
            }
            file.setVolatile(ShmFile.OFF_CLIENT_WAITING, 1); // then look once more before blocking (see ShmFile)
            if (file.getVolatile(ShmFile.OFF_REP_SEQ) == mine) {
                break;
            }
            bell.await(Math.max(1, (nextCheck - now) / 1_000_000L));
        }
        if (!spinning) {
            file.setVolatile(ShmFile.OFF_CLIENT_WAITING, 0);
        }
        spin = ShmSession.adapt(spin, System.nanoTime() - start, SPIN_NANOS);
        int length = file.buffer.getInt(ShmFile.OFF_REP_LEN);
        int kind = file.buffer.getInt(ShmFile.OFF_REP_KIND);
        if (kind != ShmFile.KIND_PROTO || length < 0 || length > file.slotSize) {
            throw new ProtocolException("the shared-memory reply from " + address + " (" + file.path + ") has kind " + kind
                    + " and length " + length + "; expected a Response (kind 1)");
        }
        byte[] reply = new byte[length];
        file.buffer.get(file.replySlot(), reply);
        try {
            return Response.parseFrom(reply);
        } catch (InvalidProtocolBufferException e) {
            throw new ProtocolException("the shared-memory reply from " + address + " (" + file.path + ") is not a Response: " + e.getMessage());
        }
    }

    /** Closes the doorbell; the server removes the file when the session ends (the mapping goes when collected). */
    @Override
    public void close() {
        bell.close();
    }

    @Override
    public String toString() {
        return file.path.toString();
    }
}
