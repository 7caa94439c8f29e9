package dev.gym4j.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.replay.internal.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gym4j evaluate} on a run's directory, policy and checkpoint; {@code gym4j tune}'s argument checks. */
class EvaluateTuneCommandTest {

    @Test
    void evaluatesARunItsPolicyAndItsCheckpointAlike(@TempDir Path dir) {
        Path run = dir.resolve("run");
        assertEquals(0, Cli.run("train", "CartPole-v1", "--steps", "2048", "--no-video", "eval_episodes=0", "--out",
                run.toString()).status());
        Cli byDir = Cli.run("evaluate", run.toString(), "--episodes", "5", "--deterministic", "--json");
        assertEquals(0, byDir.status(), byDir.toString());
        Map<String, Object> a = Json.parseObject(byDir.out().strip());
        assertEquals("CartPole-v1", a.get("env"));
        assertEquals(5L, a.get("episodes"));
        assertEquals(5, ((List<?>) a.get("returns")).size());
        Cli byOnnx = Cli.run("evaluate", run.resolve("policy.onnx").toString(), "--episodes", "5", "--deterministic", "--json");
        Cli byCheckpoint = Cli.run("evaluate", run.resolve("checkpoint.bin").toString(), "--episodes", "5", "--deterministic",
                "--json");
        assertEquals(byDir.out(), byOnnx.out());
        assertEquals(byDir.out(), byCheckpoint.out());
        Cli text = Cli.run("evaluate", run.toString(), "--episodes", "3");
        assertTrue(text.out().startsWith("CartPole-v1: mean return ") && text.out().contains("over 3 sampled episodes"),
                text.toString());
    }

    @Test
    void badInputIsOneLine(@TempDir Path dir) throws Exception {
        Cli missing = Cli.run("evaluate", dir.resolve("none").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().startsWith("gym4j evaluate: no policy at "), missing.toString());
        Path junk = dir.resolve("policy.onnx");
        Files.write(junk, new byte[] {1, 2, 3});
        Cli notOurs = Cli.run("evaluate", junk.toString());
        assertEquals(2, notOurs.status());
        assertEquals(1, notOurs.err().lines().count(), notOurs.toString());
        Cli badParam = Cli.run("tune", "CartPole-v1", "--param", "lr=1:0.1", "--out", dir.toString());
        assertEquals(2, badParam.status());
        assertTrue(badParam.err().contains("--param lr: need LOW < HIGH"), badParam.toString());
        Cli unknown = Cli.run("tune", "CartPole-v1", "--param", "speed=1:2", "--out", dir.toString());
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("unknown hyperparameter 'speed'"), unknown.toString());
    }
}
