package dev.gym4j.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gym4j serve-policy} as a real process, answered over real HTTP, stopped with SIGTERM. */
class ServePolicyCommandTest {

    @TempDir
    Path dir;

    private static Process launch(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String http(String method, String url, String body, int[] status) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(5000);
        c.setReadTimeout(30000);
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            try (OutputStream os = c.getOutputStream()) {
                os.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        status[0] = c.getResponseCode();
        try (InputStream in = status[0] < 400 ? c.getInputStream() : c.getErrorStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void servesPingAndInvocationsWithTheActionsOfPythonOnnxruntimeUntilSigterm() throws Exception {
        PolicyPython.require("torch, onnxruntime, numpy");
        Path model = dir.resolve("P.onnx");
        PolicyPython.exportCartPoleMlp(model);
        String[] lines = PolicyPython.run(dir, """
                import json, sys, numpy as np, onnxruntime as ort
                obs = np.random.default_rng(4).uniform(-0.2, 0.2, (16, 4)).astype(np.float32)
                sess = ort.InferenceSession(sys.argv[1], providers=["CPUExecutionProvider"])
                print(json.dumps(obs.tolist()))
                print(json.dumps(sess.run(["logits"], {"obs": obs})[0].argmax(axis=1).tolist()))
                """, model.toString()).strip().split("\n");
        String observations = lines[0];
        String expected = lines[1];

        Process p = launch("serve-policy", model.toString(), "--env", "CartPole-v1", "--port", "0");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("serving " + model + " (categorical"), String.valueOf(line));
            Matcher m = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+) ").matcher(line);
            assertTrue(m.find(), "loopback by default: " + line);
            String base = "http://127.0.0.1:" + m.group(1);
            int[] status = new int[1];
            String ping = http("GET", base + "/ping", null, status);
            assertEquals(200, status[0], ping);
            String answer = http("POST", base + "/invocations", "{\"observations\": " + observations + "}", status);
            assertEquals(200, status[0], answer);
            assertTrue(answer.startsWith("{\"actions\":" + expected.replace(" ", "") + ","), answer + " vs " + expected);
            String bad = http("POST", base + "/invocations", "{\"observations\": [[1, 2]", status);
            assertEquals(400, status[0], bad);
            assertTrue(bad.contains("the body is not valid JSON"), bad);
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
            assertEquals(143, p.exitValue(), "exit status of a JVM stopped by SIGTERM after its shutdown hooks");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void argumentErrorsAreOneLineWithStatus2() throws Exception {
        Cli missing = Cli.run("serve-policy", dir.resolve("nope.onnx").toString());
        assertEquals(2, missing.status(), missing.toString());
        assertTrue(missing.err().contains("no such file or directory"), missing.toString());
        Path bare = Files.write(dir.resolve("m.onnx"), new byte[] {8, 1});
        Cli noMeta = Cli.run("serve-policy", bare.toString());
        assertEquals(2, noMeta.status(), noMeta.toString());
        assertTrue(noMeta.err().contains("has no metadata beside it"), noMeta.toString());
        Cli notOnnx = Cli.run("serve-policy", bare.toString(), "--env", "CartPole-v1");
        assertEquals(2, notOnnx.status(), notOnnx.toString());
        assertTrue(notOnnx.err().contains("is not an ONNX model"), notOnnx.toString());
        assertEquals(1, notOnnx.err().lines().count(), notOnnx.toString());
        Cli empty = Cli.run("serve-policy", Files.createDirectory(dir.resolve("model")).toString());
        assertTrue(empty.err().contains("without policy.onnx and with no .onnx files"), empty.toString());
    }
}
