package dev.gym4j.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer's workers and learner over the bridge's real transports (ZeroMQ with a directory or a ZeroMQ policy
 * store, Redis Streams with a Redis policy store) give exactly the in-memory run: the transport does not change the
 * result.
 */
class TransportTest {

    static DeterminismTest.Run run(PpoConfig config, PpoTrainer.Transport transport) throws InterruptedException {
        List<Map<String, Object>> metrics = new ArrayList<>();
        try (PpoTrainer t = PpoTrainer.create("CartPole-v1", Map.of(), config, transport)) {
            t.train(r -> metrics.add(r.metrics()), Long.MAX_VALUE, null);
            return new DeterminismTest.Run(metrics, t.parameters(), t.policyOnnx());
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void zeroMqAndADirectoryStoreGiveTheInMemoryResult(@TempDir Path dir) throws Exception {
        PpoConfig config = DeterminismTest.config(Map.of("num_workers", 2));
        DeterminismTest.Run memory = DeterminismTest.run(config);
        DeterminismTest.Run zmq = run(config, new PpoTrainer.Transport("zmq://127.0.0.1:" + freePort(),
                "dir:" + dir.resolve("policies"), "t13-" + UUID.randomUUID(), true));
        assertEquals(memory.metrics(), zmq.metrics());
        assertArrayEquals(memory.params(), zmq.params());
    }

    @Test
    void zeroMqForExperienceAndPoliciesGivesTheInMemoryResult() throws Exception {
        PpoConfig config = DeterminismTest.config(Map.of("num_workers", 2));
        DeterminismTest.Run memory = DeterminismTest.run(config);
        DeterminismTest.Run zmq = run(config, new PpoTrainer.Transport("zmq://127.0.0.1:" + freePort(),
                "zmq://127.0.0.1:" + freePort(), "t13-" + UUID.randomUUID(), true));
        assertEquals(memory.metrics(), zmq.metrics());
        assertArrayEquals(memory.params(), zmq.params());
    }

    @Test
    void redisGivesTheInMemoryResult() throws Exception {
        boolean up;
        try {
            new Socket("127.0.0.1", 6379).close();
            up = true;
        } catch (java.io.IOException e) {
            up = false;
        }
        if ("true".equals(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.assertTrue(up, "no Redis on 127.0.0.1:6379");
        }
        assumeTrue(up, "no Redis on 127.0.0.1:6379");
        PpoConfig config = DeterminismTest.config(Map.of());
        DeterminismTest.Run memory = DeterminismTest.run(config);
        String experiment = "t13-" + UUID.randomUUID();
        DeterminismTest.Run redis = run(config, new PpoTrainer.Transport("redis://127.0.0.1:6379/" + experiment,
                "redis://127.0.0.1:6379", experiment, true));
        assertEquals(memory.metrics(), redis.metrics());
        assertArrayEquals(memory.params(), redis.params());
    }
}
