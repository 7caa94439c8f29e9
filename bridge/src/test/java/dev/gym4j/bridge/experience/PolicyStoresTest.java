package dev.gym4j.bridge.experience;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.Discrete;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

class PolicyStoresTest {

    @TempDir
    Path tmp;

    static PolicyVersion policy(String exp, long v, int size) {
        byte[] model = new byte[size];
        for (int i = 0; i < size; i++) {
            model[i] = (byte) (v * 31 + i);
        }
        return PolicyVersion.onnx(exp, v, model, Box.of(DType.FLOAT32, new double[] {-1, -1, -1, -1},
                new double[] {1, 1, 1, 1}, new int[] {4}), new Discrete(2), "{\"v\":" + v + "}");
    }

    void contract(PolicyStore store, String exp) throws Exception {
        assertEquals(Optional.empty(), store.latest(exp));
        assertEquals(0, store.minimumVersion(exp));
        AtomicReference<PolicyVersion> woken = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                woken.set(store.awaitNewer(exp, 0, Duration.ofSeconds(10)).orElse(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        Thread.sleep(200);
        store.publish(policy(exp, 1, 100));
        waiter.join(5_000);
        assertEquals(1, woken.get().version());
        store.publish(policy(exp, 3, 200));
        ExperienceException older = assertThrows(ExperienceException.class, () -> store.publish(policy(exp, 2, 10)));
        assertTrue(older.getMessage().contains("not newer than the latest, 3"), older.getMessage());
        PolicyVersion latest = store.latest(exp).orElseThrow();
        assertEquals(3, latest.version());
        assertArrayEquals(policy(exp, 3, 200).model(), latest.model());
        assertEquals("{\"v\":3}", latest.metadataJson());
        assertEquals(new Discrete(2), latest.actionSpace());
        assertEquals(Optional.empty(), store.awaitNewer(exp, 3, Duration.ofMillis(200)));
        assertEquals(3, store.awaitNewer(exp, 1, Duration.ofMillis(200)).orElseThrow().version());
        store.setMinimumVersion(exp, 3);
        store.setMinimumVersion(exp, 2); // never lowered
        assertEquals(3, store.minimumVersion(exp));
    }

    @Test
    void directoryStore() throws Exception {
        try (PolicyStore store = PolicyStores.open("dir:" + tmp)) {
            contract(store, "exp");
        }
        assertEquals("3", Files.readString(tmp.resolve("exp/LATEST")).trim());
        assertTrue(Files.exists(tmp.resolve("exp/v000000000003/policy.onnx")));
        assertEquals("{\"v\":3}", Files.readString(tmp.resolve("exp/v000000000003/policy.json")));
        try (PolicyStore again = PolicyStores.open("file:" + tmp)) {
            assertEquals(3, again.latest("exp").orElseThrow().version(), "a late reader finds the latest");
        }
    }

    @Test
    void directoryReadersNeverSeeATornPolicy() throws Exception {
        try (PolicyStore writer = PolicyStores.open("dir:" + tmp + "?keep=2");
                PolicyStore reader = PolicyStores.open("dir:" + tmp)) {
            Thread w = new Thread(() -> {
                for (int v = 1; v <= 60; v++) {
                    writer.publish(policy("e", v, 200_000));
                }
            });
            w.start();
            long last = 0;
            int reads = 0;
            while (w.isAlive() || last < 60) {
                Optional<PolicyVersion> p = reader.latest("e"); // the constructor checks the SHA-256
                if (p.isPresent()) {
                    assertTrue(p.get().version() >= last, "versions go backwards");
                    last = p.get().version();
                    reads++;
                }
            }
            w.join();
            assertTrue(reads > 0);
            try (var s = Files.list(tmp.resolve("e"))) {
                assertEquals(2, s.filter(p -> p.getFileName().toString().startsWith("v")).count(), "keep=2");
            }
        }
    }

    @Test
    void redisStore() throws Exception {
        String exp = Fragments.experiment("pol");
        try (PolicyStore store = PolicyStores.open("redis://127.0.0.1:6379")) {
            contract(store, exp);
            for (int v = 4; v <= 12; v++) {
                store.publish(policy(exp, v, 10));
            }
            try (PolicyStore late = PolicyStores.open("redis://127.0.0.1:6379")) {
                assertEquals(12, late.latest(exp).orElseThrow().version());
            }
        } finally {
            try (Jedis j = new Jedis("127.0.0.1", 6379)) {
                var keys = j.keys("gym4j:" + exp + ":*");
                assertTrue(keys.size() <= 2 + 5, "old versions pruned: " + keys);
                for (String k : keys) {
                    j.del(k);
                }
            }
        }
    }

    @Test
    void inMemoryStore() throws Exception {
        try (PolicyStore store = PolicyStores.open("mem:")) {
            contract(store, "exp");
        }
    }

    @Test
    void badAddressesAreNamed() {
        ExperienceException e = assertThrows(ExperienceException.class, () -> PolicyStores.open("s3://bucket/x"));
        assertTrue(e.getMessage().contains("expected dir:/path"), e.getMessage());
        ExperienceException r = assertThrows(ExperienceException.class,
                () -> PolicyStores.open("redis://127.0.0.1:1"));
        assertTrue(r.getMessage().contains("cannot reach Redis at 127.0.0.1:1"), r.getMessage());
        assertFalse(r.getMessage().isEmpty());
    }
}
