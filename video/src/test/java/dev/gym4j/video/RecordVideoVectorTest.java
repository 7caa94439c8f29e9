package dev.gym4j.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.vector.AutoresetMode;
import dev.gym4j.api.vector.SyncVectorEnv;
import dev.gym4j.api.vector.ThreadedVectorEnv;
import dev.gym4j.api.vector.VectorBatch;
import dev.gym4j.api.vector.VectorEnv;
import dev.gym4j.api.wrappers.vector.RecordEpisodeStatistics;
import dev.gym4j.testkit.fixtures.SquareEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RecordVideoVector records sub-env 0, checked on the files with FFmpeg. */
class RecordVideoVectorTest {

    @TempDir
    Path dir;

    @Test
    void recordsEpisodes0_1_8OfSubEnv0WithTheDefaultTrigger() throws IOException {
        Decoder.require();
        List<Integer> lengths;
        try (RecordVideoVector<float[], long[]> envs = new RecordVideoVector<>(
                SyncVectorEnv.of(3, i -> SquareEnv.cartPoleLike(), AutoresetMode.NEXT_STEP), dir)) {
            assertEquals(50, envs.fps());
            lengths = runSubEnv0Episodes(envs, 10, 42);
            assertEquals(9, envs.episodeId());
            assertEquals(3, envs.videos().size(), "episode 9 started, so episode 8 is complete");
        }
        assertEquals(List.of("rl-video-episode-0.mp4", "rl-video-episode-1.mp4", "rl-video-episode-8.mp4"), listing());
        for (int episode : new int[] {0, 1, 8}) {
            // The reset frame, then one per step, as RecordVideo.
            Decoder.assertVideo(dir.resolve("rl-video-episode-" + episode + ".mp4"), 600, 400, lengths.get(episode) + 1);
        }
        assertEquals("50/1", Decoder.probe(dir.resolve("rl-video-episode-0.mp4")).frameRate());
    }

    @Test
    void recordsTheSameEpisodesAsRecordVideoOnTheSameSeed() throws IOException {
        Decoder.require();
        // Sub-env 0 is seeded with the vector seed, so its episodes are a single env's with that seed.
        Path single = Files.createDirectory(dir.resolve("single"));
        Path vector = Files.createDirectory(dir.resolve("vector"));
        List<Integer> singleLengths;
        try (RecordVideo<float[], Integer> env = new RecordVideo<>(new SquareEnv("rgb_array", 84, 84, 10, 40), single)) {
            singleLengths = RecordVideoTest.runEpisodes(env, 3, 7);
        }
        try (RecordVideoVector<float[], long[]> envs = new RecordVideoVector<>(
                SyncVectorEnv.of(2, i -> new SquareEnv("rgb_array", 84, 84, 10, 40), AutoresetMode.NEXT_STEP), vector)) {
            assertEquals(singleLengths, runSubEnv0Episodes(envs, 3, 7));
        }
        for (String name : List.of("rl-video-episode-0.mp4", "rl-video-episode-1.mp4")) {
            assertEquals(Decoder.probe(single.resolve(name)).frames(), Decoder.probe(vector.resolve(name)).frames(), name);
            assertTrue(Arrays.equals(Decoder.firstFrameRgb(single.resolve(name)), Decoder.firstFrameRgb(vector.resolve(name))),
                    name + ": same first frame");
        }
    }

    @Test
    void sameStepAutoresetEndsTheEpisodeOnTheStepThatResetsSubEnv0() throws IOException {
        Decoder.require();
        List<Integer> lengths;
        try (RecordVideoVector<float[], long[]> envs = RecordVideoVector.builder(
                SyncVectorEnv.<float[], long[]>of(3, i -> new SquareEnv("rgb_array", 160, 120, 10, 40), AutoresetMode.SAME_STEP), dir)
                .build()) {
            lengths = runSubEnv0Episodes(envs, 9, 3);
            assertEquals(9, envs.episodeId(), "the step that ended episode 8 started episode 9");
        }
        assertEquals(List.of("rl-video-episode-0.mp4", "rl-video-episode-1.mp4", "rl-video-episode-8.mp4"), listing());
        for (int episode : new int[] {0, 1, 8}) {
            // The reset frame, then one per step but the last, whose frame is already the next episode's first.
            Decoder.assertVideo(dir.resolve("rl-video-episode-" + episode + ".mp4"), 160, 120, lengths.get(episode));
        }
    }

