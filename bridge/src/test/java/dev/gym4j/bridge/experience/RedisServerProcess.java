package dev.gym4j.bridge.experience;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** A redis-server of a test's own, on a free port in a temp directory (for restarts and passwords). */
final class RedisServerProcess implements AutoCloseable {

    final Path dir;
    final int port;
    private final List<String> args;
    private Process process;

    RedisServerProcess(String... extraArgs) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/redis-server")) || onPath("redis-server")
                || "true".equals(System.getenv("CI")) && fail(), "redis-server is not installed");
        this.dir = Files.createTempDirectory("gym4j-redis-");
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
        this.args = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--dir", dir.toString(), "--save", ""));
        this.args.addAll(List.of(extraArgs));
        start();
    }

    private static boolean fail() {
        throw new AssertionError("CI=true but redis-server is not installed");
    }

    private static boolean onPath(String exe) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(p, exe))) {
                return true;
            }
        }
        return false;
    }

    void start() throws IOException {
        process = new ProcessBuilder(args).redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                new Socket("127.0.0.1", port).close();
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IOException("redis-server did not start on port " + port + ": " + Files.readString(dir.resolve("redis.log")));
    }

    /** Kills the server with SIGKILL and waits for it to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    String uri(String experiment) {
        return "redis://127.0.0.1:" + port + "/" + experiment;
    }

    /** Kills the server and removes its directory; an interrupt while waiting is kept in the thread's flag. */
    @Override
    public void close() throws IOException {
        if (process != null) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
