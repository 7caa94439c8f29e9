package dev.gym4j.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.replay.internal.json.Json;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: two {@code gym4j worker} processes and a Python trainer (gym4j_bridge.ExperienceReader over ZeroMQ,
 * PolicyPublisher to a directory) on this machine. The trainer publishes a {@code torch.onnx.export}ed MLP, both
 * workers switch to it, their trajectories then carry version 1, and on SIGTERM each worker ships what it holds:
 * the trainer received exactly the sequences each worker says it shipped.
 */
class WorkerEndToEndTest {

    @TempDir
    Path tmp;

    @Test
    void twoWorkersSwitchToAPolicyPublishedFromPython() throws Exception {
        PolicyPython.require("numpy, zmq, torch, onnx, google.protobuf");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path script = tmp.resolve("e2e_consumer.py");
        try (InputStream in = getClass().getResourceAsStream("e2e_consumer.py")) {
            Files.copy(in, script);
        }
        String uri = "zmq://127.0.0.1:" + port;
        String store = "dir:" + tmp.resolve("policies");
        Path stop = tmp.resolve("stop");
        try (WorkerProcesses.Child trainer = WorkerProcesses.python(script, uri, "e2e", store, "w1,w2",
                stop.toString(), tmp.resolve("mlp.onnx").toString())) {
            trainer.await("LISTENING", 120);
            try (WorkerProcesses.Child w1 = worker(uri, store, "w1", 1);
                    WorkerProcesses.Child w2 = worker(uri, store, "w2", 2)) {
                trainer.await("PUBLISHED 1", 60);
                w1.await("gym4j worker w1: now acting with policy v1", 60);
                w2.await("gym4j worker w2: now acting with policy v1", 60);
                trainer.await("SWITCHED", 60);
                assertEquals(143, w1.terminate(60), "SIGTERM exit status");
                assertEquals(143, w2.terminate(60));
                long shipped1 = shipped(w1.all);
                long shipped2 = shipped(w2.all);
                Files.writeString(stop, "");
                String summary = trainer.await("{", 60);
                @SuppressWarnings("unchecked")
                Map<String, Object> s = (Map<String, Object>) Json.parse(summary);
                @SuppressWarnings("unchecked")
                Map<String, List<Object>> seqs = (Map<String, List<Object>>) s.get("sequences");
                assertEquals(shipped1, seqs.get("w1").size(), "w1: " + s);
                assertEquals(shipped2, seqs.get("w2").size(), "w2: " + s);
                assertEquals(shipped1 - 1, ((Number) seqs.get("w1").get(seqs.get("w1").size() - 1)).longValue());
                assertEquals(0, ((Number) s.get("duplicates")).intValue());
                System.out.println("end-to-end: w1 shipped " + shipped1 + ", w2 shipped " + shipped2
                        + "; the trainer got " + s.get("versions") + " (by policy version)");
                assertTrue(w1.all.stream().anyMatch(l -> l.contains("all acknowledged")), w1.all.toString());
            }
        }
    }

    private static WorkerProcesses.Child worker(String uri, String store, String id, int seed) throws Exception {
        return WorkerProcesses.gym4j("worker", "CartPole-v1", "--experience", uri, "--experiment", "e2e",
                "--policy-store", store, "--worker-id", id, "--num-envs", "4", "--fragment-length", "32",
                "--seed", Integer.toString(seed), "--metrics-interval", "2");
    }

    static long shipped(List<String> lines) {
        Pattern p = Pattern.compile("shipped (\\d+) trajectories");
        synchronized (lines) {
            for (String l : lines) {
                Matcher m = p.matcher(l);
                if (m.find()) {
                    return Long.parseLong(m.group(1));
                }
            }
        }
        throw new AssertionError("no 'shipped N trajectories' line in " + lines);
    }
}
