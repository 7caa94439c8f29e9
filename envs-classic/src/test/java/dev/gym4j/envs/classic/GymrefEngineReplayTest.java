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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reference files through the project's replay engine, as {@code gym4j replay} runs them: bit for bit for
 * CartPole and both mountain cars, within 1e-6 for Acrobot and Pendulum. {@link GymrefReplayTest} checks
 * more (the internal state, the PCG64 state, exact reset observations everywhere).
 */
class GymrefEngineReplayTest {

    @ParameterizedTest
    @CsvSource({
        "CartPole-v1, 0",
        "MountainCar-v0, 0",
        "MountainCarContinuous-v0, 0",
        "Acrobot-v1, 1e-6",
        "Pendulum-v1, 1e-6",
    })
    void replayMatchesTheRecording(String id, double tolerance) throws Exception {
        List<String> lines = GymrefReplayTest.lines(id);
        String jsonl = String.join("\n", lines) + "\n";
        ReplayResult replay = TrajectoryReplayer.replay(new StringReader(jsonl), null);
        assertEquals(id, replay.envId());
        ComparisonResult result = TrajectoryComparison.compare(new StringReader(jsonl), replay, tolerance);
        assertTrue(result.matches(), id + ": " + result);
        assertEquals(lines.size() - 1, result.runs());
        assertEquals(17, result.episodes());
    }
}
