package dev.gym4j.policy;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The ONNX models of the tests, built once per JVM by {@code make_models.py} with Python's torch and onnx, and
 * onnxruntime's results on them ({@code reference.json}). The interpreter is the system property
 * {@code gym4j.python}, else env {@code GYM4J_PYTHON}, else {@code python3}; without torch, onnx, onnxruntime
 * and numpy the calling test is skipped, or fails when env {@code CI=true}.
 */
final class PythonModels {

    private static Path dir;
    private static JsonNode reference;

    private PythonModels() {
    }

    static String python() {
        String p = System.getProperty("gym4j.python");
        if (p == null || p.isBlank()) {
            p = System.getenv("GYM4J_PYTHON");
        }
        return p == null || p.isBlank() ? "python3" : p;
    }

    /** @return the directory holding the models and reference.json */
    static synchronized Path dir() {
        if (dir != null) {
            return dir;
        }
        requirePython("import torch, onnx, onnxruntime, numpy");
        try {
            Path d = Files.createTempDirectory("gym4j-policy-models");
            Path script = d.resolve("make_models.py");
            try (InputStream in = PythonModels.class.getResourceAsStream("make_models.py")) {
                Files.copy(in, script);
            }
            Result r = run(List.of(python(), script.toString(), d.toString()), 180);
            if (r.code != 0) {
                fail("make_models.py failed (exit " + r.code + "):\n" + r.output);
            }
            dir = d;
            return d;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static synchronized JsonNode reference() {
        if (reference == null) {
            try {
                reference = new ObjectMapper().readTree(dir().resolve("reference.json").toFile());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return reference;
    }

    static Path model(String name) {
        return dir().resolve(name + ".onnx");
    }

    /** Skips (or fails on CI) unless {@code python -c code} succeeds. */
    private static String unavailable;

    static synchronized void requirePython(String code) {
        if (unavailable != null) {
            Assumptions.abort(unavailable);
        }
        Result r;
        try {
            r = run(List.of(python(), "-c", code), 120);
        } catch (IOException e) {
            r = new Result(-1, e.getMessage());
        }
        if (r.code != 0) {
            String why = python() + " cannot run '" + code + "' (set -Dgym4j.python or GYM4J_PYTHON): " + r.output;
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            unavailable = why;
            Assumptions.abort(why);
        }
    }

    record Result(int code, String output) {
    }

    static Result run(List<String> command, int timeoutSeconds) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
