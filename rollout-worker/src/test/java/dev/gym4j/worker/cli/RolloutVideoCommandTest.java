package dev.gym4j.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gym4j rollout ENV --video DIR [--video-every N]}. */
class RolloutVideoCommandTest {

    @TempDir
    Path dir;

    @Test
    void recordsTheCappedCubicEpisodes() throws IOException {
        Cli r = Cli.run("rollout", "CartPole-v1", "--episodes", "30", "--seed", "3", "--video", dir.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals(List.of("rl-video-episode-0.mp4", "rl-video-episode-1.mp4", "rl-video-episode-27.mp4",
                "rl-video-episode-8.mp4"), listing());
        assertCompleteMp4s();
    }

    @Test
    void recordsEveryNthEpisode() throws IOException {
        Cli r = Cli.run("rollout", "CartPole-v1", "--episodes", "25", "--video", dir.toString(), "--video-every", "10");
        assertEquals(0, r.status(), r.toString());
        assertEquals(List.of("rl-video-episode-0.mp4", "rl-video-episode-10.mp4", "rl-video-episode-20.mp4"), listing());
        assertCompleteMp4s();
    }

    @Test
    void refusesVideoEveryWithoutVideo() {
        Cli r = Cli.run("rollout", "CartPole-v1", "--video-every", "10");
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("--video-every"), r.toString());
    }

    @Test
    void saysSoWhenTheEnvCannotRenderFrames() {
        Cli r = Cli.run("rollout", CliTestEnvProvider.WALK, "--video", dir.toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("rgb_array"), r.toString());
    }

    /** Each file starts with an ftyp box and holds a moov box: complete, not a truncated stream. */
    private void assertCompleteMp4s() throws IOException {
        for (String name : listing()) {
            byte[] bytes = Files.readAllBytes(dir.resolve(name));
            String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertEquals("ftyp", text.substring(4, 8), name);
            assertTrue(text.contains("moov") && text.contains("avc1"), name);
        }
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
