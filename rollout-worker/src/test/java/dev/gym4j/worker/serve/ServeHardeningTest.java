package dev.gym4j.worker.serve;

import static dev.gym4j.worker.serve.ServeProcess.answering;
import static dev.gym4j.worker.serve.ServeProcess.bytes;
import static dev.gym4j.worker.serve.ServeProcess.call;
import static dev.gym4j.worker.serve.ServeProcess.dealer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.gym4j.api.Env;
import dev.gym4j.api.GymException;
import dev.gym4j.bridge.ClientOptions;
import dev.gym4j.bridge.RemoteEnv;
import dev.gym4j.bridge.proto.DType;
import dev.gym4j.bridge.proto.ErrorCode;
import dev.gym4j.bridge.proto.Hello;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Reset;
import dev.gym4j.bridge.proto.Response;
import dev.gym4j.bridge.proto.Seed;
import dev.gym4j.bridge.proto.Tensor;
import dev.gym4j.bridge.proto.Value;
import dev.gym4j.bridge.proto.ValueEntry;
import dev.gym4j.bridge.proto.ValueMap;
import dev.gym4j.worker.cli.CliTestEnvProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Issue 17's five ways to take down {@code gym4j serve}, each against a real server process with a
 * 256 MiB heap: after each, the server still runs, a well-behaved client that stepped throughout never
 * waited 3 s or more, and a new client is served within 3 s. And the one way the process should end: a
 * fatal error outside any request, with a non-zero status and a clear last line.
 */
class ServeHardeningTest {

    private static final double BOUND = 3.0;

    private static Request.Builder hello(long id) {
        return Request.newBuilder().setId(id).setHello(Hello.newBuilder().setProtocolVersion(1));
    }

    /** Runs {@code attack} against a fresh server while a steady client steps, then checks the server's health. */
    private static void survives(String[] serveArgs, Attack attack) throws Exception {
        try (ServeProcess server = ServeProcess.start(serveArgs); ZContext ctx = new ZContext(1)) {
            ServeProcess.SteadyClient steady = new ServeProcess.SteadyClient(server.endpoint);
            try {
                while (steady.calls() < 10) {
                    Thread.sleep(10);
                }
                attack.run(server, ctx);
                long before = steady.calls();
                Thread.sleep(300);
                assertTrue(steady.calls() > before, "the steady client makes progress after the attack");
                double slowest = steady.stop();
                assertTrue(slowest < BOUND, "the steady client's slowest call took " + slowest + " s");
            } finally {
                steady.close();
            }
            assertTrue(server.alive(), "the server still runs: " + server.output());
            double fresh = server.freshClientSeconds();
            assertTrue(fresh < BOUND, "a new client took " + fresh + " s");
        }
    }

    @FunctionalInterface
    interface Attack {
        void run(ServeProcess server, ZContext ctx) throws Exception;
    }

    /** Point 1: a Hello whose kwargs hold a tensor with 3 bytes for one float32. */
    @Test
    void aMalformedTensorInHelloKwargsGetsAnError() throws Exception {
        survives(new String[] {"--quiet"}, (server, ctx) -> {
            ZMQ.Socket s = answering(ctx, server.endpoint, 10_000);
            Tensor bad = Tensor.newBuilder().setDtype(DType.DTYPE_FLOAT32).addShape(1).setData(ByteString.copyFrom(new byte[3])).build();
            Request.Builder r = hello(5);
            r.getHelloBuilder().setKwargs(ValueMap.newBuilder().addEntries(ValueEntry.newBuilder().setKey("x")
                    .setValue(Value.newBuilder().setTensor(bad))));
            byte[] message = bytes(r);
            assertTrue(message.length < 40, "the probe's message is small: " + message.length);
            for (int i = 0; i < 3; i++) {
                Response reply = call(s, message, 3000);
                assertNotNull(reply);
                assertEquals(ErrorCode.ERROR_CODE_BAD_MESSAGE, reply.getError().getCode(), reply.toString());
                assertTrue(reply.getError().getMessage().contains("needs 4 bytes, got 3"), reply.getError().getMessage());
            }
        });
    }

    /** Point 2: num_envs 2^31 - 1 and 5 x 10^7 are over the limit; the largest allowed one is served. */
    @Test
    void hugeNumEnvsAreRefusedByTheLimit() throws Exception {
        survives(new String[] {"--quiet"}, (server, ctx) -> {
            ZMQ.Socket s = answering(ctx, server.endpoint, 10_000);
            for (int n : new int[] {Integer.MAX_VALUE, 50_000_000, 1025, -1}) {
                Request.Builder r = hello(n);
                r.getHelloBuilder().setNumEnvs(n);
                Response reply = call(s, bytes(r), 3000);
                assertNotNull(reply, "a reply to num_envs " + n);
                assertEquals(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, reply.getError().getCode(), reply.toString());
            }
            Request.Builder ok = hello(9);
            ok.getHelloBuilder().setNumEnvs(1024);
            Response reply = call(s, bytes(ok), 10_000);
            assertNotNull(reply);
            assertEquals(1024, reply.getHello().getEnv().getNumEnvs(), reply.getError().getMessage());
        });
    }

