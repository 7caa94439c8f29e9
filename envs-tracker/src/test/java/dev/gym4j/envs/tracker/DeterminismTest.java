package dev.gym4j.envs.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Same seed and actions give byte-identical pictures: again in the same JVM, concurrently on several threads (one
 * env and one GL context each), and with one env stepped by different threads in turn, as a vector env's workers
 * do. Across JVMs the pinned hashes of {@link GoldenTest} hold.
 */
class DeterminismTest {

    static String episodeHash(String renderer, String observation) {
        try (ObjectTrackerEnv env = ObjectTrackerEnv.fromKwargs(Map.of("renderer", renderer, "observation", observation,
                "target_motion", "wander", "distractors", 3, "camera_noise", 3.0, "randomize_lighting", true))) {
            List<byte[]> frames = new ArrayList<>();
            frames.add((byte[]) env.reset(11L).observation());
            for (int t = 0; t < 40; t++) {
                frames.add((byte[]) env.step(GoldenTest.action(t)).observation());
            }
            return Pictures.sha256(frames.toArray(new byte[0][]));
        }
    }

    @Test
    void softwareRendererIsDeterministicAcrossRunsAndThreads() throws Exception {
        checkAcrossThreads("software");
    }

    @Test
    void glRendererIsDeterministicAcrossRunsAndThreads() throws Exception {
        assumeTrue(Pictures.glAvailable(), "GL unavailable here");
        checkAcrossThreads("gl");
    }

    private static void checkAcrossThreads(String renderer) throws Exception {
        for (String observation : new String[] {"rgb", "gray"}) {
            String reference = episodeHash(renderer, observation);
            assertEquals(reference, episodeHash(renderer, observation), "a second run");
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<String>> runs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    runs.add(pool.submit(() -> episodeHash(renderer, observation)));
                }
                for (Future<String> f : runs) {
                    assertEquals(reference, f.get(), "a concurrent run on another thread");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void oneEnvSteppedByDifferentThreadsInTurnGivesTheSamePictures() throws Exception {
        for (String renderer : Pictures.glAvailable() ? new String[] {"gl", "software"} : new String[] {"software"}) {
            byte[][] alone = new byte[20][];
            try (ObjectTrackerEnv env = ObjectTrackerEnv.fromKwargs(Map.of("renderer", renderer))) {
                env.reset(3L);
                for (int t = 0; t < 20; t++) {
                    alone[t] = (byte[]) env.step(GoldenTest.action(t)).observation();
                }
            }
            ExecutorService a = Executors.newSingleThreadExecutor();
            ExecutorService b = Executors.newSingleThreadExecutor();
            try (ObjectTrackerEnv env = ObjectTrackerEnv.fromKwargs(Map.of("renderer", renderer))) {
                a.submit(() -> env.reset(3L)).get();
                for (int t = 0; t < 20; t++) {
                    int step = t;
                    byte[] got = (byte[]) (t % 2 == 0 ? a : b).submit(() -> env.step(GoldenTest.action(step)).observation()).get();
                    assertEquals(Pictures.sha256(alone[t]), Pictures.sha256(got), renderer + " step " + t);
                }
            } finally {
                a.shutdownNow();
                b.shutdownNow();
            }
        }
    }
}
