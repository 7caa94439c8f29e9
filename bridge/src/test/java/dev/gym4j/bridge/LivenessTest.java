package dev.gym4j.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.GymException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dead servers are found within seconds, slow ones are waited for: a server process of its own, killed
 * with a real SIGKILL, while the client keeps its 30-second timeout. (A stopped server, SIGSTOP, is found
 * by the Python client's libzmq heartbeats, tests/test_liveness.py; JeroMQ 0.6's client-side heartbeat
 * timeout does not fire reliably, so the Java client is not held to it here.)
 */
class LivenessTest {

    private static final ClientOptions PATIENT = ClientOptions.defaults().withTimeout(Duration.ofSeconds(30));

    @Test
    void aKilledServerFailsTheNextCallWithinThreeSecondsNamingTheAddress() throws Exception {
        try (ServerProcess server = ServerProcess.start("tcp://127.0.0.1:0", 0)) {
            RemoteEnv<float[], Integer> env = RemoteEnv.connect(server.endpoint, null, Map.of(), PATIENT);
            try {
                env.reset(0L);
                env.step(1);
                server.signal("KILL");
                server.process.waitFor();
                assertFailsFast(() -> env.step(0), server.endpoint);
                assertFailsFast(() -> env.reset(1L), server.endpoint); // still gone: fails fast again
                try (ServerProcess again = ServerProcess.start(server.endpoint, 0)) {
                    assertEquals(4, env.reset(0L).observation().length); // back: reset reconnects
                    env.step(1);
                }
            } finally {
                env.close();
            }
        }
    }

    @Test
    void aServerWhoseEnvTakesFiveSecondsPerStepIsWaitedFor() throws Exception {
        try (ServerProcess server = ServerProcess.start("tcp://127.0.0.1:0", 5000)) {
            RemoteEnv<float[], Integer> env = RemoteEnv.connect(server.endpoint, null, Map.of(), PATIENT);
            try {
                env.reset(0L);
                long start = System.nanoTime();
                assertEquals(1.0, env.step(1).reward());
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis >= 4900, "the step took " + millis + " ms");
            } finally {
                env.close();
            }
        }
    }

    private static void assertFailsFast(Runnable call, String address) {
        long start = System.nanoTime();
        GymException e = assertThrows(GymException.class, call::run);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 3000, "failed after " + millis + " ms: " + e.getMessage());
        assertTrue(e.getMessage().contains(address), e.getMessage());
    }
}