    /** Point 3: seeds of 1 and 16 MiB (with the limit raised to allow them) cost milliseconds, not minutes. */
    @Test
    void bigSeedsAreDecodedInLinearTime() throws Exception {
        survives(new String[] {"--quiet", "--max-seed-bytes", "" + (16 << 20)}, (server, ctx) -> {
            ZMQ.Socket s = answering(ctx, server.endpoint, 10_000);
            assertTrue(call(s, bytes(hello(1)), 3000).hasHello());
            Random random = new Random(3);
            for (int size : new int[] {1 << 20, 16 << 20}) {
                byte[] seed = new byte[size];
                random.nextBytes(seed);
                seed[0] |= 1;
                Request.Builder r = Request.newBuilder().setId(2).setReset(Reset.newBuilder().setSeed(Seed.newBuilder()
                        .setMagnitude(ByteString.copyFrom(seed))));
                long t0 = System.nanoTime();
                Response reply = call(s, bytes(r), 30_000);
                assertNotNull(reply, "a reply to a seed of " + size + " bytes");
                assertTrue(reply.hasReset(), reply.getError().getMessage());
                assertTrue(System.nanoTime() - t0 < 15_000_000_000L, "a " + size + "-byte seed took " + (System.nanoTime() - t0) / 1e9 + " s");
            }
        });
        survives(new String[] {"--quiet"}, (server, ctx) -> {
            ZMQ.Socket s = answering(ctx, server.endpoint, 10_000);
            assertTrue(call(s, bytes(hello(1)), 3000).hasHello());
            Request.Builder r = Request.newBuilder().setId(2).setReset(Reset.newBuilder().setSeed(Seed.newBuilder()
                    .setMagnitude(ByteString.copyFrom(new byte[1 << 20]))));
            Response reply = call(s, bytes(r), 3000);
            assertEquals(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, reply.getError().getCode());
            assertTrue(reply.getError().getMessage().contains("--max-seed-bytes"), reply.getError().getMessage());
        });
    }

