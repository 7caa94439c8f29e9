package dev.gym4j.worker.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.replay.internal.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gym4j train} on camera observations: {@code --kwarg} reaches the envs, the image Box gets the conv torso,
 * the run is deterministic, its {@code policy.onnx} (with the torso) is what {@code gym4j evaluate} runs, and a
 * bad setting is one line with status 2. A few hundred steps of a tiny image: a smoke test, not a learning run.
 */
class TrainCnnCommandTest {

    @TempDir
    Path dir;

    private Cli train(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "tracker/ObjectTracker-v0", "--kwarg", "observation=gray",
                "--kwarg", "image_size=[20,16]", "--kwarg", "renderer=software", "--steps", "256", "--num-envs", "2",
                "--seed", "4", "--out", out.toString(), "--no-video", "num_steps=64", "num_minibatches=2",
                "update_epochs=1", "eval_episodes=1", "conv_layers=4:4:2,8:3:1"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(new String[0]));
    }

    @Test
    void trainsEvaluatesAndRepeatsItselfOnGrayImages() throws Exception {
        Path a = dir.resolve("a");
        Cli run = train(a);
        assertEquals(0, run.status(), run.toString());
        Map<String, Object> config = Json.parseObject(Files.readString(a.resolve("config.json")));
        assertEquals("4:4:2,8:3:1", config.get("conv_layers"));
        assertEquals(Map.of("observation", "gray", "image_size", List.of(20L, 16L), "renderer", "software"), config.get("env_kwargs"));
        @SuppressWarnings("unchecked")
        Map<String, Object> trainer = (Map<String, Object>) Json.parseObject(Files.readString(a.resolve("policy.json"))).get("trainer");
        @SuppressWarnings("unchecked")
        Map<String, Object> conv = (Map<String, Object>) trainer.get("conv");
        assertEquals(List.of(16L, 20L, 1L), conv.get("input_shape"));
        Path b = dir.resolve("b");
        assertEquals(0, train(b).status());
        assertEquals(Files.readString(a.resolve("metrics.jsonl")), Files.readString(b.resolve("metrics.jsonl")));
        assertArrayEquals(Files.readAllBytes(a.resolve("policy.onnx")), Files.readAllBytes(b.resolve("policy.onnx")));
        Cli eval = Cli.run("evaluate", a.toString(), "--episodes", "1", "--json");
        assertEquals(0, eval.status(), eval.toString());
        assertTrue(eval.out().contains("\"mean\""), eval.toString());
    }

    @Test
    void settingsThatDoNotFitAreOneLine() {
        Cli tooBig = train(dir.resolve("c"), "conv_layers=4:30:1");
        assertEquals(2, tooBig.status(), tooBig.toString());
        assertTrue(tooBig.err().contains("has a 30x30 kernel but its input is 16x20"), tooBig.toString());
        Cli normalized = train(dir.resolve("d"), "normalize_observation=true");
        assertEquals(2, normalized.status(), normalized.toString());
        assertTrue(normalized.err().contains("normalize_observation=true does not go with the CNN"), normalized.toString());
        Cli badKwarg = Cli.run("train", "tracker/ObjectTracker-v0", "--kwarg", "observation=depth", "--steps", "64");
        assertEquals(2, badKwarg.status(), badKwarg.toString());
        assertTrue(badKwarg.err().contains("kwarg 'observation' of ObjectTrackerEnv must be one of"), badKwarg.toString());
    }
}
