package dev.gym4j.bridge.experience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.bridge.ExperienceCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;

/** The Redis Streams transport against a real Redis (the shared one on 6379, or a test's own redis-server). */
class RedisStreamsTransportTest {

    static final String SHARED = "redis://127.0.0.1:6379/";
    private final List<String> experiments = new ArrayList<>();

    private String newExperiment() {
        String e = Fragments.experiment("rs");
        experiments.add(e);
        return e;
    }

    @AfterEach
    void deleteKeys() {
        try (Jedis j = new Jedis("127.0.0.1", 6379)) {
            for (String e : experiments) {
                for (String k : j.keys("gym4j:" + e + ":*")) {
                    j.del(k);
                }
            }
        }
    }

    static String stream(String experiment) {
        return "gym4j:" + experiment + ":trajectories";
    }

    /** Polls until {@code n} trajectories arrived (acknowledging each), failing on a duplicate. */
    static Set<Trajectory.Key> drain(ExperienceSource source, int n, int steps) throws InterruptedException {
        Set<Trajectory.Key> seen = new HashSet<>();
        while (seen.size() < n) {
            Optional<Trajectory> t = source.poll(Duration.ofSeconds(10));
            assertTrue(t.isPresent(), "only " + seen.size() + " of " + n + " trajectories arrived");
            assertTrue(seen.add(t.get().key()), "delivered twice: " + t.get().key());
            assertTrue(Fragments.intact(t.get(), steps), "content of " + t.get().key());
            source.acknowledge(t.get());
        }
        return seen;
    }

