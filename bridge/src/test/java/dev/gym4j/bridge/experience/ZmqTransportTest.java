package dev.gym4j.bridge.experience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.bridge.experience.internal.ZmqExperienceSource;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

class ZmqTransportTest {

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void manyWorkersOneTrainerEachTrajectoryOnce() throws Exception {
        String exp = Fragments.experiment("zmq");
        try (ExperienceSource source = ExperienceTransports.openSource("zmq://127.0.0.1:0", exp)) {
            String uri = ((ZmqExperienceSource) source).uri();
            assertTrue(uri.startsWith("zmq://127.0.0.1:"), uri);
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                String id = "w" + w;
                Thread t = new Thread(() -> {
                    try (ExperienceSink sink = ExperienceTransports.openSink(uri, exp, id)) {
                        for (int s = 0; s < 300; s++) {
                            sink.send(Fragments.of(exp, id, s, 8));
                        }
                        assertTrue(sink.flush(Duration.ofSeconds(10)));
                        assertEquals(0, sink.unacknowledged());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                t.start();
                workers.add(t);
            }
            Set<Trajectory.Key> seen = RedisStreamsTransportTest.drain(source, 900, 8);
            for (Thread t : workers) {
                t.join(10_000);
                assertFalse(t.isAlive());
            }
            assertEquals(900, seen.size());
            assertFalse(source.poll(Duration.ofMillis(300)).isPresent());
        }
    }

    @Test
    void aRestartedTrainerGetsEverythingUnacknowledgedAgain() throws Exception {
        String exp = Fragments.experiment("zmq");
        int port = freePort();
        String uri = "zmq://127.0.0.1:" + port;
        Set<Trajectory.Key> acked = new HashSet<>();
        Set<Trajectory.Key> takenNotAcked = new HashSet<>();
        try (ExperienceSink sink = ExperienceTransports.openSink(uri + "?send-buffer=64", exp, "w")) {
            ExperienceSource first = ExperienceTransports.openSource(uri + "?window=16", exp);
            for (int s = 0; s < 50; s++) {
                sink.send(Fragments.of(exp, "w", s, 3));
            }
            for (int i = 0; i < 20; i++) {
                Trajectory t = first.poll(Duration.ofSeconds(5)).orElseThrow();
                if (i < 10) {
                    first.acknowledge(t);
                    acked.add(t.key());
                } else {
                    takenNotAcked.add(t.key());
                }
            }
            first.poll(Duration.ofMillis(50)); // sends the acknowledgements
            Thread.sleep(200);
            first.close(); // the trainer dies: 40 unacknowledged
            assertEquals(40, sink.unacknowledged());
            for (int s = 50; s < 60; s++) {
                sink.send(Fragments.of(exp, "w", s, 3)); // the worker goes on while the trainer is away
            }
            try (ExperienceSource second = ExperienceTransports.openSource(uri, exp)) {
                Set<Trajectory.Key> rest = RedisStreamsTransportTest.drain(second, 50, 3);
                assertTrue(rest.containsAll(takenNotAcked), "unacknowledged ones come again");
                for (Trajectory.Key k : acked) {
                    assertFalse(rest.contains(k), k + " was acknowledged and came again");
                }
                rest.addAll(acked);
                assertEquals(60, rest.size());
                assertTrue(sink.flush(Duration.ofSeconds(5)));
            }
        }
    }

    @Test
    void aSlowTrainerMakesTheWorkerWaitWithBoundedMemory() throws Exception {
        String exp = Fragments.experiment("zmq");
        try (ExperienceSource source = ExperienceTransports.openSource("zmq://127.0.0.1:0?window=4", exp)) {
            String uri = ((ZmqExperienceSource) source).uri() + "?send-buffer=8";
            AtomicLong sent = new AtomicLong();
            try (ExperienceSink sink = ExperienceTransports.openSink(uri, exp, "w")) {
                Thread worker = new Thread(() -> {
                    try {
                        for (int s = 0; s < 100; s++) {
                            sink.send(Fragments.of(exp, "w", s, 2));
                            sent.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                worker.start();
                Thread.sleep(500);
                assertEquals(8, sent.get(), "the worker holds send-buffer trajectories and waits");
                assertEquals(8, sink.unacknowledged());
                Set<Trajectory.Key> seen = new HashSet<>();
                while (seen.size() < 100) {
                    Trajectory t = source.poll(Duration.ofSeconds(5)).orElseThrow();
                    assertTrue(seen.add(t.key()));
                    assertTrue(sink.unacknowledged() <= 8);
                    source.acknowledge(t);
                }
                worker.join(5_000);
                assertEquals(100, sent.get());
            }
        }
    }

    @Test
    void garbageAndWrongVersionAreRefusedAndTheTrainerGoesOn() throws Exception {
        String exp = Fragments.experiment("zmq");
        try (ExperienceSource source = ExperienceTransports.openSource("zmq://127.0.0.1:0", exp);
                ZContext ctx = new ZContext()) {
            String endpoint = ((ZmqExperienceSource) source).endpoint();
            ZMQ.Socket rogue = ctx.createSocket(SocketType.DEALER);
            rogue.connect(endpoint);
            rogue.send(new byte[] {0x12, 0x05, 1, 2, 3, 4, 5});
            rogue.send(dev.gym4j.bridge.proto.ExperienceMessage.newBuilder().setHello(
                    dev.gym4j.bridge.proto.WorkerHello.newBuilder().setProtocolVersion(7).setExperiment(exp)
                            .setWorkerId("old")).build().toByteArray());
            try (ExperienceSink sink = ExperienceTransports.openSink(((ZmqExperienceSource) source).uri(), exp, "w")) {
                sink.send(Fragments.of(exp, "w", 0, 2));
                assertEquals(1, RedisStreamsTransportTest.drain(source, 1, 2).size());
            }
            assertFalse(source.poll(Duration.ofMillis(500)).isPresent()); // the source answers while it polls
            rogue.setReceiveTimeOut(2_000);
            var first = dev.gym4j.bridge.proto.ExperienceReply.parseFrom(rogue.recv());
            assertEquals(dev.gym4j.bridge.proto.ErrorCode.ERROR_CODE_BAD_MESSAGE, first.getError().getCode());
            var second = dev.gym4j.bridge.proto.ExperienceReply.parseFrom(rogue.recv());
            assertEquals(dev.gym4j.bridge.proto.ErrorCode.ERROR_CODE_UNSUPPORTED_VERSION, second.getError().getCode());
            assertTrue(second.getError().getMessage().contains("version 7"), second.getError().getMessage());
            assertEquals(2, ((ZmqExperienceSource) source).rejected());
        }
    }

    @Test
    void aWorkerOfAnotherExperimentIsRefusedWithTheReason() throws Exception {
        try (ExperienceSource source = ExperienceTransports.openSource("zmq://127.0.0.1:0", "right");
                ExperienceSink sink = ExperienceTransports.openSink(((ZmqExperienceSource) source).uri(), "wrong", "w")) {
            sink.send(Fragments.of("wrong", "w", 0, 2));
            assertFalse(source.poll(Duration.ofMillis(1_500)).isPresent());
            ExperienceException e = assertThrows(ExperienceException.class,
                    () -> sink.send(Fragments.of("wrong", "w", 1, 2)));
            assertTrue(e.getMessage().contains("experiment 'right'"), e.getMessage());
        }
    }

    @Test
    void aTakenPortIsNamed() throws Exception {
        try (ExperienceSource a = ExperienceTransports.openSource("zmq://127.0.0.1:0", "e")) {
            String uri = ((ZmqExperienceSource) a).uri();
            ExperienceException e = assertThrows(ExperienceException.class,
                    () -> ExperienceTransports.openSource(uri, "e"));
            assertTrue(e.getMessage().contains("cannot bind"), e.getMessage());
        }
    }
}
