package dev.gym4j.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gym4j.bridge.experience.ExperienceSource;
import dev.gym4j.bridge.experience.ExperienceTransports;
import dev.gym4j.bridge.experience.Trajectory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gym4j worker ... --video [DIR]} and {@code gym4j rollout ... --video [DIR]}: MP4 files that FFmpeg's
 * ffprobe decodes frame by frame (skipped without ffprobe, failed under {@code CI=true}), and SageMaker's
 * {@code BASE/output/intermediate} when no directory is given.
 */
class WorkerVideoTest {

    @TempDir
    Path tmp;

    @Test
    void aWorkerRecordsSubEnv0sEpisodesAsDecodableMp4s() throws Exception {
        requireFfprobe();
        Path dir = tmp.resolve("videos");
        String uri = "zmq://127.0.0.1:" + WorkerCommandTest.freePort();
        try (ExperienceSource source = ExperienceTransports.openSource(uri, "v")) {
            CompletableFuture<Cli> run = CompletableFuture.supplyAsync(() -> Cli.run("worker", "CartPole-v1",
                    "--experience", uri, "--experiment", "v", "--worker-id", "w", "--num-envs", "2",
                    "--fragment-length", "50", "--max-fragments", "4", "--seed", "2", "--video", dir.toString()));
            drain(source, 8);
            Cli cli = run.get(120, TimeUnit.SECONDS);
            assertEquals(0, cli.status(), cli.toString());
            assertTrue(cli.out().contains("videos of sub-env 0 to " + dir), cli.out());
        }
        List<String> files = listing(dir);
        assertTrue(files.containsAll(List.of("rl-video-episode-0.mp4", "rl-video-episode-1.mp4")), files.toString());
        for (String f : files) {
            // The episode in progress when the worker stops ends its video early; whole episodes of random CartPole
            // last 8 steps or more (same-step autoreset: one frame per step).
            long frames = decodedFrames(dir.resolve(f));
            assertTrue(frames >= (f.equals(files.get(files.size() - 1)) ? 1 : 8), f + ": " + frames + " frames");
        }
        assertTrue(decodedFrames(dir.resolve("rl-video-episode-0.mp4")) >= 8);
    }

    @Test
    void underSageMakerConventionsVideosGoToOutputIntermediate() throws Exception {
        requireFfprobe();
        Path base = tmp.resolve("ml");
        String uri = "zmq://127.0.0.1:" + WorkerCommandTest.freePort();
        try (ExperienceSource source = ExperienceTransports.openSource(uri, "v")) {
            ProcessBuilder pb = new ProcessBuilder(WorkerProcesses.java(), "-XX:+UseSerialGC", "-Xmx256m", "-cp",
                    System.getProperty("java.class.path"), "dev.gym4j.worker.cli.Main", "worker", "CartPole-v1",
                    "--experience", uri, "--experiment", "v", "--fragment-length", "40", "--max-fragments", "3",
                    "--seed", "4", "--video", "--video-every", "2");
            pb.environment().put("SAGEMAKER_BASE_DIR", base.toString());
            try (WorkerProcesses.Child worker = new WorkerProcesses.Child(pb)) {
                drain(source, 3);
                assertEquals(0, worker.exitValue(120), worker.all.toString());
            }
        }
        Path intermediate = base.resolve("output/intermediate");
        List<String> files = listing(intermediate);
        assertTrue(files.contains("rl-video-episode-0.mp4") && files.contains("rl-video-episode-2.mp4")
                && !files.contains("rl-video-episode-1.mp4"), files.toString());
        for (String f : files) {
            assertTrue(decodedFrames(intermediate.resolve(f)) >= 1, f);
        }
        assertTrue(decodedFrames(intermediate.resolve("rl-video-episode-0.mp4")) >= 8);
    }

    @Test
    void rolloutVideosDecodeAndVideoWithoutDirNeedsSageMaker() throws Exception {
        requireFfprobe();
        Path dir = tmp.resolve("rollout");
        Cli r = Cli.run("rollout", "CartPole-v1", "--episodes", "2", "--seed", "1", "--video", dir.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals(List.of("rl-video-episode-0.mp4", "rl-video-episode-1.mp4"), listing(dir));
        for (String f : listing(dir)) {
            assertTrue(decodedFrames(dir.resolve(f)) >= 9, f); // reset frame + at least 8 steps
        }
        if (System.getenv("SAGEMAKER_BASE_DIR") == null && !Files.isDirectory(Path.of("/opt/ml/input/config"))) {
            Cli noDir = Cli.run("rollout", "CartPole-v1", "--episodes", "1", "--video");
            assertEquals(2, noDir.status(), noDir.toString());
            assertTrue(noDir.err().contains("--video needs a DIR outside SageMaker"), noDir.toString());
            Cli everyWithout = Cli.run("worker", "CartPole-v1", "--experience", "zmq://127.0.0.1:5", "--video-every",
                    "3");
            assertEquals(2, everyWithout.status(), everyWithout.toString());
            assertTrue(everyWithout.err().contains("--video-every needs --video"), everyWithout.toString());
        }
    }

    private static void drain(ExperienceSource source, int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            Trajectory t = source.poll(Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError("too few"));
            source.acknowledge(t);
        }
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Decodes every frame with ffprobe; fails on a file it cannot read. */
    static long decodedFrames(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                "-show_entries", "stream=codec_name,nb_read_frames", "-of", "default=noprint_wrappers=1",
                file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("ffprobe cannot read " + file + ": " + out);
        }
        for (String line : out.split("\n")) {
            if (line.startsWith("nb_read_frames=")) {
                assertTrue(out.contains("codec_name=h264"), file + ": " + out);
                return Long.parseLong(line.substring("nb_read_frames=".length()).strip());
            }
        }
        throw new AssertionError("ffprobe found no video stream in " + file + ": " + out);
    }

    /** Skips without ffprobe on the PATH, fails when CI=true. */
    static void requireFfprobe() {
        String path = System.getenv("PATH");
        boolean present = path != null && Stream.of(path.split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d.isEmpty() ? "." : d, "ffprobe")));
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("ffprobe is not on the PATH, but CI must have it (Debian package ffmpeg)");
        }
        Assumptions.assumeTrue(present, "ffprobe not on the PATH: apt-get install ffmpeg to run the video checks");
    }
}