    @Test
    void manyWorkersOneTrainerEachTrajectoryOnce() throws Exception {
        String exp = newExperiment();
        try (ExperienceSource source = ExperienceTransports.openSource(SHARED + exp, null)) {
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                String id = "w" + w;
                Thread t = new Thread(() -> {
                    try (ExperienceSink sink = ExperienceTransports.openSink(SHARED + exp, exp, id)) {
                        for (int s = 0; s < 200; s++) {
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
            Set<Trajectory.Key> seen = drain(source, 600, 8);
            for (Thread t : workers) {
                t.join();
            }
            assertEquals(600, seen.size());
            assertFalse(source.poll(Duration.ofMillis(200)).isPresent(), "nothing more than was sent");
        }
    }

    @Test
    void duplicatesOfOneWorkerSequenceAreDroppedAndAcknowledged() throws Exception {
        String exp = newExperiment();
        try (ExperienceSource source = ExperienceTransports.openSource(SHARED + exp, null);
                Jedis j = new Jedis("127.0.0.1", 6379)) {
            byte[] bytes = ExperienceCodec.encode(Fragments.of(exp, "w", 0, 3));
            for (int i = 0; i < 3; i++) { // a sink that resent after a lost XADD reply
                j.xadd(stream(exp).getBytes(), XAddParams.xAddParams(), Map.of("t".getBytes(), bytes));
            }
            assertEquals(Set.of(new Trajectory.Key("w", 0)), drain(source, 1, 3));
            assertFalse(source.poll(Duration.ofMillis(300)).isPresent());
            assertEquals(0L, j.xpending(stream(exp), "gym4j-trainers").getTotal(), "duplicates acknowledged");
        }
    }

    @Test
    void pendingEntriesOfADeadConsumerAreClaimed() throws Exception {
        String exp = newExperiment();
        try (ExperienceSink sink = ExperienceTransports.openSink(SHARED + exp, null, "w")) {
            ExperienceSource dying = ExperienceTransports.openSource(SHARED + exp + "?consumer=dying", null);
            for (int s = 0; s < 20; s++) {
                sink.send(Fragments.of(exp, "w", s, 2));
            }
            assertTrue(sink.flush(Duration.ofSeconds(5)));
            Set<Trajectory.Key> first = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                Trajectory t = dying.poll(Duration.ofSeconds(5)).orElseThrow();
                first.add(t.key());
                dying.acknowledge(t);
            }
            for (int i = 0; i < 5; i++) {
                dying.poll(Duration.ofSeconds(5)).orElseThrow(); // taken, never acknowledged
            }
            dying.close(); // as if killed: its 5 unacknowledged entries (and the rest it read) stay pending
            try (ExperienceSource heir = ExperienceTransports.openSource(
                    SHARED + exp + "?consumer=heir&claim-idle-ms=200", null)) {
                Set<Trajectory.Key> rest = drain(heir, 15, 2);
                for (Trajectory.Key k : rest) {
                    assertFalse(first.contains(k), k + " was acknowledged already");
                }
                rest.addAll(first);
                assertEquals(20, rest.size());
            }
            try (Jedis j = new Jedis("127.0.0.1", 6379)) {
                assertEquals(0L, j.xpending(stream(exp), "gym4j-trainers").getTotal());
            }
        }
    }

    @Test
    void trimmingRemovesOnlyWhatEveryGroupHasAcknowledged() throws Exception {
        String exp = newExperiment();
        try (Jedis j = new Jedis("127.0.0.1", 6379);
                ExperienceSink sink = ExperienceTransports.openSink(SHARED + exp, null, "w");
                ExperienceSource a = ExperienceTransports.openSource(SHARED + exp, null)) {
            for (int s = 0; s < 50; s++) {
                sink.send(Fragments.of(exp, "w", s, 2));
            }
            assertTrue(sink.flush(Duration.ofSeconds(5)));
            drain(a, 50, 2);
            Thread.sleep(1_100);
            assertFalse(a.poll(Duration.ofMillis(100)).isPresent()); // a poll after a second trims
            assertEquals(0L, j.xlen(stream(exp)), "all acknowledged: trimmed");
            // A second group that has not read yet: nothing may go.
            j.xgroupCreate(stream(exp), "slow-group", new StreamEntryID(0, 0), false);
            for (int s = 50; s < 60; s++) {
                sink.send(Fragments.of(exp, "w", s, 2));
            }
            assertTrue(sink.flush(Duration.ofSeconds(5)));
            drain(a, 10, 2);
            Thread.sleep(1_100);
            assertFalse(a.poll(Duration.ofMillis(100)).isPresent());
            assertEquals(10L, j.xlen(stream(exp)), "slow-group has not read them");
            try (ExperienceSource slow = ExperienceTransports.openSource(SHARED + exp + "?group=slow-group", null)) {
                assertEquals(10, drain(slow, 10, 2).size());
            }
        }
    }

    @Test
    void aCorruptEntryIsRejectedAndGoodOnesStillArrive() throws Exception {
        String exp = newExperiment();
        try (Jedis j = new Jedis("127.0.0.1", 6379);
                ExperienceSource source = ExperienceTransports.openSource(SHARED + exp, null)) {
            byte[] good0 = ExperienceCodec.encode(Fragments.of(exp, "w", 0, 2));
            byte[] good1 = ExperienceCodec.encode(Fragments.of(exp, "w", 1, 2));
            var wrongVersion = dev.gym4j.bridge.proto.Trajectory.parseFrom(good1).toBuilder().setProtocolVersion(9)
                    .setSequence(5).build().toByteArray();
            j.xadd(stream(exp).getBytes(), XAddParams.xAddParams(), Map.of("t".getBytes(), good0));
            j.xadd(stream(exp).getBytes(), XAddParams.xAddParams(), Map.of("t".getBytes(), new byte[] {1, 2, 3, 4}));
            j.xadd(stream(exp).getBytes(), XAddParams.xAddParams(), Map.of("t".getBytes(), wrongVersion));
            j.xadd(stream(exp).getBytes(), XAddParams.xAddParams(), Map.of("t".getBytes(), good1));
            assertEquals(Set.of(new Trajectory.Key("w", 0), new Trajectory.Key("w", 1)), drain(source, 2, 2));
            var rejected = j.xrange("gym4j:" + exp + ":rejected", (StreamEntryID) null, null);
            assertEquals(2, rejected.size());
            assertTrue(rejected.get(1).getFields().get("reason").contains("protocol version 9"),
                    rejected.get(1).getFields().toString());
            assertEquals(0L, j.xpending(stream(exp), "gym4j-trainers").getTotal());
        }
    }

    @Test
    void aSlowConsumerMakesWorkersWaitWithBoundedMemory() throws Exception {
        String exp = newExperiment();
        String uri = SHARED + exp + "?max-backlog=40&send-buffer=8&batch=4";
        AtomicLong sent = new AtomicLong();
        try (ExperienceSink sink = ExperienceTransports.openSink(uri, null, "w")) {
            Thread worker = new Thread(() -> {
                try {
                    for (int s = 0; s < 200; s++) {
                        sink.send(Fragments.of(exp, "w", s, 2));
                        sent.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            worker.start();
            Thread.sleep(1_000);
            try (Jedis j = new Jedis("127.0.0.1", 6379)) {
                long len = j.xlen(stream(exp));
                assertTrue(len <= 40 + 4, "the stream holds " + len + " > max-backlog + batch");
                assertTrue(sent.get() <= len + 8 + 4 + 1, "the worker ran ahead: sent " + sent.get() + " with " + len
                        + " in Redis");
                assertTrue(sink.unacknowledged() <= 8 + 4, "held " + sink.unacknowledged());
                assertTrue(worker.isAlive(), "the worker must be waiting");
                // a slow trainer: reads and acknowledges one by one, the worker follows
                try (ExperienceSource source = ExperienceTransports.openSource(SHARED + exp, null)) {
                    Set<Trajectory.Key> seen = new HashSet<>();
                    long maxLen = 0;
                    while (seen.size() < 200) {
                        Trajectory t = source.poll(Duration.ofSeconds(10)).orElseThrow();
                        assertTrue(seen.add(t.key()));
                        source.acknowledge(t);
                        if (seen.size() % 20 == 0) {
                            maxLen = Math.max(maxLen, j.xlen(stream(exp)));
                        }
                    }
                    worker.join(10_000);
                    assertFalse(worker.isAlive());
                    assertTrue(maxLen <= 40 + 4 + 64, "stream length " + maxLen); // + entries acked, not yet trimmed
                    assertEquals(200, seen.size());
                }
            }
        }
    }

    @Test
    void unreachableRedisFailsFastNamingTheAddress() {
        ExperienceException e = assertThrows(ExperienceException.class,
                () -> ExperienceTransports.openSink("redis://127.0.0.1:1/x", null, "w"));
        assertTrue(e.getMessage().contains("cannot reach Redis at 127.0.0.1:1"), e.getMessage());
        ExperienceException s = assertThrows(ExperienceException.class,
                () -> ExperienceTransports.openSource("redis://127.0.0.1:1/x", null));
        assertTrue(s.getMessage().contains("127.0.0.1:1"), s.getMessage());
        ExperienceException noExp = assertThrows(ExperienceException.class,
                () -> ExperienceTransports.openSource("redis://127.0.0.1:6379", null));
        assertTrue(noExp.getMessage().contains("no experiment"), noExp.getMessage());
    }

    @Test
    void wrongPasswordAndMissingPasswordAreNamed() throws Exception {
        try (RedisServerProcess redis = new RedisServerProcess("--requirepass", "s3cret")) {
            ExperienceException wrong = assertThrows(ExperienceException.class,
                    () -> ExperienceTransports.openSink("redis://:nope@127.0.0.1:" + redis.port + "/x", null, "w"));
            assertTrue(wrong.getMessage().contains("refused the credentials"), wrong.getMessage());
            assertFalse(wrong.getMessage().contains("nope"), "the password must not be printed");
            ExperienceException missing = assertThrows(ExperienceException.class,
                    () -> ExperienceTransports.openSource("redis://127.0.0.1:" + redis.port + "/x", null));
            assertTrue(missing.getMessage().contains("needs a password"), missing.getMessage());
            String ok = "redis://:s3cret@127.0.0.1:" + redis.port + "/x";
            try (ExperienceSink sink = ExperienceTransports.openSink(ok, null, "w");
                    ExperienceSource source = ExperienceTransports.openSource(ok, null)) {
                sink.send(Fragments.of("x", "w", 0, 2));
                assertEquals(1, drain(source, 1, 2).size());
            }
        }
    }

    @Test
    void aclUserAndPassword() throws Exception {
        try (RedisServerProcess redis = new RedisServerProcess("--requirepass", "admin")) {
            try (Jedis admin = new Jedis("127.0.0.1", redis.port)) {
                admin.auth("admin");
                admin.aclSetUser("worker", "on", ">pw", "~gym4j:*", "&*", "+@all");
            }
            String ok = "redis://worker:pw@127.0.0.1:" + redis.port + "/x";
            try (ExperienceSink sink = ExperienceTransports.openSink(ok, null, "w");
                    ExperienceSource source = ExperienceTransports.openSource(ok, null)) {
                sink.send(Fragments.of("x", "w", 0, 2));
                assertEquals(1, drain(source, 1, 2).size());
            }
            ExperienceException e = assertThrows(ExperienceException.class,
                    () -> ExperienceTransports.openSink("redis://worker:bad@127.0.0.1:" + redis.port + "/x", null, "w"));
            assertTrue(e.getMessage().contains("of user 'worker'"), e.getMessage());
        }
    }

    @Test
    void redisRestartedWithAofLosesNothing() throws Exception {
        try (RedisServerProcess redis = new RedisServerProcess("--appendonly", "yes", "--appendfsync", "always")) {
            String exp = "aof";
            String uri = redis.uri(exp) + "?reconnect-timeout-ms=20000";
            Set<Trajectory.Key> seen = new HashSet<>();
            try (ExperienceSink sink = ExperienceTransports.openSink(uri, null, "w");
                    ExperienceSource source = ExperienceTransports.openSource(uri, null)) {
                Thread worker = new Thread(() -> {
                    try {
                        for (int s = 0; s < 400; s++) {
                            sink.send(Fragments.of(exp, "w", s, 2));
                            if (s % 50 == 0) {
                                Thread.sleep(20);
                            }
                        }
                        assertTrue(sink.flush(Duration.ofSeconds(20)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                worker.start();
                int killedAt = -1;
                while (seen.size() < 400) {
                    Optional<Trajectory> t = source.poll(Duration.ofSeconds(20));
                    assertTrue(t.isPresent(), "only " + seen.size() + " of 400 arrived");
                    assertTrue(seen.add(t.get().key()), "delivered twice: " + t.get().key());
                    source.acknowledge(t.get());
                    if (seen.size() == 100) {
                        redis.kill(); // SIGKILL: only the append-only file keeps the stream and the group
                        killedAt = seen.size();
                        Thread.sleep(300);
                        redis.start();
                    }
                }
                worker.join(20_000);
                assertEquals(100, killedAt);
            }
            assertEquals(400, seen.size());
        }
    }
}
