package dev.gym4j.bridge;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts Python envs behind {@code gym4j_bridge.serve} once per test JVM: {@code bridge/python/tests/walk_server.py}
 * (a single env) and {@code vector_walk_server.py} (a pure-NumPy vector env of 4).
 *
 * <p>The interpreter is system property {@code gym4j.python}, else environment variable {@code GYM4J_PYTHON}, else
 * {@code /usr/bin/python3} (where Debian's python3-zmq/-protobuf/-numpy live), else {@code python3}. When it cannot
 * import zmq, numpy and google.protobuf, {@link #requirePython()} skips the calling tests, or fails them under
 * {@code CI}; test classes call it before any test or property runs.
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
        requirePython();
        String python = python();
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

    private static Boolean ready;

    /** @return the Python interpreter the bridge's Python-backed tests use */
    static String python() {
        String p = System.getProperty("gym4j.python");
        if (p == null || p.isBlank()) {
            p = System.getenv("GYM4J_PYTHON");
        }
        if (p == null || p.isBlank()) {
            p = new File("/usr/bin/python3").exists() ? "/usr/bin/python3" : "python3";
        }
        return p;
    }

    /**
     * Skips the caller (a JUnit assumption) when {@link #python()} cannot import zmq, numpy and google.protobuf or
     * the served scripts are missing; under {@code CI} fails instead, since CI installs them.
     */
    static synchronized void requirePython() {
        if (!pythonReady() && System.getenv("CI") != null) {
            throw new AssertionError(python() + " with zmq, google.protobuf and numpy is needed (apt-get install python3-zmq python3-protobuf python3-numpy)");
        }
        Assumptions.assumeTrue(ready, python() + " with zmq, protobuf and numpy is not installed");
    }

    /** @return whether {@link #python()} can run the served scripts (checked once per JVM) */
    static synchronized boolean pythonReady() {
        if (ready == null) {
            ready = new File("python/tests/walk_server.py").exists() && canImport(python());
        }
        return ready;
    }

    /** jqwik's form of {@link #requirePython()}: skips properties before they run; under CI, fails them. */
    static final class SkipWithoutPython implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            if (pythonReady()) {
                return SkipResult.doNotSkip();
            }
            if (System.getenv("CI") != null) {
                throw new AssertionError(python() + " with zmq, google.protobuf and numpy is needed (apt-get install python3-zmq python3-protobuf python3-numpy)");
            }
            return SkipResult.skip(python() + " with zmq, protobuf and numpy is not installed");
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
