package dev.gym4j.bridge;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.wrappers.Wrapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * An {@link EnvServer} in a process of its own, for the tests that kill or stop the server with real
 * signals: {@code main} serves CartPole-v1 (each step taking {@code args[1]} ms) and prints its endpoint.
 */
final class ServerProcess implements AutoCloseable {

    final Process process;
    final String endpoint;

    private ServerProcess(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts {@code java -cp <this JVM's class path> ServerProcess BIND STEP_MILLIS} and reads its endpoint. */
    static ServerProcess start(String bind, long stepMillis) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                ServerProcess.class.getName(), bind, Long.toString(stepMillis)).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("serving on ")) {
            p.destroyForcibly();
            throw new AssertionError("the server process did not start: " + line);
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe from filling up
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        return new ServerProcess(p, line.substring("serving on ".length()).strip());
    }

    /** Sends a real signal ("STOP", "CONT", "KILL") with kill(1). */
    void signal(String name) throws IOException, InterruptedException {
        Process k = new ProcessBuilder(new File("/bin/kill").exists() ? "/bin/kill" : "kill", "-" + name,
                Long.toString(process.pid())).inheritIO().start();
        if (!k.waitFor(10, TimeUnit.SECONDS) || k.exitValue() != 0) {
            throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
        }
        if (name.equals("STOP")) {
            awaitStopped(); // kill returns before every thread stopped: a fast path could still be answered
        }
    }

    private void awaitStopped() throws IOException, InterruptedException {
        java.nio.file.Path stat = java.nio.file.Path.of("/proc/" + process.pid() + "/stat");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            String s = java.nio.file.Files.readString(stat);
            if (s.substring(s.lastIndexOf(')') + 1).trim().startsWith("T")) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("process " + process.pid() + " did not stop");
    }

    /** Kills the server; an interrupt while waiting for it is kept in the thread's flag, not thrown. */
    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            try {
                signal("CONT");
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        long stepMillis = Long.parseLong(args[1]);
        EnvServer server = EnvServer.start(ServerOptions.defaults("CartPole-v1").withBind(args[0]),
                (id, kwargs) -> stepMillis > 0 ? new Slow<>(Gym.make(id, kwargs), stepMillis) : Gym.make(id, kwargs));
        System.out.println("serving on " + server.endpoint());
        System.out.flush();
        server.awaitTermination();
    }

    /** An env whose steps take a while, as a heavy simulator's do. */
    static final class Slow<O, A> extends Wrapper<O, A, O, A> {
        private final long millis;

        Slow(Env<O, A> env, long millis) {
            super(env);
            this.millis = millis;
        }

        @Override
        public StepResult<O> step(A action) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return env.step(action);
        }
    }
}
