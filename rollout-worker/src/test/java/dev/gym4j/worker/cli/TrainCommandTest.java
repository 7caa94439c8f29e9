package dev.gym4j.worker.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.AbstractEnv;
import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.replay.internal.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gym4j train} end to end, in-process: the outputs, byte-identical reruns, {@code --resume} after
 * {@code --stop-after}, hyperparameters from files, and every bad input as one line with exit status 2.
 */
class TrainCommandTest {

    static final String DISCRETE_OBS = "clitest/DiscreteObservation-v0";
    static final String[] SHORT = {"--steps", "1024", "--num-envs", "4", "num_steps=64", "eval_episodes=3", "--no-video"};

    /** An env whose Discrete observations the trainer cannot take. */
    static final class DiscreteObservationEnv extends AbstractEnv<Integer, Integer> {
        DiscreteObservationEnv() {
            super(null, List.of());
        }

        @Override
        public Space<Integer> observationSpace() {
            return new Discrete(4);
        }

        @Override
        public Space<Integer> actionSpace() {
            return new Discrete(2);
        }

        @Override
        protected ResetResult<Integer> doReset(Map<String, ?> options) {
            return ResetResult.of(0);
        }

        @Override
        protected StepResult<Integer> doStep(Integer action) {
            return new StepResult<>(action, 1.0, true, false, Map.of());
        }
    }

    @BeforeAll
    static void register() {
        if (!Gym.registry().containsKey(DISCRETE_OBS)) {
            Gym.register(EnvSpec.of(DISCRETE_OBS, DiscreteObservationEnv.class.getName(), k -> new DiscreteObservationEnv(), 10, null));
        }
    }

    static String[] args(String... extra) {
        String[] all = new String[SHORT.length + extra.length + 2];
        all[0] = "train";
        all[1] = "CartPole-v1";
        System.arraycopy(SHORT, 0, all, 2, SHORT.length);
        System.arraycopy(extra, 0, all, 2 + SHORT.length, extra.length);
        return all;
    }

    @Test
    void writesItsOutputsAndRerunsToTheSameBytes(@TempDir Path dir) throws Exception {
        Cli a = Cli.run(args("--out", dir.resolve("a").toString()));
        assertEquals(0, a.status(), a.toString());
        for (String f : List.of("policy.onnx", "policy.json", "checkpoint.bin", "config.json", "metrics.jsonl", "timing.jsonl",
                "learning-curve.png")) {
            assertTrue(Files.size(dir.resolve("a").resolve(f)) > 0, f);
        }
        List<String> lines = a.lines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("episode_reward_mean: ")), a.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("episode_reward_max: ")), a.toString());
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("CartPole-v1: mean return ") && last.contains("over 3 deterministic episodes after 1024 steps"),
                last);
        Map<String, Object> config = Json.parseObject(Files.readString(dir.resolve("a/config.json")));
        assertEquals(1024L, config.get("total_timesteps"));
        assertEquals(64L, config.get("num_steps"));
        assertEquals(0.0, config.get("ent_coef"));
        assertEquals(0.001, config.get("learning_rate"));
        Map<String, Object> policy = Json.parseObject(Files.readString(dir.resolve("a/policy.json")));
        assertEquals("gym4j.policy.v1", policy.get("format"));
        assertEquals("categorical", policy.get("distribution"));
        byte[] png = Files.readAllBytes(dir.resolve("a/learning-curve.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);

        Cli b = Cli.run(args("--out", dir.resolve("b").toString()));
        assertEquals(0, b.status(), b.toString());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/metrics.jsonl")), Files.readAllBytes(dir.resolve("b/metrics.jsonl")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/policy.onnx")), Files.readAllBytes(dir.resolve("b/policy.onnx")));
    }

    @Test
    void resumeAfterStopGivesTheUninterruptedResult(@TempDir Path dir) throws Exception {
        assertEquals(0, Cli.run(args("--out", dir.resolve("whole").toString())).status());
        Cli stopped = Cli.run(args("--out", dir.resolve("part").toString(), "--stop-after", "512"));
        assertEquals(0, stopped.status(), stopped.toString());
        assertTrue(stopped.out().contains("stopped after 512 of 1024 steps"), stopped.toString());
        Cli resumed = Cli.run("train", "--resume", dir.resolve("part").toString(), "--no-video");
        assertEquals(0, resumed.status(), resumed.toString());
        assertArrayEquals(Files.readAllBytes(dir.resolve("whole/policy.onnx")), Files.readAllBytes(dir.resolve("part/policy.onnx")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("whole/metrics.jsonl")), Files.readAllBytes(dir.resolve("part/metrics.jsonl")));
    }

    @Test
    void hyperparametersFromYamlAndJsonFiles(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("hp.yaml");
        Files.writeString(yaml, "rl:\n  training:\n    config:\n      lr: 0.002\nhidden_sizes: [32, 16]\n");
        Cli r = Cli.run(args("--out", dir.resolve("y").toString(), "--config", yaml.toString()));
        assertEquals(0, r.status(), r.toString());
        Map<String, Object> config = Json.parseObject(Files.readString(dir.resolve("y/config.json")));
        assertEquals(0.002, config.get("learning_rate"));
        assertEquals("32,16", config.get("hidden_sizes"));
    }

    @Test
    void badInputIsOneLineAndExitStatusTwo(@TempDir Path dir) throws Exception {
        String out = dir.resolve("o").toString();
        assertError(Cli.run(args("--out", out, "learning_rat=1")), "gym4j train: unknown hyperparameter 'learning_rat'; known: "
                + "total_timesteps, num_envs");
        assertError(Cli.run(args("--out", out, "gamma=abc")), "gym4j train: hyperparameter gamma must be a number, got 'abc'");
        assertError(Cli.run(args("--out", out, "clip_coef=-1")), "gym4j train: hyperparameter clip_coef must be > 0");
        assertError(Cli.run("train", DISCRETE_OBS, "--out", out), "gym4j train: the trainer needs a non-empty Box observation "
                + "space; " + DISCRETE_OBS + " has Discrete(4)");
        assertError(Cli.run("train", "--resume", dir.resolve("nothing").toString()), "gym4j train: no checkpoint at ");
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        Files.write(bad.resolve("checkpoint.bin"), "not a checkpoint".getBytes());
        assertError(Cli.run("train", "--resume", bad.toString()), "is not a gym4j PPO checkpoint");
        Path json = dir.resolve("hp.json");
        Files.writeString(json, "{\"lr\": ");
        assertError(Cli.run(args("--out", out, "--config", json.toString())), "is not valid JSON");
        assertError(Cli.run("train", "NoSuchEnv-v0"), "gym4j train: ");
    }

    private static void assertError(Cli r, String start) {
        assertEquals(2, r.status(), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        assertTrue(r.err().contains(start), r.toString());
    }
}
