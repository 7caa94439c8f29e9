package dev.gym4j.benchmarks;

import dev.gym4j.bridge.ClientOptions;
import dev.gym4j.bridge.EnvServer;
import dev.gym4j.bridge.RemoteEnv;
import dev.gym4j.bridge.RemoteVectorEnv;
import dev.gym4j.bridge.ServerOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The bridge over tcp loopback, one client thread and an in-process {@link EnvServer}:
 * {@code rawReqRep} is JeroMQ REQ/REP with 64-byte messages (issue 7's yardstick),
 * {@code rawDealerRouter} the bridge's own socket pair (DEALER client, ROUTER server) with messages the
 * size of a CartPole step's (24-byte request, 48-byte reply), and {@code remoteEnvStep} one
 * {@code RemoteEnv} CartPole-v1 step (a full round trip: Protobuf request, env step, Protobuf reply).
 * Score = round trips per second.
 *
 * <p>{@code server=same-jvm}: all three run with the same threads: the client thread, one ZeroMQ I/O
 * thread shared by both ends (the raw pairs share one context; {@code EnvServer} and {@code RemoteEnv}
 * share the bridge's JVM-wide context) and the server thread. {@code server=other-process}: the three
 * servers run in a child JVM ({@link BridgeServers}), as {@code gym4j serve} would, which adds an I/O
 * thread and a wake-up per message on each side, for raw sockets and the bridge alike; the child's JIT is
 * warmed with {@value #CHILD_WARMUP} round trips of each kind before JMH's own warm-up.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BridgeBenchmark}.
 *
 * <p>Compared against: issue 7's target, {@code remoteEnvStep} at least 75% of {@code rawReqRep}
 * (about 9,000 of 12,000 round trips per second on an idle machine of this class).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class BridgeBenchmark {

    /** Round trips of each kind that warm the child JVM's JIT in {@code other-process} runs. */
    static final int CHILD_WARMUP = 50_000;

    /** Where the servers run: {@code same-jvm} or {@code other-process}. */
    @Param({"same-jvm", "other-process"})
    public String server;

    private EnvServer envServer;
    private Process child;
    private RemoteEnv<float[], Integer> env;
    private ZContext context;
    private ZMQ.Socket req;
    private ZMQ.Socket dealer;
    private Thread echo;
    private Thread routerEcho;
    private final byte[] message = new byte[64];
    private final byte[] stepSizedRequest = new byte[24];
    private int n;

    /**
     * Starts the env server and the two echo servers (here or in a child JVM), and connects the clients.
     *
     * @throws IOException if the child JVM cannot be started or read
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        context = new ZContext(1);
        String envEndpoint;
        String repEndpoint;
        String routerEndpoint;
        if (server.equals("other-process")) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), BridgeServers.class.getName())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String line = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new IOException("the server JVM ended before printing its endpoints");
            }
            String[] endpoints = line.trim().split(" ");
            envEndpoint = endpoints[0];
            repEndpoint = endpoints[1];
            routerEndpoint = endpoints[2];
        } else if (server.equals("same-jvm")) {
            envServer = EnvServer.start(ServerOptions.defaults("CartPole-v1"));
            envEndpoint = envServer.endpoint();
            repEndpoint = "tcp://127.0.0.1:" + startRepEcho();
            routerEndpoint = "tcp://127.0.0.1:" + startRouterEcho();
        } else {
            throw new IllegalArgumentException("server must be same-jvm or other-process, got " + server);
        }
        env = RemoteEnv.connect(envEndpoint, null, Map.of(), ClientOptions.defaults());
        env.reset(0L);
        req = context.createSocket(SocketType.REQ);
        req.connect(repEndpoint);
        dealer = context.createSocket(SocketType.DEALER);
        dealer.connect(routerEndpoint);
        if (child != null) {
            for (int i = 0; i < CHILD_WARMUP; i++) {
                rawReqRep();
                rawDealerRouter();
                remoteEnvStep();
            }
        }
    }

    private int startRepEcho() {
        ZMQ.Socket rep = context.createSocket(SocketType.REP);
        int port = rep.bindToRandomPort("tcp://127.0.0.1");
        rep.setReceiveTimeOut(200);
        echo = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    byte[] m = rep.recv(0);
                    if (m != null) {
                        rep.send(m, 0);
                    }
                }
            } catch (org.zeromq.ZMQException stopped) {
                // tearDown interrupted a blocking receive: the echo is over
            }
        }, "rep-echo");
        echo.setDaemon(true);
        echo.start();
        return port;
    }

    private int startRouterEcho() {
        ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
        int routerPort = router.bindToRandomPort("tcp://127.0.0.1");
        router.setReceiveTimeOut(200);
        byte[] stepSizedReply = new byte[48];
        routerEcho = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    byte[] identity = router.recv(0);
                    if (identity != null) {
                        router.recv(0);
                        router.sendMore(identity);
                        router.send(stepSizedReply, 0);
                    }
                }
            } catch (org.zeromq.ZMQException stopped) {
                // tearDown interrupted a blocking receive: the echo is over
            }
        }, "router-echo");
        routerEcho.setDaemon(true);
        routerEcho.start();
        return routerPort;
    }

    /**
     * Stops everything.
     *
     * @throws InterruptedException if interrupted while waiting for a thread or the child JVM
     * @throws IOException if the child's standard input cannot be closed
     */
    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException, IOException {
        env.close();
        if (envServer != null) {
            envServer.close();
            echo.interrupt();
            routerEcho.interrupt();
            echo.join(2000);
            routerEcho.join(2000);
        }
        if (child != null) {
            child.getOutputStream().close();
            if (!child.waitFor(5, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        context.close();
    }

    /** @return the reply's length */
    @Benchmark
    public int rawReqRep() {
        req.send(message, 0);
        return req.recv(0).length;
    }

    /** @return the reply's length */
    @Benchmark
    public int rawDealerRouter() {
        dealer.send(stepSizedRequest, 0);
        return dealer.recv(0).length;
    }

    /** @return whether the episode ended (then it is reset, inside the measurement) */
    @Benchmark
    public boolean remoteEnvStep() {
        boolean done = env.step(n++ & 1).done();
        if (done) {
            env.reset();
        }
        return done;
    }

    /**
     * A 64-env {@link RemoteVectorEnv} of CartPole-v1: one round trip carries 64 env steps.
     * Score = env steps per second ({@code @OperationsPerInvocation(64)}); issue 7's target is 500,000.
     * Its server always runs in the benchmark's JVM, whatever {@code server} says.
     */
    @State(Scope.Thread)
    public static class Vector {
        private EnvServer server;
        private RemoteVectorEnv<float[], long[]> vec;
        private final long[] actions = new long[64];
        private int n;

        /** Starts the server and connects a 64-env client. */
        @Setup(Level.Trial)
        public void setUp() {
            server = EnvServer.start(ServerOptions.defaults("CartPole-v1"));
            vec = RemoteVectorEnv.connect(server.endpoint(), null, Map.of(), 64, ClientOptions.defaults());
            vec.reset(0L, Map.of());
        }

        /** Stops everything. */
        @TearDown(Level.Trial)
        public void tearDown() {
            vec.close();
            server.close();
        }
    }

    /**
     * @param v the vector client
     * @return the first reward of the batch
     */
    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(64)
    public double remoteVectorStep64(Vector v) {
        v.actions[v.n++ & 63] ^= 1;
        return v.vec.step(v.actions).rewards()[0];
    }
}
