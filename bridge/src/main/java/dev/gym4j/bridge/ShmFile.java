package dev.gym4j.bridge;

import dev.gym4j.api.GymException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * One shared-memory session file of the bridge's same-host fast path (PROTOCOL.md, "Shared memory"): a
 * 4 KiB header, a request slot and a reply slot, mapped by the server and by one client.
 *
 * <p>Header (little-endian): magic {@code "gym4jshm"} at 0, version (u32) at 8, header size (u32) at 12,
 * slot size (u64) at 16, server pid at 24, client pid at 32, heartbeat (u64, bumped by the server about
 * every 100 ms) at 40, state (0 open, 1 closed by the server) at 48, a 32-byte nonce at 64; the request's
 * sequence number (u64) at 128, its length (u32) at 136 and kind (u32) at 140, the server's waiting flag
 * (u64) at 144; the reply's sequence number at 192, length at 200, kind at 204, the client's waiting flag at
 * 208. A side writes its payload, then length and kind, then publishes the sequence number; the other side
 * reads the sequence number. A waiter raises its flag before it blocks on the doorbell and re-reads the
 * sequence number; a publisher rings the doorbell only when, after its sequence number, it reads the
 * peer's flag raised. The sequence numbers and the flags are read and written with volatile
 * (sequentially consistent) access, so that of "publish, then read the flag" and "raise the flag, then
 * read the sequence number" at least one side sees the other's write: no wake-up is lost.
 *
 * <p>Thread safety: the counters may be read and written from any thread (acquire/release); the slots
 * belong to whichever side the sequence numbers say.
 */
final class ShmFile {

    static final long MAGIC = 0x6d68736a346d7967L; // "gym4jshm" in little-endian order
    static final int VERSION = 2;
    static final int HEADER = 4096;
    static final int OFF_MAGIC = 0;
    static final int OFF_VERSION = 8;
    static final int OFF_HEADER = 12;
    static final int OFF_SLOT = 16;
    static final int OFF_SERVER_PID = 24;
    static final int OFF_CLIENT_PID = 32;
    static final int OFF_HEARTBEAT = 40;
    static final int OFF_STATE = 48;
    static final int OFF_NONCE = 64;
    static final int NONCE_BYTES = 32;
    static final int OFF_REQ_SEQ = 128;
    static final int OFF_REQ_LEN = 136;
    static final int OFF_REQ_KIND = 140;
    /** Non-zero while the server's session thread is (about to be) blocked on the doorbell. */
    static final int OFF_SERVER_WAITING = 144;
    static final int OFF_REP_SEQ = 192;
    static final int OFF_REP_LEN = 200;
    static final int OFF_REP_KIND = 204;
    /** Non-zero while the client is (about to be) blocked on the doorbell. */
    static final int OFF_CLIENT_WAITING = 208;
    /** A payload that is a serialized Request or Response. */
    static final int KIND_PROTO = 1;
    /** A step in the raw tensor layout (PROTOCOL.md). */
    static final int KIND_RAW_STEP = 2;
    /** A vector step in the raw tensor layout. */
    static final int KIND_RAW_VECTOR_STEP = 3;
    static final long STATE_OPEN = 0;
    static final long STATE_CLOSED = 1;
    /** File names start with this, then the server's pid, a dash and 32 random hex digits. */
    static final String PREFIX = "gym4j-shm-";

    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    // gym4j:unseeded-ok: the file's name and nonce are secrets that keep other processes out, never results.
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    final Path path;
    final long slotSize;
    final MappedByteBuffer buffer;

    private ShmFile(Path path, long slotSize, MappedByteBuffer buffer) {
        this.path = path;
        this.slotSize = slotSize;
        this.buffer = buffer;
        buffer.order(ByteOrder.LITTLE_ENDIAN);
    }

