package dev.gym4j.worker.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Real {@code gym4j} processes (this test class path's Main) with their output collected line by line. */
final class WorkerProcesses {

    private WorkerProcesses() {
    }

    /** A child process whose stdout lines are queued as they come. */
    static final class Child implements AutoCloseable {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());

        Child(ProcessBuilder pb) throws IOException {
            pb.redirectErrorStream(true); // stderr lines are kept too, for the failure messages
            process = pb.start();
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        all.add(line);
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process went away
                }
            });
            t.setDaemon(true);
            t.start();
        }

        /** Waits for a line starting with {@code prefix}; fails after {@code seconds}. */
        String await(String prefix, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (true) {
                long left = deadline - System.nanoTime();
                String line = lines.poll(Math.max(1, left / 1_000_000), TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
                if (line == null && System.nanoTime() >= deadline) {
                    throw new AssertionError("no line starting with '" + prefix + "' within " + seconds + " s; got "
                            + all);
                }
            }
        }

        /** Sends SIGTERM (Process.destroy on Unix) and waits for the exit status. */
        int terminate(int seconds) throws InterruptedException {
            process.destroy();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("did not stop within " + seconds + " s of SIGTERM: " + all);
            }
            return process.exitValue();
        }

        /** Sends SIGKILL. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** {@code gym4j ARGS} in a new JVM. */
    static Child gym4j(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-XX:+UseSerialGC", "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), "dev.gym4j.worker.cli.Main"));
        cmd.addAll(List.of(args));
        return new Child(new ProcessBuilder(cmd));
    }

    /** A Java main of the test class path in a new JVM. */
    static Child javaMain(Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-XX:+UseSerialGC", "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return new Child(new ProcessBuilder(cmd));
    }

    /** A Python script with bridge/python on its path. */
    static Child python(Path script, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(PolicyPython.python(), "-u", script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PYTHONPATH", Path.of("..", "bridge", "python").toAbsolutePath().normalize().toString());
        return new Child(pb);
    }
}
