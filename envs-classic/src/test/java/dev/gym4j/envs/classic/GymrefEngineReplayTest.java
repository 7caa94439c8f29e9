package dev.gym4j.envs.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.replay.ComparisonResult;
import dev.gym4j.replay.ReplayResult;
import dev.gym4j.replay.TrajectoryComparison;
import dev.gym4j.replay.TrajectoryReplayer;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference files through the project's replay engine, as {@code gym4j replay} runs them: bit for bit, with
 * tolerance 0, for all five classic envs. {@link GymrefReplayTest} checks
 * more (the internal state, the PCG64 state, exact reset observations everywhere).
 */
class GymrefEngineReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1", "Pendulum-v1"})
    void replayMatchesTheRecording(String id) throws Exception {
        List<String> lines = GymrefReplayTest.lines(id);
        String jsonl = String.join("\n", lines) + "\n";
        ReplayResult replay = TrajectoryReplayer.replay(new StringReader(jsonl), null);
        assertEquals(id, replay.envId());
        ComparisonResult result = TrajectoryComparison.compare(new StringReader(jsonl), replay, 0.0);
        assertTrue(result.matches(), id + ": " + result);
        assertEquals(lines.size() - 1, result.runs());
        assertEquals(17, result.episodes());
    }
}
