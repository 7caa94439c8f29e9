package dev.gym4j.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gym4j replay --compare} on excerpts of Gymnasium's reference data (shared/gymref): CartPole's
 * standard and extras runs (reset options, steps beyond termination), and Pendulum's extras run
 * (float32 Box actions, out-of-bounds actions). Both compare with no tolerance: Pendulum's sin, cos, pow and powf
 * are glibc's to the last bit ({@code dev.gym4j.api.math.Libm}).
 */
class GymrefReplayTest {

    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = GymrefReplayTest.class.getResourceAsStream("/gymref/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void cartPoleReplaysBitForBit() throws IOException {
        Cli r = Cli.run("replay", resource("CartPole-v1.jsonl").toString(), "--out", dir.resolve("out.jsonl").toString(), "--compare");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.err().contains("match: 2 runs, 5 episodes"), r.toString());
    }

    @Test
    void pendulumReplaysBitForBit() throws IOException {
        Cli r = Cli.run("replay", resource("Pendulum-v1.jsonl").toString(), "--out", dir.resolve("out.jsonl").toString(),
                "--compare");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.err().contains("match: 1 runs, 3 episodes, 407 steps"), r.toString());
    }

    @Test
    void theReplayIsWrittenAsTheReferenceIsWritten() throws IOException {
        Path file = resource("CartPole-v1.jsonl");
        Cli r = Cli.run("replay", file.toString());
        assertEquals(0, r.status(), r.toString());
        String expectedFirstObs = Files.readAllLines(file).get(1).replaceFirst("^.*?\"reset_obs\":(\\[[^]]*]).*$", "$1");
        assertTrue(r.lines().get(1).contains("\"reset_obs\":" + expectedFirstObs), r.lines().get(1).substring(0, 200));
    }
}
