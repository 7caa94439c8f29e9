package dev.gym4j.bridge;

import dev.gym4j.api.GymException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The wake-up line of a shared-memory session: a Unix domain socket next to the file ({@code PATH.sock}).
 * After publishing a sequence number a side writes one byte; a side that found nothing new after a short
 * spin blocks reading it. The kernel then wakes the waiter at once, which on a busy machine beats
 * polling by a wide margin (a sleeping poller waits for its timer; a spinning one for its time slice).
 * Bytes are only hints: a waiter always re-reads the sequence number, and a full socket buffer means the
 * other side has wake-ups pending, so a write that would block is dropped.
 *
 * <p>Not thread-safe: one waiter; {@link #close()} may come from another thread.
 */
final class ShmDoorbell implements AutoCloseable {

    private final SocketChannel channel;
    private final Selector selector;
    private final ByteBuffer one = ByteBuffer.allocateDirect(1);
    private final ByteBuffer drain = ByteBuffer.allocateDirect(4096);

    private ShmDoorbell(SocketChannel channel) throws IOException {
        this.channel = channel;
        channel.configureBlocking(false);
        this.selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
    }

    static Path socketPath(Path file) {
        return file.resolveSibling(file.getFileName() + ".sock");
    }

    /** Binds the server's listening socket, owner-only. */
    static ServerSocketChannel listen(Path file) {
        Path p = socketPath(file);
        try {
            ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            s.bind(UnixDomainSocketAddress.of(p), 1);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
            s.configureBlocking(false);
            return s;
        } catch (IOException | UnsupportedOperationException e) {
            ShmFile.delete(p);
            throw new GymException("cannot make the shared-memory doorbell " + p + ": " + e, e);
        }
    }

    /**
     * Takes the client's connection, which it opened before sending ShmAttach, and checks that it starts
     * with the nonce.
     *
     * @return the doorbell, or null if no client with the nonce connected within a second
     */
    static ShmDoorbell accept(ServerSocketChannel server, byte[] nonce) {
        long deadline = System.nanoTime() + 1_000_000_000L;
        try {
            SocketChannel c = null;
            while (c == null && System.nanoTime() < deadline) {
                c = server.accept();
                if (c == null) {
                    Thread.sleep(1);
                }
            }
            if (c == null) {
                return null;
            }
            c.configureBlocking(false);
            ByteBuffer got = ByteBuffer.allocate(nonce.length);
            while (got.hasRemaining() && System.nanoTime() < deadline) {
                if (c.read(got) < 0) {
                    break;
                }
                if (got.hasRemaining()) {
                    Thread.sleep(1);
                }
            }
            if (got.hasRemaining() || !java.security.MessageDigest.isEqual(got.array(), nonce)) {
                c.close();
                return null;
            }
            return new ShmDoorbell(c);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Connects the client side and sends the nonce. */
    static ShmDoorbell connect(Path file, byte[] nonce) {
        Path p = socketPath(file);
        try {
            SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                c.connect(UnixDomainSocketAddress.of(p));
                ByteBuffer b = ByteBuffer.wrap(nonce);
                while (b.hasRemaining()) {
                    c.write(b);
                }
                return new ShmDoorbell(c);
            } catch (IOException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (IOException e) {
            throw new GymException("cannot connect the shared-memory doorbell " + p + ": " + e, e);
        }
    }

    /** Wakes the other side if it waits; never blocks. */
    void ring() {
        try {
            one.clear();
            channel.write(one);
        } catch (IOException ignored) {
            // the other side is gone: its liveness checks tell
        }
    }

    /**
     * Waits until the other side rings or {@code millis} pass, and swallows pending rings.
     *
     * @return false once the other side closed its end (its process is gone)
     */
    boolean await(long millis) {
        try {
            if (selector.select(Math.max(1, millis)) > 0) {
                selector.selectedKeys().clear();
            }
            while (true) {
                drain.clear();
                int n = channel.read(drain);
                if (n < 0) {
                    return false;
                }
                if (n < drain.capacity()) {
                    return true;
                }
            }
        } catch (IOException | java.nio.channels.ClosedSelectorException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
