package dev.gym4j.worker.serve;

import dev.gym4j.api.Env;
import dev.gym4j.api.StepResult;
import dev.gym4j.bridge.ClientOptions;
import dev.gym4j.bridge.RemoteEnv;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A real {@code gym4j serve} process (the CLI's {@code Main} in a child JVM with a capped heap), a raw
 * client that sends arbitrary bytes, and a well-behaved client that steps CartPole on its own thread and
 * records its slowest call.
 */
final class ServeProcess implements AutoCloseable {

    final Process process;
    final String endpoint;
    private final List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());

    private ServeProcess(Process process, String endpoint, BufferedReader out) {
        this.process = process;
        this.endpoint = endpoint;
        Thread t = new Thread(() -> {
            try {
                for (String line; (line = out.readLine()) != null;) {
                    output.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "serve-output");
        t.setDaemon(true);
        t.start();
    }

    /** Starts {@code gym4j serve CartPole-v1 --bind tcp://127.0.0.1:0 ARGS} with {@code -Xmx256m}. */
    static ServeProcess start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "dev.gym4j.worker.cli.Main", "serve", "CartPole-v1",
                "--bind", "tcp://127.0.0.1:0"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = out.readLine();
            if (line == null) {
                break;
            }
            seen.add(line);
            int at = line.indexOf(" on tcp://");
            if (line.startsWith("serving ") && at > 0) {
                return new ServeProcess(p, line.substring(at + 4).strip(), out);
            }
        }
        p.destroyForcibly();
        throw new IOException("gym4j serve did not start: " + seen);
    }

    boolean alive() {
        return process.isAlive();
    }

    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** @return the process's peak resident set (VmHWM) in KiB, or -1 where /proc is not there */
    long peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** A new well-behaved client: connects, resets and steps once; returns the seconds it took. */
    double freshClientSeconds() {
        long t0 = System.nanoTime();
        try (Env<Object, Object> env = RemoteEnv.connect(endpoint, null, Map.of(),
                ClientOptions.defaults().withTimeout(Duration.ofSeconds(3)))) {
            env.reset(7L);
            env.step(0);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Sends a raw request and waits for the reply, or null after {@code timeoutMillis}. */
    static Response call(ZMQ.Socket s, byte[] request, int timeoutMillis) {
        s.setReceiveTimeOut(timeoutMillis);
        s.send(request, 0);
        byte[] reply = s.recv(0);
        if (reply == null) {
            return null;
        }
        try {
            return Response.parseFrom(reply);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError("the server sent a reply that is not a Response", e);
        }
    }

    static ZMQ.Socket dealer(ZContext ctx, String endpoint) {
        ZMQ.Socket s = ctx.createSocket(SocketType.DEALER);
        s.setLinger(0);
        s.setMaxMsgSize(-1);
        s.connect(endpoint);
        return s;
    }

    /**
     * A dealer that the server has answered a Ping on. The first messages on a fresh JeroMQ connection are
     * now and then never delivered (bridge/PROTOCOL.md, "Timeouts and reconnection"); gym4j's own clients
     * verify a new socket so, and an attack must reach the server to test it. Each silent attempt is replaced
     * by a fresh socket, until {@code boundMillis}.
     */
    static ZMQ.Socket answering(ZContext ctx, String endpoint, int boundMillis) {
        long deadline = System.nanoTime() + boundMillis * 1_000_000L;
        byte[] ping = bytes(Request.newBuilder().setId(0).setPing(dev.gym4j.bridge.proto.Ping.getDefaultInstance()));
        int attempt = 0;
        while (true) {
            ZMQ.Socket s = dealer(ctx, endpoint);
            Response pong = call(s, ping, 500);
            if (pong != null && pong.hasPong()) {
                return s;
            }
            s.close();
            attempt++;
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no Pong from " + endpoint + " on " + attempt + " fresh sockets in " + boundMillis + " ms");
            }
        }
    }

    static byte[] bytes(Request.Builder r) {
        return r.build().toByteArray();
    }

    /** Stops the server (SIGTERM, then SIGKILL); an interrupt while waiting is kept in the thread's flag. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A well-behaved client stepping CartPole in a loop on its own thread; {@link #stop()} returns its
     * slowest call in seconds and rethrows what failed.
     */
    static final class SteadyClient implements AutoCloseable {
        private final Thread thread;
        private final AtomicLong slowestNanos = new AtomicLong();
        private final AtomicLong calls = new AtomicLong();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile boolean running = true;

        SteadyClient(String endpoint) {
            thread = new Thread(() -> {
                // The timeout only bounds a hung call; the slowest call is measured and asserted by the tests
                // (a server JVM just started on a loaded machine may take over 3 s for its first Hello).
                try (Env<Object, Object> env = RemoteEnv.connect(endpoint, null, Map.of(),
                        ClientOptions.defaults().withTimeout(Duration.ofSeconds(20)))) {
                    env.reset(1L);
                    while (running) {
                        long t0 = System.nanoTime();
                        StepResult<Object> r = env.step((int) (calls.get() % 2));
                        if (r.terminated() || r.truncated()) {
                            env.reset();
                        }
                        slowestNanos.accumulateAndGet(System.nanoTime() - t0, Math::max);
                        calls.incrementAndGet();
                        Thread.sleep(2);
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "steady-client");
            thread.setDaemon(true);
            thread.start();
        }

        long calls() {
            return calls.get();
        }

        /** @return the slowest call in seconds */
        double stop() throws InterruptedException {
            running = false;
            thread.join(10_000);
            if (failure.get() != null) {
                throw new AssertionError("the well-behaved client failed after " + calls.get() + " calls", failure.get());
            }
            return slowestNanos.get() / 1e9;
        }

        @Override
        public void close() {
            running = false;
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
