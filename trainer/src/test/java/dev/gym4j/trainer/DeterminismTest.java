package dev.gym4j.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same seed, configuration and number of workers give the same bits; a run resumed from a checkpoint ends
 * where the uninterrupted one does; a damaged checkpoint is refused.
 */
class DeterminismTest {

    record Run(List<Map<String, Object>> metrics, float[] params, byte[] onnx) {
    }

    static PpoConfig config(Map<String, Object> extra) {
        Map<String, Object> o = new java.util.LinkedHashMap<>(Map.of("total_timesteps", 6 * 4 * 64, "num_envs", 4,
                "num_steps", 64, "seed", 7));
        o.putAll(extra);
        return PpoConfig.resolve("CartPole-v1", false, o);
    }

    static Run run(PpoConfig config) throws InterruptedException {
        List<Map<String, Object>> metrics = new ArrayList<>();
        try (PpoTrainer t = PpoTrainer.create("CartPole-v1", Map.of(), config)) {
            t.train(r -> metrics.add(r.metrics()), Long.MAX_VALUE, null);
            return new Run(metrics, t.parameters(), t.policyOnnx());
        }
    }

    @Test
    void sameSeedSameBits() throws Exception {
        Run a = run(config(Map.of()));
        Run b = run(config(Map.of()));
        assertEquals(6, a.metrics.size());
        assertEquals(a.metrics, b.metrics);
        assertArrayEquals(a.params, b.params);
        assertArrayEquals(a.onnx, b.onnx);
        Run other = run(config(Map.of("seed", 8)));
        assertNotEquals(a.metrics, other.metrics);
    }

    @Test
    void twoWorkerThreadsAreDeterministicToo() throws Exception {
        Run a = run(config(Map.of("num_workers", 2)));
        Run b = run(config(Map.of("num_workers", 2)));
        assertEquals(a.metrics, b.metrics);
        assertArrayEquals(a.params, b.params);
    }

    @Test
    void resumingFromTheMiddleEndsWhereTheUninterruptedRunDoes(@TempDir Path dir) throws Exception {
        // observation and reward normalization on, so that their saved statistics matter too
        PpoConfig config = config(Map.of("normalize_observation", true, "normalize_reward", true));
        Run whole = run(config);
        Path checkpoint = dir.resolve("checkpoint.bin");
        List<Map<String, Object>> metrics = new ArrayList<>();
        try (PpoTrainer t = PpoTrainer.create("CartPole-v1", Map.of(), config)) {
            t.train(r -> metrics.add(r.metrics()), 3 * 4 * 64, null);
            assertFalse(t.finished());
            t.saveCheckpoint(checkpoint);
        }
        try (PpoTrainer t = PpoTrainer.resume(checkpoint, 0)) {
            assertEquals(3, t.iteration());
            t.train(r -> metrics.add(r.metrics()), Long.MAX_VALUE, null);
            assertTrue(t.finished());
            assertArrayEquals(whole.params, t.parameters());
            assertArrayEquals(whole.onnx, t.policyOnnx());
        }
        assertEquals(whole.metrics, metrics);
    }

    @Test
    void damagedCheckpointsAreRefused(@TempDir Path dir) throws Exception {
        Path checkpoint = dir.resolve("checkpoint.bin");
        TrainerException missing = assertThrows(TrainerException.class, () -> PpoTrainer.resume(checkpoint, 0));
        assertTrue(missing.getMessage().startsWith("no checkpoint at"), missing.getMessage());
        try (PpoTrainer t = PpoTrainer.create("CartPole-v1", Map.of(), config(Map.of()))) {
            t.train(r -> { }, 4 * 64, null);
            t.saveCheckpoint(checkpoint);
        }
        byte[] good = Files.readAllBytes(checkpoint);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 1;
        assertRefused(checkpoint, flipped, "corrupt (checksum mismatch)");
        assertRefused(checkpoint, java.util.Arrays.copyOf(good, good.length / 3), "corrupt");
        assertRefused(checkpoint, "hello".getBytes(), "is not a gym4j PPO checkpoint");
    }

    private static void assertRefused(Path checkpoint, byte[] bytes, String message) throws IOException {
        Files.write(checkpoint, bytes);
        TrainerException e = assertThrows(TrainerException.class, () -> PpoTrainer.resume(checkpoint, 0));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void unsupportedSpacesAndBadHyperparametersAreOneLine() {
        TrainerException unknown = assertThrows(TrainerException.class,
                () -> PpoConfig.resolve("CartPole-v1", false, Map.of("learning_rat", "1")));
        assertTrue(unknown.getMessage().contains("unknown hyperparameter 'learning_rat'; known: total_timesteps, num_envs"),
                unknown.getMessage());
        TrainerException type = assertThrows(TrainerException.class,
                () -> PpoConfig.resolve("CartPole-v1", false, Map.of("lr", "fast")));
        assertEquals("hyperparameter learning_rate must be a number, got 'fast'", type.getMessage());
        TrainerException range = assertThrows(TrainerException.class,
                () -> PpoConfig.resolve("CartPole-v1", false, Map.of("rl.training.config.gamma", "1.5")));
        assertEquals("hyperparameter gamma must be >= 0, at most 1, got 1.5", range.getMessage());
        TrainerException integer = assertThrows(TrainerException.class,
                () -> PpoConfig.resolve("CartPole-v1", false, Map.of("num_envs", "2.5")));
        assertEquals("hyperparameter num_envs must be an integer, got '2.5'", integer.getMessage());
        assertEquals(3e-4, PpoConfig.resolve("CartPole-v1", false, Map.of("rl.training.config.lr", "3e-4")).learningRate());
    }
}
