package dev.gym4j.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.Env;
import dev.gym4j.api.StepResult;
import dev.gym4j.replay.internal.json.Json;
import dev.gym4j.testkit.fixtures.DriftEnv;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TrajectoryReplayerTest {

    private static final Function<String, Env<?, ?>> DRIFT = id -> new DriftEnv();

    /** Writes a recording in the reference format by running DriftEnv directly, the way the reference generator did. */
    private static String record() {
        StringBuilder out = new StringBuilder();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("type", "header");
        header.put("env_id", "Drift-v0");
        out.append(Json.write(header)).append('\n');
        float[] actions = {0.5f, -0.25f, 1.0f, 0.75f, 0.125f, 1.0f, 1.0f, 1.0f, -1.0f};
        for (long seed : new long[] {0, 42}) {
            try (DriftEnv env = new DriftEnv()) {
                List<Object> episodes = new ArrayList<>();
                episodes.add(episode(env, seed, Map.of("scale", 2.0), actions));
                episodes.add(episode(env, null, null, Arrays.copyOf(actions, 4)));
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("type", "run");
                run.put("seed", seed);
                run.put("episodes", episodes);
                out.append(Json.write(run)).append('\n');
            }
        }
        return out.toString();
    }

    private static Map<String, Object> episode(DriftEnv env, Long seed, Map<String, Object> options, float[] actions) {
        Map<String, Object> reset = new LinkedHashMap<>();
        reset.put("seed", seed);
        reset.put("options", options);
        Map<String, Object> episode = new LinkedHashMap<>();
        episode.put("reset", reset);
        episode.put("reset_obs", env.reset(seed, options == null ? Map.of() : options).observation());
        List<Object> steps = new ArrayList<>();
        for (float a : actions) {
            StepResult<float[]> r = env.step(new float[] {a});
            steps.add(List.of(new float[] {a}, r.observation(), r.reward(), r.terminated() ? 1 : 0, r.truncated() ? 1 : 0));
        }
        episode.put("steps", steps);
        return episode;
    }

    @Test
    void replayReproducesTheRecordingBitForBit() {
        String recording = record();
        ReplayResult result = TrajectoryReplayer.replayWith(new StringReader(recording), DRIFT);
        assertEquals(2, result.runs().size());
        assertEquals(4, result.episodeCount());
        assertEquals(26, result.stepCount());
        ComparisonResult comparison = TrajectoryComparison.compare(new StringReader(recording), result, 0.0);
        assertTrue(comparison.matches(), comparison.toString());
        assertEquals("match: 2 runs, 4 episodes, 26 steps", comparison.toString());
        assertTrue(TrajectoryComparison.compare(new StringReader(recording), new StringReader(result.toJsonl()), 0.0).matches());
    }

    @Test
    void outputHasTheRecordedStructure() {
        ReplayResult result = TrajectoryReplayer.replayWith(new StringReader(record()), DRIFT);
        String[] lines = result.toJsonl().split("\n");
        assertEquals(3, lines.length);
        Map<String, Object> header = Json.parseObject(lines[0]);
        assertEquals("header", header.get("type"));
        assertEquals("Drift-v0", header.get("env_id"));
        assertEquals("Box", ((Map<?, ?>) header.get("action_space")).get("type"));
        Map<String, Object> run = Json.parseObject(lines[1]);
        Map<?, ?> episode = (Map<?, ?>) ((List<?>) run.get("episodes")).get(0);
        assertEquals(List.of("reset", "reset_obs", "steps", "length", "return"), List.copyOf(episode.keySet()));
        List<?> step = (List<?>) ((List<?>) episode.get("steps")).get(0);
        assertEquals(List.of(0.5), step.get(0));
        assertEquals(5, step.size());
        assertTrue(step.get(3) instanceof Long && step.get(4) instanceof Long);
        Map<?, ?> second = (Map<?, ?>) ((List<?>) run.get("episodes")).get(1);
        assertNull(((Map<?, ?>) second.get("reset")).get("seed"));
    }

    @Test
    void comparisonReportsTheFirstDifference() {
        String recording = record();
        ReplayResult result = TrajectoryReplayer.replayWith(new StringReader(recording), DRIFT);
        Map<String, Object> run = Json.parseObject(recording.split("\n")[2]);
        Map<?, ?> episode = (Map<?, ?>) ((List<?>) run.get("episodes")).get(1);
        @SuppressWarnings("unchecked")
        List<Object> step = (List<Object>) ((List<?>) episode.get("steps")).get(2);
        List<Object> obs = new ArrayList<>((List<?>) step.get(1));
        double original = (Double) obs.get(0);
        obs.set(0, Math.nextUp(original));
        step.set(1, obs);
        String edited = recording.split("\n")[0] + "\n" + recording.split("\n")[1] + "\n" + Json.write(run) + "\n";

        ComparisonResult exact = TrajectoryComparison.compare(new StringReader(edited), result, 0.0);
        assertFalse(exact.matches());
        Mismatch m = exact.firstMismatch();
        assertEquals(1, m.run());
        assertEquals(42L, m.runSeed());
        assertEquals(1, m.episode());
        assertEquals(2, m.step());
        assertEquals("obs[0]", m.field());
        assertEquals(Math.nextUp(original), m.expected());
        assertEquals(original, m.actual());
        assertTrue(exact.toString().contains("run 1 (seed 42), episode 1, step 2, obs[0]: expected"), exact.toString());
        assertTrue(TrajectoryComparison.compare(new StringReader(edited), result, 1e-9).matches());
    }

    @Test
    void comparisonNoticesMissingStepsAndEpisodes() {
        String recording = record();
        ReplayResult result = TrajectoryReplayer.replayWith(new StringReader(recording), DRIFT);
        String oneRun = recording.split("\n")[0] + "\n" + recording.split("\n")[1] + "\n";
        ComparisonResult c = TrajectoryComparison.compare(new StringReader(oneRun), result, 0.0);
        assertEquals("runs", c.firstMismatch().field());
        List<Map<String, Object>> runs = new ArrayList<>(result.runs());
        Map<String, Object> shortened = new LinkedHashMap<>(runs.get(0));
        List<Object> episodes = new ArrayList<>((List<?>) shortened.get("episodes"));
        Map<String, Object> episode = new LinkedHashMap<>(cast(episodes.get(0)));
        episode.put("steps", ((List<?>) episode.get("steps")).subList(0, 3));
        episodes.set(0, episode);
        shortened.put("episodes", episodes);
        runs.set(0, shortened);
        Mismatch m = TrajectoryComparison.compare(result.runs(), runs, 0.0).firstMismatch();
        assertEquals("steps", m.field());
        assertEquals(3, m.step());
        assertEquals(9, m.expected());
        assertEquals(3, m.actual());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void malformedFilesNameTheLine() {
        assertMessage("", "Empty trajectory file");
        assertMessage("{\"type\":\"run\"}\n", "line 1: expected a header");
        assertMessage("{\"type\":\"header\",\"env_id\":\"Drift-v0\"}\n\n{oops\n", "line 3: Invalid JSON");
        assertMessage("{\"type\":\"header\",\"env_id\":\"Drift-v0\"}\n{\"type\":\"run\"}\n", "line 2: expected an \"episodes\" array");
        assertMessage("{\"type\":\"header\",\"env_id\":\"Drift-v0\"}\n{\"type\":\"run\",\"episodes\":[{\"reset\":{\"seed\":-1,\"options\":null},\"steps\":[]}]}\n",
                "line 2, episode 0: reset seed must be a non-negative integer");
        assertMessage("{\"type\":\"header\",\"env_id\":\"Drift-v0\"}\n{\"type\":\"run\",\"episodes\":[{\"reset\":{\"seed\":18446744073709551616,\"options\":null},\"steps\":[]}]}\n",
                "beyond what Env.reset(Long) takes");
        assertMessage("{\"type\":\"header\",\"env_id\":\"Drift-v0\"}\n{\"type\":\"run\",\"episodes\":[{\"reset\":{\"seed\":1,\"options\":null},\"steps\":[[\"x\"]]}]}\n",
                "line 2, episode 0, step 0: a value of");
        assertMessage("{\"type\":\"header\",\"env_id\":\"Drift-v0\"}\n{\"type\":\"run\",\"episodes\":[{\"reset\":{\"seed\":1,\"options\":null},\"steps\":[[[0.5, 0.5]]]}]}\n",
                "expected 1 numbers");
    }

    private static void assertMessage(String text, String expected) {
        ReplayException e = assertThrows(ReplayException.class, () -> TrajectoryReplayer.replayWith(new StringReader(text), DRIFT));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