    @Test
    void disabledAutoresetStartsAnEpisodeOnlyWhenAResetMaskResetsSubEnv0() throws IOException {
        Decoder.require();
        SyncVectorEnv<float[], long[]> inner = SyncVectorEnv.of(2,
                i -> new SquareEnv("rgb_array", 84, 84, i == 0 ? 5 : 3, i == 0 ? 5 : 3), AutoresetMode.DISABLED);
        try (RecordVideoVector<float[], long[]> envs = RecordVideoVector.builder(inner, dir)
                .episodeTrigger(episode -> true).build()) {
            envs.reset(11L, Map.of());
            long[] actions = new long[2];
            for (int step = 0; step < 3; step++) {
                envs.step(actions);
            }
            // Sub-env 1 ended; resetting it alone leaves sub-env 0's episode and video alone.
            envs.reset(null, Map.of(VectorEnv.RESET_MASK, new boolean[] {false, true}));
            assertEquals(0, envs.episodeId());
            VectorBatch<float[]> batch = null;
            for (int step = 0; step < 2; step++) {
                batch = envs.step(actions);
            }
            assertTrue(batch.terminations()[0]);
            envs.step(actions); // a step past the end still belongs to episode 0
            assertEquals(0, envs.episodeId());
            envs.reset(null, Map.of(VectorEnv.RESET_MASK, new boolean[] {true, true}));
            assertEquals(1, envs.episodeId());
            envs.step(actions);
        }
        Decoder.assertVideo(dir.resolve("rl-video-episode-0.mp4"), 84, 84, 1 + 6);
        Decoder.assertVideo(dir.resolve("rl-video-episode-1.mp4"), 84, 84, 2);
    }

    @Test
    void theStepTriggerCountsVectorSteps() throws IOException {
        Decoder.require();
        try (RecordVideoVector<float[], long[]> envs = RecordVideoVector.builder(
                SyncVectorEnv.<float[], long[]>of(4, i -> new SquareEnv("rgb_array", 84, 84, 10, 40), AutoresetMode.NEXT_STEP), dir)
                .stepTrigger(step -> step % 25 == 0).videoLength(10).namePrefix("probe").fps(10).build()) {
            envs.reset(5L, Map.of());
            long[] actions = new long[4];
            for (int step = 0; step < 60; step++) {
                actions[0] = step % 2;
                envs.step(actions);
            }
            assertEquals(59, envs.stepId());
            assertFalse(envs.isRecording());
        }
        assertEquals(List.of("probe-step-0.mp4", "probe-step-25.mp4", "probe-step-50.mp4"), listing());
        for (String name : listing()) {
            Decoder.assertVideo(dir.resolve(name), 84, 84, 10);
            assertEquals("10/1", Decoder.probe(dir.resolve(name)).frameRate());
        }
    }

    @Test
    void findsSubEnv0OfAWrappedThreadedVectorEnv() throws IOException {
        Decoder.require();
        ThreadedVectorEnv<float[], long[]> threaded = ThreadedVectorEnv.of(3,
                i -> new SquareEnv("rgb_array", 160, 120, 10, 40), AutoresetMode.NEXT_STEP, 2, 0);
        List<Integer> lengths;
        try (RecordVideoVector<float[], long[]> envs = RecordVideoVector.builder(new RecordEpisodeStatistics<>(threaded), dir)
                .episodeTrigger(episode -> episode < 2).build()) {
            assertSame(threaded.subEnv(0), envs.subEnv0());
            lengths = runSubEnv0Episodes(envs, 2, 9);
        }
        assertEquals(List.of("rl-video-episode-0.mp4", "rl-video-episode-1.mp4"), listing());
        for (int episode = 0; episode < 2; episode++) {
            Decoder.assertVideo(dir.resolve("rl-video-episode-" + episode + ".mp4"), 160, 120, lengths.get(episode) + 1);
        }
    }

