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
        private final Thread reader;

        /** Waits for the process to end and for its last output lines to be read. */
        int exitValue(int seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("did not end within " + seconds + " s: " + all);
            }
            reader.join(10_000);
            return process.exitValue();
        }

        Child(ProcessBuilder pb) throws IOException {
            pb.redirectErrorStream(true); // stderr lines are kept too, for the failure messages
            process = pb.start();
            reader = new Thread(() -> {
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
            reader.setDaemon(true);
            reader.start();
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

        /**
         * Sends SIGTERM with kill(1) and waits for the exit status. (Not Process.destroy: it closes our end of the
         * child's output pipes at once, so what the child prints while it stops would be lost.)
         */
        int terminate(int seconds) throws InterruptedException, IOException {
            Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -TERM " + process.pid() + " failed");
            }
            return exitValue(seconds);
        }

        /** Sends SIGKILL. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            reader.join(10_000);
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
