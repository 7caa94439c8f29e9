package dev.gym4j.bridge.experience.internal;

import com.google.protobuf.CodedOutputStream;
import dev.gym4j.bridge.experience.ExperienceException;
import java.io.IOException;
import org.zeromq.ZContext;

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