    /** @return /dev/shm when it is a writable directory with room for {@code bytes}, else java.io.tmpdir */
    static Path directory(long bytes) {
        Path shm = Path.of("/dev/shm");
        try {
            if (Files.isDirectory(shm) && Files.isWritable(shm) && Files.getFileStore(shm).getUsableSpace() > 2 * bytes) {
                return shm;
            }
        } catch (IOException | SecurityException ignored) {
            // no usable /dev/shm: fall back
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * Creates an owner-only file with a random name in {@code dir}, maps it and writes the header.
     *
     * @throws GymException naming the path if it cannot be made
     */
    static ShmFile create(Path dir, long slotSize) {
        byte[] name = new byte[16];
        RANDOM.nextBytes(name);
        Path path = dir.resolve(PREFIX + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(name));
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            ShmFile f;
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                f = new ShmFile(path, slotSize, ch.map(FileChannel.MapMode.READ_WRITE, 0, HEADER + 2 * slotSize));
            }
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            f.buffer.put(OFF_NONCE, nonce);
            f.buffer.putInt(OFF_VERSION, VERSION);
            f.buffer.putInt(OFF_HEADER, HEADER);
            f.buffer.putLong(OFF_SLOT, slotSize);
            f.buffer.putLong(OFF_SERVER_PID, ProcessHandle.current().pid());
            LONGS.setRelease(f.buffer, OFF_MAGIC, MAGIC);
            return f;
        } catch (IOException | UnsupportedOperationException e) {
            delete(path);
            throw new GymException("cannot make the shared-memory file " + path + ": " + e, e);
        }
    }

    /**
     * Maps a file a server offered, after checking that it is one: a regular file of this user, with the
     * magic, version and slot size in its header.
     *
     * @throws GymException naming the path otherwise
     */
    static ShmFile open(Path path, long slotSize) {
        try {
            if (!Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new GymException("the shared-memory file " + path + " offered by the server is not a regular file");
            }
            long size = HEADER + 2 * slotSize;
            if (slotSize < 1024 || size > Integer.MAX_VALUE || Files.size(path) < size) {
                throw new GymException("the shared-memory file " + path + " is not of the offered slot size " + slotSize);
            }
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ShmFile f = new ShmFile(path, slotSize, ch.map(FileChannel.MapMode.READ_WRITE, 0, size));
                if ((long) LONGS.getAcquire(f.buffer, OFF_MAGIC) != MAGIC || f.buffer.getInt(OFF_VERSION) != VERSION
                        || f.buffer.getLong(OFF_SLOT) != slotSize) {
                    throw new GymException("the file " + path + " is not a gym4j shared-memory file of version " + VERSION);
                }
                return f;
            }
        } catch (IOException e) {
            throw new GymException("cannot map the shared-memory file " + path + ": " + e, e);
        }
    }

    long getAcquire(int offset) {
        return (long) LONGS.getAcquire(buffer, offset);
    }

    void setRelease(int offset, long value) {
        LONGS.setRelease(buffer, offset, value);
    }

    long getVolatile(int offset) {
        return (long) LONGS.getVolatile(buffer, offset);
    }

    void setVolatile(int offset, long value) {
        LONGS.setVolatile(buffer, offset, value);
    }

    /**
     * Publishes a sequence number and says whether the peer must be woken: a volatile store of {@code seq}
     * at {@code seqOffset}, then a volatile read of the peer's waiting flag at {@code peerWaiting}.
     */
    boolean publish(int seqOffset, long seq, int peerWaiting) {
        setVolatile(seqOffset, seq);
        return getVolatile(peerWaiting) != 0;
    }

    byte[] nonce() {
        byte[] n = new byte[NONCE_BYTES];
        buffer.get(OFF_NONCE, n);
        return n;
    }

    int requestSlot() {
        return HEADER;
    }

    int replySlot() {
        return (int) (HEADER + slotSize);
    }

    /** Removes the file (its mappings stay valid until they are dropped); never throws. */
    static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException | SecurityException ignored) {
            // another user's file, or already gone
        }
    }

    /**
     * Removes this user's session files in {@code dir} whose server process is gone (a server that was
     * killed cannot remove its own); returns how many it removed.
     */
    static int removeStale(Path dir) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*")) {
            for (Path p : files) {
                String rest = p.getFileName().toString().substring(PREFIX.length());
                int dash = rest.indexOf('-');
                long pid;
                try {
                    pid = Long.parseLong(dash > 0 ? rest.substring(0, dash) : rest);
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue; // a live server's session
                }
                try {
                    if (Files.deleteIfExists(p)) {
                        removed++;
                    }
                } catch (IOException | SecurityException ignored) {
                    // not ours
                }
            }
        } catch (IOException | SecurityException ignored) {
            // nothing to clean
        }
        return removed;
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
