package dev.gym4j.bridge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reports single-env CartPole round trips per second over tcp loopback with the Java client. A quick figure
 * printed by the suite, with a floor far below the target so that a loaded CI machine does not fail it.
 */
class RoundTripRateTest {

    @Test
    void reportsRoundTripsPerSecond() {
        try (EnvServer server = EnvServer.start(ServerOptions.defaults("CartPole-v1"));
             RemoteEnv<float[], Integer> env = RemoteEnv.connect(server.endpoint(), null, Map.of(), TestServers.fast())) {
            env.reset(0L);
            run(env, 0.5);
            double rate = run(env, 1.5);
            System.out.printf("Java RemoteEnv CartPole-v1 over tcp loopback: %,.0f round trips/s%n", rate);
            assertTrue(rate > 50, "round trips/s " + rate); // a report, not a benchmark: CI machines are shared
        }
    }

    /** Raw JeroMQ REQ/REP with 64-byte messages on the same machine: the yardstick the issue compares against. */
    @Test
    void reportsRawReqRepRoundTripsPerSecond() throws Exception {
        try (org.zeromq.ZContext ctx = new org.zeromq.ZContext(1)) {
            org.zeromq.ZMQ.Socket rep = ctx.createSocket(org.zeromq.SocketType.REP);
            int port = rep.bindToRandomPort("tcp://127.0.0.1");
            Thread echo = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    byte[] m = rep.recv(0);
                    if (m == null) {
                        return;
                    }
                    rep.send(m, 0);
                }
            });
            rep.setReceiveTimeOut(500);
            echo.start();
            org.zeromq.ZMQ.Socket req = ctx.createSocket(org.zeromq.SocketType.REQ);
            req.connect("tcp://127.0.0.1:" + port);
            byte[] msg = new byte[64];
            long n = 0;
            long start = System.nanoTime();
            while (System.nanoTime() - start < 2_000_000_000L) {
                req.send(msg, 0);
                req.recv(0);
                n++;
            }
            double rate = n / ((System.nanoTime() - start) / 1e9);
            System.out.printf("raw JeroMQ REQ/REP 64-byte messages over tcp loopback: %,.0f round trips/s%n", rate);
            echo.join();
        }
    }

    private static double run(RemoteEnv<float[], Integer> env, double seconds) {
        long n = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            if (env.step((int) (n & 1)).done()) {
                env.reset();
            }
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }
}
