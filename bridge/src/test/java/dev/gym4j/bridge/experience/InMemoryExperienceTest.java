package dev.gym4j.bridge.experience;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.Discrete;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class InMemoryExperienceTest {

    static Trajectory fragment(String worker, long seq, int steps) {
        float[] obs = new float[steps * 2];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = seq + i * 0.5f;
        }
        boolean[] done = new boolean[steps];
        done[steps - 1] = true;
        return new Trajectory("exp", worker, seq, 1, "CartPole-v1", 0,
                TensorData.ofFloats(new int[] {steps, 2}, obs), TensorData.ofLongs(new int[] {steps}, new long[steps]),
                new float[steps], done, new boolean[steps], TensorData.ofFloats(new int[] {2}, new float[2]),
                Map.of(Trajectory.LOGPROB, TensorData.ofFloats(new int[] {steps}, new float[steps])));
    }

    @Test
    void everyTrajectoryArrivesOnceFromManyWorkers() throws Exception {
        InMemoryExperience channel = new InMemoryExperience(4);
        Thread[] workers = new Thread[3];
        for (int w = 0; w < workers.length; w++) {
            String id = "w" + w;
            workers[w] = new Thread(() -> {
                ExperienceSink sink = channel.sink();
                try {
                    for (int s = 0; s < 50; s++) {
                        sink.send(fragment(id, s, 3));
                    }
                    assertTrue(sink.flush(Duration.ofSeconds(10)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            workers[w].start();
        }
        Set<Trajectory.Key> seen = new HashSet<>();
        while (seen.size() < 150) {
            Optional<Trajectory> t = channel.source().poll(Duration.ofSeconds(5));
            assertTrue(t.isPresent(), "a trajectory should arrive within 5 s");
            assertTrue(seen.add(t.get().key()), "delivered twice: " + t.get().key());
            channel.source().acknowledge(t.get());
        }
        for (Thread w : workers) {
            w.join(5000);
        }
        assertEquals(Optional.empty(), channel.source().poll(Duration.ofMillis(20)));
    }

    @Test
    void aFullBufferMakesTheSenderWait() throws Exception {
        InMemoryExperience channel = new InMemoryExperience(2);
        ExperienceSink sink = channel.sink();
        sink.send(fragment("w", 0, 1));
        sink.send(fragment("w", 1, 1));
        AtomicBoolean third = new AtomicBoolean();
        Thread t = new Thread(() -> {
            try {
                sink.send(fragment("w", 2, 1));
                third.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        t.join(200);
        assertFalse(third.get(), "the third send must block while two are unacknowledged");
        assertEquals(2, sink.unacknowledged());
        channel.source().acknowledge(channel.source().poll(Duration.ofSeconds(1)).orElseThrow());
        t.join(5000);
        assertTrue(third.get());
    }

    @Test
    void aSequenceGapIsRefused() throws Exception {
        ExperienceSink sink = new InMemoryExperience(8).sink();
        sink.send(fragment("w", 0, 1));
        ExperienceException e = assertThrows(ExperienceException.class, () -> sink.send(fragment("w", 2, 1)));
        assertTrue(e.getMessage().contains("expected 1"), e.getMessage());
    }

    @Test
    void policyVersionsAreMonotonicAndAwaitable() throws Exception {
        InMemoryExperience store = new InMemoryExperience(1);
        Box<float[]> obs = Box.float32(-1, 1, 4);
        PolicyVersion v1 = PolicyVersion.onnx("exp", 1, new byte[] {1, 2, 3}, obs, new Discrete(2), "{}");
        store.publish(v1);
        assertThrows(ExperienceException.class,
                () -> store.publish(PolicyVersion.onnx("exp", 1, new byte[] {9}, obs, new Discrete(2), "{}")));
        assertEquals(Optional.empty(), store.awaitNewer("exp", 1, Duration.ofMillis(10)));
        assertArrayEquals(new byte[] {1, 2, 3}, store.awaitNewer("exp", 0, Duration.ofMillis(10)).orElseThrow().model());
        store.setMinimumVersion("exp", 1);
        assertEquals(1, store.minimumVersion("exp"));
    }

    @Test
    void malformedValuesAreRefusedWithTheReason() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> new TensorData(DType.FLOAT32, new int[] {2, 3}, new byte[5]));
        assertTrue(bad.getMessage().contains("needs 24 bytes, got 5"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PolicyVersion("e", 1, "onnx", new byte[] {1},
                new Discrete(2), new Discrete(2), "00", java.time.Instant.now(), "{}"));
        assertEquals(3.5f, TensorData.ofFloats(new int[] {1}, new float[] {3.5f}).floats()[0]);
        assertEquals(200L, TensorData.ofBytes(DType.UINT8, new int[] {1}, new byte[] {(byte) 200}).longs()[0]);
    }
}
