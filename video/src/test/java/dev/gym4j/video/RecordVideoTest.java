package dev.gym4j.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.testkit.fixtures.SquareEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RecordVideo's Gymnasium behaviour, checked on the files with FFmpeg. */
class RecordVideoTest {

    @TempDir
    Path dir;

    @Test
    void recordsEpisodes0_1_8_27Of30WithTheDefaultTrigger() throws IOException {
        Decoder.require();
        List<Integer> lengths;
        try (RecordVideo<float[], Integer> env = new RecordVideo<>(SquareEnv.cartPoleLike(), dir)) {
            lengths = runEpisodes(env, 30, 42);
            assertEquals(29, env.episodeId());
        }
        assertEquals(List.of("rl-video-episode-0.mp4", "rl-video-episode-1.mp4", "rl-video-episode-27.mp4",
                "rl-video-episode-8.mp4"), listing());
        for (int episode : new int[] {0, 1, 8, 27}) {
            // The reset frame, then one per step.
            Decoder.assertVideo(dir.resolve("rl-video-episode-" + episode + ".mp4"), 600, 400, lengths.get(episode) + 1);
        }
    }

    @Test
    void cutsEveryVideoAtVideoLengthFrames() throws IOException {
        Decoder.require();
        SquareEnv env = new SquareEnv("rgb_array", 600, 400, 60, 90);
        try (RecordVideo<float[], Integer> recorder = RecordVideo.builder(env, dir).videoLength(50).build()) {
            runEpisodes(recorder, 30, 1);
        }
        assertEquals(List.of("rl-video-episode-0.mp4", "rl-video-episode-1.mp4", "rl-video-episode-27.mp4",
                "rl-video-episode-8.mp4"), listing());
        for (String name : listing()) {
            Decoder.assertVideo(dir.resolve(name), 600, 400, 50);
        }
    }

    @Test
    void letsAVideoSpanEpisodesUntilItHasVideoLengthFrames() throws IOException {
        Decoder.require();
        try (RecordVideo<float[], Integer> recorder = RecordVideo.builder(SquareEnv.cartPoleLike(), dir)
                .episodeTrigger(VideoSchedules.every(10)).videoLength(50).build()) {
            runEpisodes(recorder, 30, 2);
            assertEquals(3, recorder.videos().size());
        }
        assertEquals(List.of("rl-video-episode-0.mp4", "rl-video-episode-10.mp4", "rl-video-episode-20.mp4"), listing());
        for (String name : listing()) {
            Decoder.assertVideo(dir.resolve(name), 600, 400, 50);
        }
    }

    @Test
    void recordsFromTheStepsTheStepTriggerNames() throws IOException {
        Decoder.require();
        try (RecordVideo<float[], Integer> recorder = RecordVideo.builder(new SquareEnv("rgb_array", 84, 84, 10, 40), dir)
                .stepTrigger(step -> step % 100 == 0).videoLength(20).namePrefix("probe").fps(10).build()) {
            runEpisodes(recorder, 12, 3);
            assertTrue(recorder.stepId() >= 200, "ran at least 200 steps");
        }
        List<String> names = listing();
        assertTrue(names.size() >= 2, names.toString());
        assertEquals("probe-step-0.mp4", names.get(0));
        for (String name : names) {
            assertTrue(name.matches("probe-step-\\d+00?\\.mp4|probe-step-0\\.mp4"), name);
            Decoder.assertVideo(dir.resolve(name), 84, 84, 20);
            assertEquals("10/1", Decoder.probe(dir.resolve(name)).frameRate());
        }
    }

    @Test
    void usesTheEnvsRenderFps() throws IOException {
        Decoder.require();
        try (RecordVideo<float[], Integer> recorder = new RecordVideo<>(SquareEnv.cartPoleLike(), dir)) {
            assertEquals(50, recorder.fps());
            runEpisodes(recorder, 1, 4);
        }
        assertEquals("50/1", Decoder.probe(dir.resolve("rl-video-episode-0.mp4")).frameRate());
    }