    /**
     * Point 4: floods of Hellos, from clients that vanish and from clients that stay silent, do not lock
     * others out. The limits are lowered (100 clients per peer, 200 in all) so that floods 3 times the
     * limit stay small for the test's own process; the mechanism is the same at the default 256 / 1,024.
     */
    @Test
    void floodsOfHellosDoNotLockOthersOut() throws Exception {
        survives(new String[] {"--quiet", "--max-clients-per-peer", "100", "--max-clients", "200"}, (server, ctx) -> {
            // 300 clients that say Hello and vanish: their slots come back as their connections close.
            // Each is served within the bound, asking again as gym4j's clients do after a TOO_MANY_CLIENTS while
            // the server is still reclaiming the slots of the ones before it (disconnects arrive asynchronously).
            // On loopback each new socket usually gets the port a closed one just had; the server tells the two
            // connections apart (it dropped about 4% of these Hellos before). A Hello still unanswered after a
            // second (under load) is asked again on a fresh socket, as gym4j's clients do.
            int served = 0;
            int retried = 0;
            int unanswered = 0;
            double slowest = 0;
            List<String> unserved = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                long t0 = System.nanoTime();
                ZMQ.Socket s = dealer(ctx, server.endpoint);
                Response reply = call(s, bytes(hello(i + 1)), 1000);
                while ((reply == null || reply.getError().getCode() == ErrorCode.ERROR_CODE_TOO_MANY_CLIENTS)
                        && System.nanoTime() - t0 < (BOUND - 1) * 1e9) {
                    retried++;
                    Thread.sleep(50);
                    if (reply == null) { // as gym4j's clients do: a fresh socket for the next attempt
                        unanswered++;
                        s.close();
                        s = dealer(ctx, server.endpoint);
                    }
                    reply = call(s, bytes(hello(i + 1)), 1000);
                }
                slowest = Math.max(slowest, (System.nanoTime() - t0) / 1e9);
                if (reply == null || !reply.hasHello()) {
                    unserved.add("client " + i + ": " + (reply == null ? "no reply" : reply.getError().getCode()) + " after "
                            + (System.nanoTime() - t0) / 1e9 + " s");
                }
                served += reply != null && reply.hasHello() ? 1 : 0;
                s.close();
            }
            System.out.println("vanishing flood: 300 Hellos, " + retried + " asked again (" + unanswered + " unanswered), slowest "
                    + slowest + " s");
            // Open defect (bridge/PROTOCOL.md, "Timeouts and reconnection"): a few of these Hellos still get no reply on this
            // machine (16 of 300 before the server told reused ports apart, about 2 since); the flood's clients must
            // nearly all be served, and the well-behaved client below must be served within the bound.
            assertTrue(served >= 294, served + " of 300 Hellos of vanishing clients served within " + BOUND
                    + " s (slowest " + slowest + " s); not served: " + unserved);
            double fresh = server.freshClientSeconds();
            assertTrue(fresh < BOUND, "a new client after the vanishing flood took " + fresh + " s");
            // 300 clients that say Hello and stay connected, silent: past the limits, the longest-silent slots are reused.
            List<ZMQ.Socket> silent = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                ZMQ.Socket s = dealer(ctx, server.endpoint);
                s.send(bytes(hello(i + 1)), 0);
                silent.add(s);
            }
            long t0 = System.nanoTime();
            while (true) {
                try {
                    server.freshClientSeconds();
                    break;
                } catch (dev.gym4j.api.GymException e) {
                    assertTrue(e.getMessage().contains("TOO_MANY_CLIENTS"), e.getMessage());
                    assertTrue(System.nanoTime() - t0 < BOUND * 1e9 + 2e9, "still locked out after the flood: " + e.getMessage());
                    Thread.sleep(100);
                }
            }
            double lockedOut = (System.nanoTime() - t0) / 1e9;
            assertTrue(lockedOut < BOUND, "a new client waited " + lockedOut + " s after a flood of silent Hellos");
        });
    }

    /** Point 5: env ids of 8 and 32 MiB are refused at once, and the reply does not echo them. */
    @Test
    void hugeEnvIdsAreRefusedWithoutEchoingThem() throws Exception {
        survives(new String[] {"--quiet"}, (server, ctx) -> {
            ZMQ.Socket s = answering(ctx, server.endpoint, 10_000);
            for (int size : new int[] {8 << 20, 32 << 20, 257}) {
                Request.Builder r = hello(size);
                r.getHelloBuilder().setEnvId("x".repeat(size));
                long t0 = System.nanoTime();
                Response reply = call(s, bytes(r), 15_000);
                assertNotNull(reply, "a reply to an id of " + size + " characters");
                assertEquals(ErrorCode.ERROR_CODE_INVALID_ARGUMENT, reply.getError().getCode(), reply.getError().getMessage());
                assertTrue(reply.getSerializedSize() < 1024, "the reply has " + reply.getSerializedSize() + " bytes");
                double seconds = (System.nanoTime() - t0) / 1e9;
                assertTrue(seconds < 10, "an id of " + size + " characters took " + seconds + " s to send and refuse");
            }
            Request.Builder r = hello(1);
            r.getHelloBuilder().setEnvId("CartPol-v1" + "y".repeat(200));
            Response reply = call(s, bytes(r), 3000);
            assertEquals(ErrorCode.ERROR_CODE_ENV_NOT_FOUND, reply.getError().getCode(), reply.getError().getMessage());
            assertTrue(reply.getSerializedSize() < 1024, "the reply has " + reply.getSerializedSize() + " bytes");
        });
    }

    /**
     * Deliver 1, the fatal side: an {@code Error} outside the request boundary (here an env's own thread, as a
     * simulator's native thread may fail) ends the process with a non-zero status and a clear last line,
     * so that a supervisor sees a failure, not a success.
     */
    @Test
    void aFatalErrorEndsTheProcessNonZeroWithAClearLastLine() throws Exception {
        try (ServeProcess server = ServeProcess.start("--quiet")) {
            try (Env<Object, Object> env = RemoteEnv.connect(server.endpoint, CliTestEnvProvider.FATAL, Map.of(),
                    ClientOptions.defaults().withTimeout(Duration.ofSeconds(10)))) {
                env.reset(1L);
            } catch (GymException e) {
                // the process may end before it answers: the client then reports a lost or silent server
            }
            assertTrue(server.process.waitFor(30, TimeUnit.SECONDS), "the server ends after a fatal error: " + server.output());
            assertEquals(2, server.process.exitValue(), "the exit status after a fatal error: " + server.output());
            String expected = "gym4j serve: fatal: thread walk-physics failed: java.lang.InternalError: the simulator's physics thread failed";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            List<String> lines = server.output();
            while ((lines.isEmpty() || !lines.get(lines.size() - 1).equals(expected)) && System.nanoTime() < deadline) {
                Thread.sleep(20); // the output reader may still be behind the process's end
                lines = server.output();
            }
            assertEquals(expected, lines.isEmpty() ? null : lines.get(lines.size() - 1), "the last line: " + lines);
        }
    }
}
