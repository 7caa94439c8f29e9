package dev.gym4j.benchmarks;

import dev.gym4j.bridge.EnvServer;
import dev.gym4j.bridge.ServerOptions;
import java.io.IOException;
import java.io.InputStream;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The server side of {@link BridgeBenchmark}'s {@code other-process} runs, in a JVM of its own: a CartPole-v1
 * {@link EnvServer}, a REP echo of 64-byte messages and a ROUTER that answers each message with 48 bytes,
 * all on tcp loopback ports chosen by the system. It prints one line, {@code env raw-rep raw-router}
 * endpoints separated by spaces, and serves until its standard input closes (the benchmark's JVM ending
 * closes it too, so no server outlives its benchmark).
 *
 * <p>Thread safety: a program; each echo runs on its own thread.
 */
public final class BridgeServers {

    private BridgeServers() {
    }

    /**
     * Starts the servers, prints their endpoints and serves until standard input closes.
     *
     * @param args ignored
     * @throws IOException if standard input fails
     */
    public static void main(String[] args) throws IOException {
        try (EnvServer server = EnvServer.start(ServerOptions.defaults("CartPole-v1"));
             ZContext context = new ZContext(1)) {
            ZMQ.Socket rep = context.createSocket(SocketType.REP);
            int repPort = rep.bindToRandomPort("tcp://127.0.0.1");
            ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
            int routerPort = router.bindToRandomPort("tcp://127.0.0.1");
            byte[] stepSizedReply = new byte[48];
            daemon("rep-echo", () -> {
                while (true) {
                    rep.send(rep.recv(0), 0);
                }
            });
            daemon("router-echo", () -> {
                while (true) {
                    byte[] identity = router.recv(0);
                    router.recv(0);
                    router.sendMore(identity);
                    router.send(stepSizedReply, 0);
                }
            });
            System.out.println(server.endpoint() + " tcp://127.0.0.1:" + repPort + " tcp://127.0.0.1:" + routerPort);
            System.out.flush();
            InputStream in = System.in;
            while (in.read() >= 0) {
                // serve until the benchmark closes our standard input
            }
        }
        System.exit(0);
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (org.zeromq.ZMQException closed) {
                // the context closed: the echo is over
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }
}
