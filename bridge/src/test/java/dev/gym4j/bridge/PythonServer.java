package dev.gym4j.bridge;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts Python envs behind {@code gym4j_bridge.serve} once per test JVM: {@code bridge/python/tests/walk_server.py}
 * (a single env) and {@code vector_walk_server.py} (a pure-NumPy vector env of 4).
 */
final class PythonServer {

    private static final Map<String, String> ENDPOINTS = new HashMap<>();

    private PythonServer() {
    }

    /** @return the endpoint of the served single env (walk_server.py) */
    static String endpoint() {
        return endpoint("python/tests/walk_server.py");
    }

    /** @return the endpoint of the served vector env of 4 (vector_walk_server.py) */
    static String vectorEndpoint() {
        return endpoint("python/tests/vector_walk_server.py");
    }

    private static synchronized String endpoint(String path) {
        String known = ENDPOINTS.get(path);
        if (known != null) {
            return known;
        }
        File script = new File(path);
        String python = new File("/usr/bin/python3").exists() ? "/usr/bin/python3" : "python3";
        boolean ready = script.exists() && canImport(python);
        if (!ready && System.getenv("CI") != null) {
            throw new AssertionError(python + " with zmq, google.protobuf and numpy is needed (apt-get install python3-zmq python3-protobuf python3-numpy)");
        }
        Assumptions.assumeTrue(ready, "python3 with zmq, protobuf and numpy is not installed");
        try {
            Process process = new ProcessBuilder(python, script.getPath(), "tcp://127.0.0.1:0").redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.contains(" on ")) {
                process.destroyForcibly();
                throw new AssertionError(script.getName() + " did not start: " + line);
            }
            String endpoint = line.substring(line.indexOf(" on ") + 4).strip();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            ENDPOINTS.put(path, endpoint);
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
