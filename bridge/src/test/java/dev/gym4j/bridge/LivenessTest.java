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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Dead and hung servers are found within seconds, slow ones are waited for: a server process of its own,
 * killed (SIGKILL) or stopped (SIGSTOP) with real signals, while the client keeps its 30-second timeout.
 * Over ZeroMQ a stopped server is found by the client's Pings on a second socket while a call waits (JeroMQ
 * 0.6's own heartbeat timeout does not fire reliably); over shared memory by the server's heartbeat word. A slow
 * step answers them meanwhile. The kill and slow-step cases run over both transports.
 */
class LivenessTest {

    private static final ClientOptions PATIENT = ClientOptions.defaults().withTimeout(Duration.ofSeconds(30));

    private static ClientOptions patient(TestServers.Transport t) {
        return PATIENT.withSharedMemory(t == TestServers.Transport.SHM);
    }

    // "try": the second server is only held open (and then stopped) around the block, never called.
    @SuppressWarnings("try")
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

    @Test
    void aStoppedServerFailsThePendingCallAndAnIdleClientsNextCallWithinThreeSeconds() throws Exception {
        ExecutorService exec = Executors.newSingleThreadExecutor();
        try (ServerProcess server = ServerProcess.start("tcp://127.0.0.1:0", 1000)) {
            RemoteEnv<float[], Integer> busy = RemoteEnv.connect(server.endpoint, null, Map.of(), PATIENT);
            RemoteEnv<float[], Integer> idle = RemoteEnv.connect(server.endpoint, null, Map.of(), PATIENT);
            try {
                busy.reset(0L);
                idle.reset(0L);
                Future<?> pending = exec.submit(() -> busy.step(1)); // takes a second on the server
                Thread.sleep(300);
                server.signal("STOP");
                long stopped = System.nanoTime();
                ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(20, TimeUnit.SECONDS));
                long millis = (System.nanoTime() - stopped) / 1_000_000;
                assertTrue(millis < 3000, "the pending step failed " + millis + " ms after SIGSTOP: " + e.getCause());
                assertTrue(e.getCause().getMessage().contains(server.endpoint), e.getCause().getMessage());
                assertFailsFast(() -> idle.step(0), server.endpoint);
                server.signal("CONT");
                assertEquals(4, busy.reset(2L).observation().length); // running again: reset reconnects
                assertEquals(1.0, busy.step(0).reward());
            } finally {
                busy.close();
                idle.close();
            }
        } finally {
            exec.shutdownNow();
        }
    }

    private static void assertFailsFast(Runnable call, String named) {        long start = System.nanoTime();
        GymException e = assertThrows(GymException.class, call::run);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 3000, "failed after " + millis + " ms: " + e.getMessage());
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }
}
