package dev.gym4j.bridge.experience.internal;

import com.google.protobuf.CodedOutputStream;
import dev.gym4j.bridge.experience.ExperienceException;
import java.io.IOException;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/** What the ZeroMQ experience transport's two ends share: the context, addresses, framing. */
final class Zmq {

    private static ZContext context;

    private Zmq() {
    }

    static synchronized ZContext context() {
        if (context == null) {
            context = new ZContext(1);
            context.setLinger(0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // sockets are closed by their owners; the context must not block the JVM's exit
            }));
        }
        return context;
    }

    /** The address and options of a {@code zmq://HOST:PORT[?k=v&...]} URI. */
    record Address(String endpoint, java.util.Map<String, String> options) {
        long option(String name, long fallback) {
            String v = options.get(name);
            if (v == null) {
                return fallback;
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new ExperienceException("ZeroMQ address option " + name + "=" + v + " is not an integer");
            }
        }
    }

    static Address parse(String uri) {
        String rest;
        if (uri.startsWith("zmq://")) {
            rest = uri.substring(6);
        } else if (uri.startsWith("tcp://")) {
            rest = uri.substring(6);
        } else {
            throw new ExperienceException("bad ZeroMQ address '" + uri + "': expected zmq://HOST:PORT");
        }
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String kv : rest.substring(q + 1).split("&")) {
                int eq = kv.indexOf('=');
                if (!kv.isEmpty()) {
                    options.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
                }
            }
            rest = rest.substring(0, q);
        }
        int colon = rest.lastIndexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            throw new ExperienceException("bad ZeroMQ address '" + uri + "': expected zmq://HOST:PORT");
        }
        try {
            int port = Integer.parseInt(rest.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new ExperienceException("bad ZeroMQ address '" + uri + "': the port must be a number 0-65535");
        }
        return new Address("tcp://" + rest, java.util.Map.copyOf(options));
    }

    /**
     * Binds a socket, retrying for two seconds while the port is still held by a socket of this process closed a
     * moment ago (ZeroMQ releases ports asynchronously). Port 0 picks a free port.
     *
     * @throws ExperienceException naming the address and {@code what} if it cannot be bound; the socket is closed
     */
    static void bind(ZMQ.Socket socket, String endpoint, String what) {
        String bindTo = endpoint.endsWith(":0") ? endpoint.substring(0, endpoint.length() - 2) + ":*" : endpoint;
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (true) {
            try {
                socket.bind(bindTo);
                return;
            } catch (ZMQException e) {
                if (System.nanoTime() > deadline) {
                    socket.close();
                    throw new ExperienceException("cannot bind " + what + " to " + endpoint + ": "
                            + (e.getErrorCode() == 48 ? "the address is in use" : e.getMessage()));
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    socket.close();
                    throw new ExperienceException("interrupted while binding " + what + " to " + endpoint);
                }
            }
        }
    }

    /**
     * An {@code ExperienceMessage} whose body is a trajectory, from the trajectory's own bytes: field 2, length
     * delimited (what any Protobuf encoder writes for a message with only that field set).
     */
    static byte[] trajectoryMessage(byte[] trajectory) {
        byte[] out = new byte[1 + CodedOutputStream.computeUInt32SizeNoTag(trajectory.length) + trajectory.length];
        CodedOutputStream c = CodedOutputStream.newInstance(out);
        try {
            c.writeByteArray(2, trajectory);
            c.flush();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }
}
