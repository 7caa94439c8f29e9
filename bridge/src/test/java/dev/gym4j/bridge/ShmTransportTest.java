package dev.gym4j.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.InvalidActionException;
import dev.gym4j.api.ResetNeededException;
import dev.gym4j.bridge.proto.ErrorCode;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Response;
import dev.gym4j.bridge.proto.Step;
import dev.gym4j.bridge.proto.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shared-memory path: negotiation, the file's hygiene, errors through it, and a fuzzed request slot. */
class ShmTransportTest {

    @Test
    void theSpinRecoversAfterOneSlowAnswerAndShrinksOnlyWhileAnswersAreSlow() {
        long max = 50_000;
        assertEquals(max, ShmSession.adapt(0, 1_000, max), "a quick answer after a collapsed spin restores it at once");
        assertEquals(max, ShmSession.adapt(max, max, max));
        assertEquals(max / 2, ShmSession.adapt(max, 3 * max, max), "a slow answer halves it");
        long spin = max;
        for (int i = 0; i < 20; i++) {
            spin = ShmSession.adapt(spin, 1_000_000, max);
        }
        assertEquals(0, spin, "answers that keep coming slowly end spinning (a loaded machine blocks at once)");
    }

    @Test
    void aLoopbackClientTakesAnOwnerOnlyFileThatCloseRemoves() throws Exception {
        RemoteEnv<float[], Long> env = TestServers.connect("CartPole-v1", TestServers.Transport.SHM);
        Path file = Path.of(env.sharedMemoryPath());
        assertTrue(file.getFileName().toString().startsWith(ShmFile.PREFIX + ProcessHandle.current().pid() + "-"), file.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        env.reset(1L);
        assertEquals(1.0, env.step(1L).reward());
        env.close();
        assertFalse(Files.exists(file), file + " should be removed at close");
    }

    /**
     * The doorbell rule (PROTOCOL.md, "Doorbell"): an idle session's thread blocks with its waiting flag up and
     * uses no CPU, and a request then wakes it at once (a lost ring would cost the 100 ms blocking slice).
     */
    @Test
    void anIdleSessionSleepsWithItsFlagUpAndARequestWakesItAtOnce() throws Exception {
        try (RemoteEnv<float[], Long> env = TestServers.connect("CartPole-v1", TestServers.Transport.SHM)) {
            env.reset(1L);
            Path file = Path.of(env.sharedMemoryPath());
            Thread session = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("gym4j-shm " + file.getFileName())).findFirst().orElseThrow();
            java.nio.MappedByteBuffer header;
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
                header = ch.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, ShmFile.HEADER);
            }
            header.order(java.nio.ByteOrder.LITTLE_ENDIAN);
            Thread.sleep(200); // past the spin
            assertEquals(1L, header.getLong(ShmFile.OFF_SERVER_WAITING), "an idle session's thread waits with its flag up");
            long cpu = cpuNanos(session);
            Thread.sleep(1000);
            long used = cpuNanos(session) - cpu;
            assertTrue(used < 50_000_000L, "an idle session's thread used " + used / 1e6 + " ms of CPU in 1 s");
            long[] wake = new long[11];
            for (int i = 0; i < wake.length; i++) {
                Thread.sleep(150);
                long t0 = System.nanoTime();
                if (env.step((long) (i % 2)).terminated()) {
                    env.reset();
                }
                wake[i] = System.nanoTime() - t0;
            }
            java.util.Arrays.sort(wake);
            assertTrue(wake[wake.length / 2] < 20_000_000L, "a request to a sleeping session waited " + wake[wake.length / 2] / 1e6
                    + " ms (median of " + wake.length + ")");
            assertEquals(0L, header.getLong(ShmFile.OFF_CLIENT_WAITING), "the client lowers its flag once it has the reply");
        }
    }

    /** The thread's CPU time, through java.management by reflection (this test module does not read it). */
    private static long cpuNanos(Thread t) throws ReflectiveOperationException {
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        return (long) Class.forName("java.lang.management.ThreadMXBean").getMethod("getThreadCpuTime", long.class).invoke(bean, t.getId());
    }

    @Test
    void theOptionTurnsItOff() {
        try (RemoteEnv<float[], Long> env = RemoteEnv.connect(TestServers.registryServer(), "CartPole-v1", Map.of(),
                TestServers.fast().withSharedMemory(false))) {
            assertNull(env.sharedMemoryPath());
        }
        assertFalse(Connection.isSameHost("tcp://10.0.0.7:5555"));
        assertTrue(Connection.isSameHost("tcp://localhost:5555"));
    }

    @Test
    void errorsComeBackThroughTheFileAsOverZeroMq() {
        try (RemoteEnv<float[], Long> env = TestServers.connect("CartPole-v1", TestServers.Transport.SHM)) {
            assertThrows(ResetNeededException.class, () -> env.step(0L));
            env.reset(3L);
            assertThrows(InvalidActionException.class, () -> env.step(7L));
            assertNotNull(env.sharedMemoryPath(), "an error reply keeps the shared-memory path");
            assertEquals(1.0, env.step(0L).reward());
        }
    }

    @Test
    void tenThousandFuzzedRequestsInTheSlotNeverStopTheServer() throws Exception {
        try (EnvServer server = EnvServer.start(ServerOptions.defaults("CartPole-v1"))) {
            // A client that writes into the slot by hand: a handshake over ZeroMQ, then the file and its doorbell.
            Connection c = new Connection(server.endpoint(), TestServers.fast().withSharedMemory(false));
            Request.Builder hello = Handshake.request(null, Map.of(), 0).toBuilder();
            hello.getHelloBuilder().addCapabilities(Protocol.CAP_SHM);
            var offer = c.call(hello, 5000).getHello().getShm();
            ShmFile f = ShmFile.open(Path.of(offer.getPath()), offer.getSlotSize());
            ShmDoorbell bell = ShmDoorbell.connect(f.path, f.nonce());
            assertTrue(c.call(Request.newBuilder().setShmAttach(dev.gym4j.bridge.proto.ShmAttach.newBuilder()
                    .setNonce(com.google.protobuf.ByteString.copyFrom(f.nonce())).setPid(ProcessHandle.current().pid())), 5000)
                    .hasShmAttached());
            SplittableRandom random = new SplittableRandom(16);
            byte[] good = Request.newBuilder().setId(1).setStep(Step.newBuilder().setAction(Value.newBuilder()
                    .setTensor(Tensors.of(dev.gym4j.bridge.proto.DType.DTYPE_INT64, new int[0], new long[] {1})))).build().toByteArray();
            long seq = f.getAcquire(ShmFile.OFF_REQ_SEQ);
            int answered = 0;
            int errors = 0;
            for (int i = 0; i < 10_000; i++) {
                byte[] payload;
                int kind = random.nextInt(8) == 0 ? random.nextInt(-2, 6) : random.nextInt(1, 4);
                switch (random.nextInt(4)) {
                    case 0:
                        payload = new byte[random.nextInt(64)];
                        random.nextBytes(payload);
                        break;
                    case 1:
                        payload = java.util.Arrays.copyOf(good, random.nextInt(good.length + 1));
                        break;
                    case 2:
                        payload = good.clone();
                        payload[random.nextInt(payload.length)] ^= (byte) (1 << random.nextInt(8));
                        break;
                    default:
                        payload = new byte[random.nextInt(9) * 8];
                        random.nextBytes(payload);
                }
                if (closes(payload)) {
                    i--;
                    continue; // a Close ends the session, as it should: not what this test is after
                }
                f.buffer.put(f.requestSlot(), payload);
                int length = random.nextInt(50) == 0 ? random.nextInt() : payload.length;
                f.buffer.putInt(ShmFile.OFF_REQ_LEN, length);
                f.buffer.putInt(ShmFile.OFF_REQ_KIND, kind);
                f.setRelease(ShmFile.OFF_REQ_SEQ, ++seq);
                bell.ring();
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (f.getAcquire(ShmFile.OFF_REP_SEQ) != seq) {
                    assertTrue(System.nanoTime() < deadline, "no reply to fuzzed request " + i);
                    bell.await(1);
                }
                answered++;
                if (f.buffer.getInt(ShmFile.OFF_REP_KIND) == ShmFile.KIND_PROTO) {
                    byte[] reply = new byte[f.buffer.getInt(ShmFile.OFF_REP_LEN)];
                    f.buffer.get(f.replySlot(), reply);
                    try {
                        errors += Response.parseFrom(reply).hasError() ? 1 : 0;
                    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                        throw new AssertionError("the server wrote a reply that is not a Response", e);
                    }
                }
            }
            assertEquals(10_000, answered);
            assertTrue(errors > 5_000, "most fuzzed requests are refused: " + errors);
            assertNull(server.failure());
            try (RemoteEnv<float[], Long> good2 = RemoteEnv.connect(server.endpoint(), null, Map.of(), TestServers.fast(TestServers.Transport.SHM))) {
                assertEquals(4, good2.reset(1L).observation().length);
                assertEquals(1.0, good2.step(1L).reward());
            }
            // the fuzzed session still serves: a good reset through the slot
            byte[] reset = Request.newBuilder().setId(99).setReset(dev.gym4j.bridge.proto.Reset.getDefaultInstance()).build().toByteArray();
            f.buffer.put(f.requestSlot(), reset);
            f.buffer.putInt(ShmFile.OFF_REQ_LEN, reset.length);
            f.buffer.putInt(ShmFile.OFF_REQ_KIND, ShmFile.KIND_PROTO);
            f.setRelease(ShmFile.OFF_REQ_SEQ, ++seq);
            bell.ring();
            while (f.getAcquire(ShmFile.OFF_REP_SEQ) != seq) {
                bell.await(1);
            }
            byte[] reply = new byte[f.buffer.getInt(ShmFile.OFF_REP_LEN)];
            f.buffer.get(f.replySlot(), reply);
            assertTrue(Response.parseFrom(reply).hasReset(), "a good request after the fuzzing is answered");
            bell.close();
            c.close();
        }
    }

    private static boolean closes(byte[] payload) {
        try {
            return Request.parseFrom(payload).hasClose();
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            return false;
        }
    }

    @Test
    void aWrongNonceIsRefused() {
        try (EnvServer server = EnvServer.start(ServerOptions.defaults("CartPole-v1"))) {
            Connection c = new Connection(server.endpoint(), TestServers.fast().withSharedMemory(false));
            try {
                Request.Builder hello = Handshake.request(null, Map.of(), 0).toBuilder();
                hello.getHelloBuilder().addCapabilities(Protocol.CAP_SHM);
                Response h = c.call(hello, 5000);
                assertTrue(h.getHello().hasShm(), h.toString());
                Response r = c.call(Request.newBuilder().setShmAttach(dev.gym4j.bridge.proto.ShmAttach.newBuilder()
                        .setNonce(com.google.protobuf.ByteString.copyFrom(new byte[32])).setPid(1)), 5000);
                assertEquals(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, r.getError().getCode(), r.toString());
                c.call(Request.newBuilder().setClose(dev.gym4j.bridge.proto.Close.getDefaultInstance()), 5000);
                assertFalse(Files.exists(Path.of(h.getHello().getShm().getPath())), "close removes an unattached offer");
            } finally {
                c.close();
            }
        }
    }
}
