package dev.gym4j.bridge;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Starts {@code bridge/python/tests/walk_server.py} (a Python env behind {@code gym4j_bridge.serve}) once per test JVM. */
final class PythonServer {

    private static Process process;
    private static String endpoint;

    private PythonServer() {
    }

    static synchronized String endpoint() {
        if (endpoint != null) {
            return endpoint;
        }
        File script = new File("python/tests/walk_server.py");
        String python = new File("/usr/bin/python3").exists() ? "/usr/bin/python3" : "python3";
        boolean ready = script.exists() && canImport(python);
        if (!ready && System.getenv("CI") != null) {
            throw new AssertionError(python + " with zmq, google.protobuf and numpy is needed (apt-get install python3-zmq python3-protobuf python3-numpy)");
        }
        Assumptions.assumeTrue(ready, "python3 with zmq, protobuf and numpy is not installed");
        try {
            process = new ProcessBuilder(python, script.getPath(), "tcp://127.0.0.1:0").redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.contains(" on ")) {
                process.destroyForcibly();
                throw new AssertionError("walk_server.py did not start: " + line);
            }
            endpoint = line.substring(line.indexOf(" on ") + 4).strip();
            Process p = process;
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
            return endpoint;
        } catch (IOException e) {
            throw new AssertionError("cannot start " + python + ": " + e.getMessage(), e);
        }
    }

    private static boolean canImport(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import zmq, numpy, google.protobuf").redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