    @Test
    void completesThePartialVideoWhenASubEnvThrows() throws IOException {
        Decoder.require();
        SyncVectorEnv<float[], long[]> inner = SyncVectorEnv.of(2,
                i -> new SquareEnv("rgb_array", 160, 120, 30, 30).failAt(i == 0 ? 1 : -1, 12), AutoresetMode.NEXT_STEP);
        try (RecordVideoVector<float[], long[]> envs = new RecordVideoVector<>(inner, dir)) {
            envs.reset(5L, Map.of());
            long[] actions = new long[2];
            for (int step = 0; step < 30 + 1 + 11; step++) { // episode 0, the reset step, 11 steps of episode 1
                envs.step(actions);
            }
            RuntimeException e = assertThrows(RuntimeException.class, () -> envs.step(actions));
            assertTrue(Mp4WriterTest.causes(e).contains("simulated failure"), Mp4WriterTest.causes(e));
            assertFalse(envs.isRecording());
            Decoder.assertVideo(dir.resolve("rl-video-episode-1.mp4"), 160, 120, 12);
        }
        Decoder.assertVideo(dir.resolve("rl-video-episode-0.mp4"), 160, 120, 31);
        assertEquals(List.of("rl-video-episode-0.mp4", "rl-video-episode-1.mp4"), listing(), "no .part file left");
    }

    @Test
    void requiresSubEnv0ToRenderRgbArray() {
        SyncVectorEnv<float[], long[]> inner = SyncVectorEnv.of(2,
                i -> new SquareEnv(null, 600, 400, 10, 40), AutoresetMode.NEXT_STEP);
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> new RecordVideoVector<>(inner, dir));
        assertTrue(e.getMessage().contains("render_mode \"rgb_array\"") && e.getMessage().contains("sub-env 0")
                && e.getMessage().contains("null"), e.getMessage());
        inner.close();
    }

    @Test
    void refusesBadOptions() {
        RecordVideoVector.Builder<float[], long[]> builder = RecordVideoVector.builder(
                SyncVectorEnv.<float[], long[]>of(1, i -> SquareEnv.cartPoleLike(), AutoresetMode.NEXT_STEP), dir);
        assertThrows(InvalidArgumentException.class, () -> builder.videoLength(-1));
        assertThrows(InvalidArgumentException.class, () -> builder.namePrefix("a/b"));
        assertThrows(InvalidArgumentException.class, () -> builder.fps(0));
        try (RecordVideoVector<float[], long[]> envs = builder.build()) {
            assertThrows(IllegalStateException.class, envs::stopRecording);
            assertTrue(envs.toString().startsWith("<RecordVideoVector, SyncVectorEnv("), envs.toString());
        }
    }

    /**
     * Steps with alternating actions until sub-env 0 has finished {@code episodes} episodes; returns their lengths
     * in steps, checked against the length each reset info announced.
     */
    static List<Integer> runSubEnv0Episodes(RecordVideoVector<float[], long[]> envs, int episodes, long seed) {
        boolean nextStep = envs.autoresetMode() == AutoresetMode.NEXT_STEP;
        List<Integer> lengths = new ArrayList<>();
        long[] actions = new long[envs.numEnvs()];
        VectorBatch<float[]> batch = envs.reset(seed, Map.of());
        Object announced = batch.info(0).get("length");
        int steps = 0;
        boolean resetStep = false;
        while (lengths.size() < episodes) {
            Arrays.fill(actions, steps % 2);
            batch = envs.step(actions);
            if (resetStep) {
                resetStep = false;
                announced = batch.info(0).get("length");
                continue;
            }
            steps++;
            if (batch.terminations()[0] || batch.truncations()[0]) {
                assertEquals(announced, steps);
                lengths.add(steps);
                steps = 0;
                resetStep = nextStep;
                announced = batch.info(0).get("length"); // under SAME_STEP, the reset info is already there
            }
        }
        return lengths;
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
