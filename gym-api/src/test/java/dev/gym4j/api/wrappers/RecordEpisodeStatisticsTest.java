package dev.gym4j.api.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.StepResult;
import dev.gym4j.testkit.fixtures.RandomWalkEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordEpisodeStatisticsTest {

    /** Plays episodes on a bare env with the same seed, always moving right, and returns [return, length] per episode. */
    private static List<double[]> expectedEpisodes(int episodes) {
        RandomWalkEnv twin = new RandomWalkEnv();
        List<double[]> out = new ArrayList<>();
        for (int e = 0; e < episodes; e++) {
            if (e == 0) {
                twin.reset(3);
            } else {
                twin.reset();
            }
            double ret = 0;
            int len = 0;
            StepResult<float[]> s;
            do {
                s = twin.step(1);
                ret += s.reward();
                len++;
            } while (!s.done());
            out.add(new double[] {ret, len});
        }
        return out;
    }

    @Test
    void addsReturnLengthAndTimeAtTheEndOfEachEpisode() {
        RecordEpisodeStatistics<float[], Integer> env = new RecordEpisodeStatistics<>(new RandomWalkEnv(), 2);
        List<double[]> expected = expectedEpisodes(3);
        for (int e = 0; e < 3; e++) {
            if (e == 0) {
                env.reset(3);
            } else {
                env.reset();
            }
            StepResult<float[]> s;
            while (true) {
                s = env.step(1);
                if (s.done()) {
                    break;
                }
                assertFalse(s.info().containsKey("episode"));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> stats = (Map<String, Object>) s.info().get("episode");
            assertEquals(expected.get(e)[0], (Double) stats.get("r"));
            assertEquals((int) expected.get(e)[1], (Integer) stats.get("l"));
            double t = (Double) stats.get("t");
            assertTrue(t >= 0 && t == RecordEpisodeStatistics.roundTo6Digits(t), "t = " + t);
            assertEquals(List.of("r", "l", "t"), List.copyOf(stats.keySet()));
            assertTrue(s.info().containsKey("x"), "the env's own info entries are kept");
        }
        assertEquals(3, env.episodeCount());
        assertEquals(List.of(expected.get(1)[0], expected.get(2)[0]), env.returnQueue());
        assertEquals(List.of((int) expected.get(1)[1], (int) expected.get(2)[1]), env.lengthQueue());
        assertEquals(2, env.timeQueue().size());
    }

    @Test
    void defaultsToABufferOf100AndTheKeyEpisode() {
        RecordEpisodeStatistics<float[], Integer> env = new RecordEpisodeStatistics<>(new RandomWalkEnv());
        env.reset(0);
        for (int i = 0; i < 150; i++) {
            StepResult<float[]> s = env.step(i % 3 == 0 ? 0 : 1);
            if (s.done()) {
                assertTrue(s.info().containsKey("episode"));
                env.reset();
            }
        }
        assertTrue(env.episodeCount() > 0);
        assertEquals(env.episodeCount(), env.returnQueue().size());
        assertEquals(RecordEpisodeStatistics.DEFAULT_BUFFER_LENGTH, 100);
    }

    @Test
    void roundsTimeLikePythonsRound() {
        // Python: round(5e-07, 6) == 0.0 (the double 5e-07 is slightly below the half) and round(2.5e-06, 6) == 3e-06
        // (the double 2.5e-06 is slightly above it): rounding works on the exact binary value
        assertEquals(0.0, RecordEpisodeStatistics.roundTo6Digits(5e-07));
        assertEquals(3e-06, RecordEpisodeStatistics.roundTo6Digits(2.5e-06));
        assertEquals(1.234568, RecordEpisodeStatistics.roundTo6Digits(1.2345675));
        assertEquals(12.0, RecordEpisodeStatistics.roundTo6Digits(12.0000001));
    }

    @Test
    void rejectsABufferShorterThanOne() {
        assertThrows(InvalidArgumentException.class, () -> new RecordEpisodeStatistics<>(new RandomWalkEnv(), 0));
    }

    @Test
    void usesAnotherStatsKeyWhenAsked() {
        RecordEpisodeStatistics<float[], Integer> env = new RecordEpisodeStatistics<>(new RandomWalkEnv(), 5, "stats");
        env.reset(1);
        StepResult<float[]> s;
        do {
            s = env.step(0);
        } while (!s.done());
        assertTrue(s.info().containsKey("stats"));
        assertFalse(s.info().containsKey("episode"));
    }
}
