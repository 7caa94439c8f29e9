package dev.gym4j.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.GymException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Dead servers are found within seconds, slow ones are waited for: a server process of its own, killed
 * with a real SIGKILL, while the client keeps its 30-second timeout. (A stopped server, SIGSTOP, is found
 * by the Python client's libzmq heartbeats, tests/test_liveness.py; JeroMQ 0.6's client-side heartbeat
 * timeout does not fire reliably, so the Java client is not held to it over ZeroMQ; over shared memory the
 * server's heartbeat word finds it.) Each runs over both transports.
 */
class LivenessTest {

    private static final ClientOptions PATIENT = ClientOptions.defaults().withTimeout(Duration.ofSeconds(30));

    private static ClientOptions patient(TestServers.Transport t) {
        return PATIENT.withSharedMemory(t == TestServers.Transport.SHM);
    }

    @ParameterizedTest
    @EnumSource(TestServers.Transport.class)
    void aKilledServerFailsTheNextCallWithinThreeSecondsNamingTheAddress(TestServers.Transport transport) throws Exception {
        try (ServerProcess server = ServerProcess.start("tcp://127.0.0.1:0", 0)) {
            RemoteEnv<float[], Integer> env = RemoteEnv.connect(server.endpoint, null, Map.of(), patient(transport));
            try {
                env.reset(0L);
                env.step(1);
                String file = env.sharedMemoryPath();
                transport.check(file, env.toString());
                server.signal("KILL");
                server.process.waitFor();
                assertFailsFast(() -> env.step(0), file != null ? file : server.endpoint);
                assertFailsFast(() -> env.reset(1L), server.endpoint); // still gone: fails fast again
                try (ServerProcess again = ServerProcess.start(server.endpoint, 0)) {
                    // back: reset reconnects, the new server took the address and removed the dead one's file
                    assertEquals(4, env.reset(0L).observation().length);
                    env.step(1);
                    transport.check(env.sharedMemoryPath(), env.toString());
                    if (file != null) {
                        assertFalse(Files.exists(Path.of(file)), "the killed server's " + file + " should be removed by the new one");
                    }
                }
            } finally {
                env.close();
            }
        }
    }

    @Test
    void aStoppedServerFailsTheNextSharedMemoryCallWithinThreeSecondsNamingTheFile() throws Exception {
        try (ServerProcess server = ServerProcess.start("tcp://127.0.0.1:0", 0)) {
            RemoteEnv<float[], Integer> env = RemoteEnv.connect(server.endpoint, null, Map.of(), patient(TestServers.Transport.SHM));
            try {
                env.reset(0L);
                String file = env.sharedMemoryPath();
                TestServers.Transport.SHM.check(file, env.toString());
                server.signal("STOP");
                assertFailsFast(() -> env.step(0), file);
                server.signal("CONT");
                assertEquals(4, env.reset(0L).observation().length); // it answers again: reset reconnects
            } finally {
                env.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestServers.Transport.class)
    void aServerWhoseEnvTakesFiveSecondsPerStepIsWaitedFor(TestServers.Transport transport) throws Exception {
        try (ServerProcess server = ServerProcess.start("tcp://127.0.0.1:0", 5000)) {
            RemoteEnv<float[], Integer> env = RemoteEnv.connect(server.endpoint, null, Map.of(), patient(transport));
            try {
                env.reset(0L);
                transport.check(env.sharedMemoryPath(), env.toString());
                long start = System.nanoTime();
                assertEquals(1.0, env.step(1).reward());
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis >= 4900, "the step took " + millis + " ms");
            } finally {
                env.close();
            }
        }
    }

    private static void assertFailsFast(Runnable call, String named) {
        long start = System.nanoTime();
        GymException e = assertThrows(GymException.class, call::run);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 3000, "failed after " + millis + " ms: " + e.getMessage());
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }
}
