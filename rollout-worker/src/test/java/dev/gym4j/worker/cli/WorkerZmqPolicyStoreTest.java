package dev.gym4j.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.bridge.experience.ExperienceSource;
import dev.gym4j.bridge.experience.ExperienceTransports;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ZeroMQ policy store between real processes: a Python publisher ({@code PolicyPublisher("zmq://...")}, the
 * spaces as Gymnasium's CartPole-v1 declares them) and a {@code gym4j worker} that starts after the first version
 * was published. The worker acts with it from the start, refuses a version for other spaces and goes on, follows the
 * publisher through a SIGKILL and a restart on the same port, and every trajectory carries the version that acted.
 */
class WorkerZmqPolicyStoreTest {

    @TempDir
    Path tmp;

    @Test
    void aLateWorkerFollowsAPythonPublisherThroughItsRestartAndRefusesOtherSpaces() throws Exception {
        PolicyPython.require("numpy, zmq, onnx, gymnasium, google.protobuf");
        Path script = tmp.resolve("zmq_policy_publisher.py");
        try (InputStream in = getClass().getResourceAsStream("zmq_policy_publisher.py")) {
            Files.copy(in, script);
        }
        String store = "zmq://127.0.0.1:" + WorkerCommandTest.freePort();
        String experience = "zmq://127.0.0.1:" + WorkerCommandTest.freePort();
        List<Long> versions = new CopyOnWriteArrayList<>();
        AtomicBoolean draining = new AtomicBoolean(true);
        try (ExperienceSource source = ExperienceTransports.openSource(experience, "zp")) {
            Thread drain = new Thread(() -> {
                try {
                    while (draining.get()) {
                        var t = source.poll(Duration.ofMillis(200));
                        if (t.isPresent()) {
                            versions.add(t.get().policyVersion());
                            source.acknowledge(t.get());
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            drain.start();
            WorkerProcesses.Child publisher = WorkerProcesses.python(script, store, "zp");
            try {
                publisher.await("BOUND", 120);
                command(publisher, "publish 1");
                publisher.await("PUBLISHED 1", 30);
                try (WorkerProcesses.Child worker = WorkerProcesses.gym4j("worker", "CartPole-v1", "--experience",
                        experience, "--experiment", "zp", "--policy-store", store, "--worker-id", "w",
                        "--num-envs", "2", "--fragment-length", "16", "--seed", "5", "--wait-for-policy")) {
                    worker.await("gym4j worker w: now acting with policy v1", 60);
                    awaitVersion(versions, 1);
                    assertEquals(1L, versions.get(0), "a late worker acts with the latest version from the start: "
                            + versions);

                    command(publisher, "publish 2 wrong");
                    String refused = worker.await("gym4j worker: refused policy v2", 30);
                    assertTrue(refused.contains("Discrete(3)") && refused.contains("Discrete(2)"), refused);

                    publisher.kill(); // SIGKILL: no goodbye
                    publisher = WorkerProcesses.python(script, store, "zp");
                    publisher.await("BOUND", 120);
                    command(publisher, "publish 3");
                    worker.await("gym4j worker w: now acting with policy v3", 60);
                    awaitVersion(versions, 3);
                    assertEquals(143, worker.terminate(60), "SIGTERM exit status");
                    assertTrue(worker.all.stream().anyMatch(l -> l.contains("all acknowledged")), worker.all.toString());
                }
            } finally {
                publisher.close();
                draining.set(false);
                drain.join(5_000);
            }
        }
        assertFalse(versions.contains(2L), "the refused version never acted: " + versions);
        for (int i = 1; i < versions.size(); i++) {
            assertTrue(versions.get(i) >= versions.get(i - 1), "versions never go back: " + versions);
        }
        System.out.println("zmq policy store: " + versions.size() + " trajectories, versions "
                + new java.util.TreeSet<>(versions));
    }

    private static void command(WorkerProcesses.Child publisher, String line) throws java.io.IOException {
        publisher.process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        publisher.process.getOutputStream().flush();
    }

    private static void awaitVersion(List<Long> versions, long version) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!versions.contains(version)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no trajectory of policy v" + version + " arrived: " + versions);
            }
            Thread.sleep(50);
        }
    }
}