    @Test
    void completesThePartialVideoWhenTheEnvThrowsMidEpisode() throws IOException {
        Decoder.require();
        SquareEnv env = new SquareEnv("rgb_array", 160, 120, 30, 30).failAt(1, 12);
        try (RecordVideo<float[], Integer> recorder = new RecordVideo<>(env, dir)) {
            runEpisodes(recorder, 1, 5);
            recorder.reset();
            for (int step = 1; step < 12; step++) {
                recorder.step(1);
            }
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> recorder.step(1));
            assertTrue(e.getMessage().contains("simulated failure"), e.getMessage());
            assertFalse(recorder.isRecording());
            // The partial episode is already a complete file, before any close.
            Decoder.assertVideo(dir.resolve("rl-video-episode-1.mp4"), 160, 120, 12);
            recorder.reset();
        }
        Decoder.assertVideo(dir.resolve("rl-video-episode-0.mp4"), 160, 120, 31);
        assertEquals(List.of("rl-video-episode-0.mp4", "rl-video-episode-1.mp4"), listing(), "no .part file left");
    }

    @Test
    void completesTheVideoInProgressOnClose() throws IOException {
        Decoder.require();
        RecordVideo<float[], Integer> recorder = new RecordVideo<>(SquareEnv.cartPoleLike(), dir);
        recorder.reset(7L, java.util.Map.of());
        recorder.step(0);
        recorder.step(1);
        assertTrue(recorder.isRecording());
        assertEquals(List.of(), listing().stream().filter(n -> n.endsWith(".mp4")).toList());
        recorder.close();
        Decoder.assertVideo(dir.resolve("rl-video-episode-0.mp4"), 600, 400, 3);
    }

    @Test
    void surfacesEncoderErrorsFromStep(@TempDir Path scripts) throws IOException {
        Path fake = Mp4WriterTest.script(scripts, "#!/bin/sh\necho 'x264 failed' >&2\nexit 3\n");
        RecordVideo<float[], Integer> recorder = RecordVideo.builder(SquareEnv.cartPoleLike(), dir)
                .backend(VideoBackend.FFMPEG).ffmpegExecutable(fake).build();
        VideoWriteException e = assertThrows(VideoWriteException.class, () -> {
            recorder.reset(1L, java.util.Map.of());
            for (int step = 0; step < 1000; step++) {
                recorder.step(1);
                if (!recorder.isRecording()) {
                    recorder.reset();
                }
            }
        });
        assertTrue(Mp4WriterTest.causes(e).contains("x264 failed"), Mp4WriterTest.causes(e));
        recorder.close();
        assertEquals(List.of(), listing());
    }

    @Test
    void surfacesAnErrorCompletingAFile(@TempDir Path scripts) throws IOException {
        // This ffmpeg takes every frame, then fails when the file should be completed.
        Path fake = Mp4WriterTest.script(scripts, "#!/bin/sh\ncat > /dev/null\necho 'moov atom not written' >&2\nexit 1\n");
        RecordVideo<float[], Integer> recorder = RecordVideo.builder(new SquareEnv("rgb_array", 64, 64, 5, 5), dir)
                .backend(VideoBackend.FFMPEG).ffmpegExecutable(fake).build();
        VideoWriteException e = assertThrows(VideoWriteException.class, () -> {
            try (recorder) {
                runEpisodes(recorder, 5, 6);
            }
        });
        assertTrue(Mp4WriterTest.causes(e).contains("moov atom not written"), Mp4WriterTest.causes(e));
        assertEquals(List.of(), listing());
    }

    @Test
    void listsTheVideosOfEndedRecordings() throws IOException {
        Decoder.require();
        try (RecordVideo<float[], Integer> recorder = RecordVideo.builder(SquareEnv.cartPoleLike(), dir)
                .episodeTrigger(episode -> true).build()) {
            runEpisodes(recorder, 6, 8);
            List<Path> videos = recorder.videos();
            assertEquals(5, videos.size(), "episodes 0 to 4 ended; 5 is still recording");
            for (Path video : videos) {
                assertTrue(Files.size(video) > 0, video.toString());
            }
        }
        assertEquals(6, listing().size());
    }

    @Test
    void requiresRgbArrayRendering() {
        SquareEnv env = new SquareEnv(null, 600, 400, 10, 40);
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> new RecordVideo<>(env, dir));
        assertTrue(e.getMessage().contains("render_mode \"rgb_array\"") && e.getMessage().contains("null"), e.getMessage());
    }

    @Test
    void printsInTheWrapperChain() {
        try (RecordVideo<float[], Integer> recorder = new RecordVideo<>(SquareEnv.cartPoleLike(), dir)) {
            assertEquals("<RecordVideo<SquareEnv instance>>", recorder.toString());
        }
    }

    @Test
    void refusesBadOptions() {
        RecordVideo.Builder<float[], Integer> builder = RecordVideo.builder(SquareEnv.cartPoleLike(), dir);
        assertThrows(InvalidArgumentException.class, () -> builder.videoLength(-1));
        assertThrows(InvalidArgumentException.class, () -> builder.namePrefix("a/b"));
        assertThrows(InvalidArgumentException.class, () -> builder.fps(0));
        assertThrows(IllegalStateException.class, () -> builder.build().stopRecording());
    }

    /** Runs episodes with alternating actions; returns each episode's length in steps. */
    static List<Integer> runEpisodes(RecordVideo<float[], Integer> env, int episodes, long seed) {
        List<Integer> lengths = new ArrayList<>();
        for (int episode = 0; episode < episodes; episode++) {
            ResetResult<float[]> reset = episode == 0 ? env.reset(seed) : env.reset();
            int steps = 0;
            StepResult<float[]> result;
            do {
                result = env.step(steps % 2);
                steps++;
            } while (!result.terminated() && !result.truncated());
            assertEquals(reset.info().get("length"), steps);
            lengths.add(steps);
        }
        return lengths;
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
