package dev.gym4j.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.StepResult;
import dev.gym4j.replay.TrajectoryComparison;
import dev.gym4j.replay.internal.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {

    @TempDir
    Path dir;

    /** Records two runs of the test walk in the reference format, as the reference generator does. */
    private Path recording(String recordedId) throws IOException {
        StringBuilder text = new StringBuilder();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("type", "header");
        header.put("env_id", recordedId);
        text.append(Json.write(header)).append('\n');
        for (long seed : new long[] {0, 5}) {
            try (Env<float[], Integer> env = Gym.make(CliTestEnvProvider.WALK)) {
                List<Object> episodes = new ArrayList<>();
                for (Long s : new Long[] {seed, null}) {
                    Map<String, Object> reset = new LinkedHashMap<>();
                    reset.put("seed", s);
                    reset.put("options", null);
                    Map<String, Object> episode = new LinkedHashMap<>();
                    episode.put("reset", reset);
                    episode.put("reset_obs", env.reset(s, Map.of()).observation());
                    List<Object> steps = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        int action = (int) ((seed + i) % 3);
                        StepResult<float[]> r = env.step(action);
                        steps.add(List.of(action, r.observation(), r.reward(), r.terminated() ? 1 : 0, r.truncated() ? 1 : 0));
                    }
                    episode.put("steps", steps);
                    episodes.add(episode);
                }
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("type", "run");
                run.put("seed", seed);
                run.put("episodes", episodes);
                text.append(Json.write(run)).append('\n');
            }
        }
        Path file = dir.resolve("walk.jsonl");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void replayWritesTheSameTrajectoriesToStandardOutput() throws IOException {
        Path file = recording(CliTestEnvProvider.WALK);
        Cli r = Cli.run("replay", file.toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals(3, r.lines().size(), r.toString());
        assertEquals("header", Json.parseObject(r.lines().get(0)).get("type"));
        var comparison = TrajectoryComparison.compare(Files.newBufferedReader(file), new StringReader(r.out()), 0.0);
        assertTrue(comparison.matches(), comparison.toString());
        assertEquals(32, comparison.steps());
    }

    @Test
    void replayWritesToOutAndComparesOnRequest() throws IOException {
        Path file = recording(CliTestEnvProvider.WALK);
        Path out = dir.resolve("out.jsonl");
        Cli r = Cli.run("replay", file.toString(), "--out", out.toString(), "--compare");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().startsWith("replayed 2 runs, 4 episodes, 32 steps of " + CliTestEnvProvider.WALK), r.toString());
        assertTrue(r.err().contains("match: 2 runs, 4 episodes, 32 steps"), r.toString());
        assertEquals(3, Files.readAllLines(out).size());
    }

    @Test
    void anOutFileInAMissingDirectoryIsRefusedBeforeReplaying() throws IOException {
        Path file = recording(CliTestEnvProvider.WALK);
        Path out = dir.resolve("no-such-dir").resolve("out.jsonl");
        Cli r = Cli.run("replay", file.toString(), "--out", out.toString());
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().contains("no such directory") && r.out().isEmpty(), r.toString());
    }

    @Test
    void envOverridesTheHeadersId() throws IOException {
        Path file = recording("Walk-v0");
        assertEquals(2, Cli.run("replay", file.toString()).status());
        Cli r = Cli.run("replay", file.toString(), "--env", CliTestEnvProvider.WALK, "--compare");
        assertEquals(0, r.status(), r.toString());
        assertEquals(CliTestEnvProvider.WALK, Json.parseObject(r.lines().get(0)).get("env_id"));
    }

    @Test
    void aDifferenceIsReportedWithStatus1() throws IOException {
        Path file = recording(CliTestEnvProvider.WALK);
        String text = Files.readString(file);
        String[] lines = text.split("\n");
        Map<String, Object> run = Json.parseObject(lines[2]);
        Map<?, ?> episode = (Map<?, ?>) ((List<?>) run.get("episodes")).get(0);
        @SuppressWarnings("unchecked")
        List<Object> step = (List<Object>) ((List<?>) episode.get("steps")).get(3);
        step.set(2, (Double) step.get(2) + 1.0);
        Files.writeString(file, lines[0] + "\n" + lines[1] + "\n" + Json.write(run) + "\n");
        Cli r = Cli.run("replay", file.toString(), "--compare");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("run 1 (seed 5), episode 0, step 3, reward: expected"), r.err());
    }

    @Test
    void badFilesAreOneLineWithStatus2() throws IOException {
        Path garbage = dir.resolve("garbage.jsonl");
        Files.writeString(garbage, "{\"type\":\"header\",\"env_id\":\"" + CliTestEnvProvider.WALK + "\"}\nnot json\n");
        Path binary = dir.resolve("binary.jsonl");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        for (String[] args : List.of(new String[] {"replay", dir.resolve("missing.jsonl").toString()},
                new String[] {"replay", garbage.toString()}, new String[] {"replay", binary.toString()},
                new String[] {"replay", dir.toString()}, new String[] {"replay", garbage.toString(), "--tolerance", "-1"})) {
            Cli r = Cli.run(args);
            assertEquals(2, r.status(), r.toString());
            assertEquals(1, r.err().lines().count(), r.toString());
            assertEquals("", r.out(), r.toString());
        }
        assertTrue(Cli.run("replay", dir.resolve("missing.jsonl").toString()).err().contains("no such file"));
        assertTrue(Cli.run("replay", garbage.toString()).err().contains("line 2: Invalid JSON"));
    }
}
