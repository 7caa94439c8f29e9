package dev.gym4j.benchmarks;

import dev.gym4j.bridge.ClientOptions;
import dev.gym4j.bridge.EnvServer;
import dev.gym4j.bridge.RemoteEnv;
import dev.gym4j.bridge.RemoteVectorEnv;
import dev.gym4j.bridge.ServerOptions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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
 * {@code rawReqRep} is JeroMQ REQ/REP with 64-byte messages (the yardstick), {@code remoteEnvStep} one
 * {@code RemoteEnv} CartPole-v1 step (a full round trip: Protobuf request, env step, Protobuf reply).
 * Score = round trips per second.
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

    private EnvServer server;
    private RemoteEnv<float[], Integer> env;
    private ZContext context;
    private ZMQ.Socket req;
    private Thread echo;
    private final byte[] message = new byte[64];
    private int n;

    /** Starts the env server and the REP echo server, and connects both clients. */
    @Setup(Level.Trial)
    public void setUp() {
        server = EnvServer.start(ServerOptions.defaults("CartPole-v1"));
        env = RemoteEnv.connect(server.endpoint(), null, Map.of(), ClientOptions.defaults());
        env.reset(0L);
        context = new ZContext(1);
        ZMQ.Socket rep = context.createSocket(SocketType.REP);
        int port = rep.bindToRandomPort("tcp://127.0.0.1");
        rep.setReceiveTimeOut(200);
        echo = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                byte[] m = rep.recv(0);
                if (m != null) {
                    rep.send(m, 0);
                }
            }
        }, "rep-echo");
        echo.setDaemon(true);
        echo.start();
        req = context.createSocket(SocketType.REQ);
        req.connect("tcp://127.0.0.1:" + port);
    }

    /** Stops everything. */
    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        env.close();
        server.close();
        echo.interrupt();
        echo.join(2000);
        context.close();
    }

    /** @return the reply's length */
    @Benchmark
    public int rawReqRep() {
        req.send(message, 0);
        return req.recv(0).length;
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
