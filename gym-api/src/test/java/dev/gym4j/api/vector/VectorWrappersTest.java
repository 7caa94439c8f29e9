package dev.gym4j.api.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.Env;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.wrappers.TimeLimit;
import dev.gym4j.api.wrappers.vector.ClipAction;
import dev.gym4j.api.wrappers.vector.NormalizeObservation;
import dev.gym4j.api.wrappers.vector.RecordEpisodeStatistics;
import dev.gym4j.api.wrappers.vector.TransformObservation;
import dev.gym4j.testkit.fixtures.BufferedNoisyWalkEnv;
import dev.gym4j.testkit.fixtures.NoisyWalkEnv;
import dev.gym4j.testkit.fixtures.PushEnv;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The vector wrappers a trainer needs first. */
class VectorWrappersTest {

    private static final IntFunction<Env<float[], Integer>> WALK = i -> new TimeLimit<>(new BufferedNoisyWalkEnv(true), 6);

    @ParameterizedTest
    @EnumSource(value = AutoresetMode.class, names = {"NEXT_STEP", "SAME_STEP"})
    @SuppressWarnings("unchecked")
    void recordEpisodeStatisticsReportsEachFinishedEpisode(AutoresetMode mode) {
        int n = 4;
        ReferenceRun reference = new ReferenceRun(n, WALK, mode);
        double[] returns = new double[n];
        int[] lengths = new int[n];
        boolean[] previousDone = new boolean[n];
        int episodes = 0;
        try (RecordEpisodeStatistics<float[], long[]> envs = new RecordEpisodeStatistics<>(
                new SyncVectorEnv<>(ReferenceRun.make(n, WALK), mode), 3)) {
            envs.reset(9);
            reference.reset(9L, Map.of(), null);
            SplittableRandom random = new SplittableRandom(1);
            for (int step = 0; step < 200; step++) {
                long[] actions = random.longs(n, 0, 3).toArray();
                VectorBatch<float[]> batch = envs.step(actions);
                reference.stepAll(actions);
                boolean any = false;
                for (int i = 0; i < n; i++) {
                    if (mode == AutoresetMode.NEXT_STEP && previousDone[i]) {
                        returns[i] = 0;
                        lengths[i] = 0;
                    } else {
                        returns[i] += reference.rewards[i];
                        lengths[i]++;
                    }
                    previousDone[i] = reference.terminations[i] || reference.truncations[i];
                    any |= previousDone[i];
                }
                Map<String, Object> infos = batch.infos();
                assertEquals(any, infos.containsKey("episode"), "step " + step);
                if (any) {
                    Map<String, Object> episode = (Map<String, Object>) infos.get("episode");
                    boolean[] mask = (boolean[]) infos.get("_episode");
                    for (int i = 0; i < n; i++) {
                        assertEquals(previousDone[i], mask[i]);
                        assertEquals(previousDone[i] ? returns[i] : 0.0, ((double[]) episode.get("r"))[i], 1e-12);
                        assertEquals(previousDone[i] ? lengths[i] : 0, ((int[]) episode.get("l"))[i]);
                        if (previousDone[i]) {
                            episodes++;
                            if (mode == AutoresetMode.SAME_STEP) {
                                returns[i] = 0;
                                lengths[i] = 0;
                            }
                        }
                    }
                    assertTrue(infos.containsKey("_episode"));
                }
            }
            assertEquals(episodes, envs.episodeCount());
            assertEquals(3, envs.returnQueue().size());
            assertTrue(episodes > 20);
        } finally {
            reference.close();
        }
    }

    @Test
    void clipActionClipsIntoItsOwnBuffer() {
        List<PushEnv> subs = List.of(new PushEnv(), new PushEnv());
        try (ClipAction<float[], float[]> envs = new ClipAction<>(new SyncVectorEnv<float[], float[]>(subs))) {
            envs.reset(0);
            float[] actions = {5f, -0.5f, -3f, 0.25f};
            envs.step(actions);
            assertArrayEquals(new float[] {1f, -0.5f}, subs.get(0).lastAction());
            assertArrayEquals(new float[] {-1f, 0.25f}, subs.get(1).lastAction());
            assertArrayEquals(new float[] {5f, -0.5f, -3f, 0.25f}, actions);
            assertEquals(Double.POSITIVE_INFINITY, ((dev.gym4j.api.spaces.Box<?>) envs.singleActionSpace()).high()[0]);
        }
        assertThrows(InvalidArgumentException.class, () -> new ClipAction<>(new SyncVectorEnv<>(List.of(new NoisyWalkEnv(false)))));
    }

    @Test
    void normalizeObservationMatchesRunningStatistics() {
        int n = 3;
        try (NormalizeObservation<float[], long[]> envs = new NormalizeObservation<>(
                new SyncVectorEnv<>(ReferenceRun.make(n, WALK)))) {
            float[] raw = new float[n * 3];
            VectorBatch<float[]> batch = envs.reset(4);
            // After one batch: mean ~ batch mean (count 1e-4 weighs almost nothing), so the batch is standardized.
            double sum = 0;
            for (int r = 0; r < n; r++) {
                sum += batch.observations()[r * 3];
            }
            assertEquals(0.0, sum / n, 1e-3);
            for (int step = 0; step < 50; step++) {
                batch = envs.step(new long[n]);
                for (float v : batch.observations()) {
                    assertTrue(Float.isFinite(v));
                }
            }
            assertFalse(java.util.Arrays.equals(raw, batch.observations()));
            envs.setUpdateRunningMean(false);
            double[] mean = envs.mean();
            envs.step(new long[n]);
            assertArrayEquals(mean, envs.mean());
        }
    }

    @Test
    void transformObservationSeesTheWholeBatch() {
        float[] doubled = new float[2 * 3];
        try (TransformObservation<float[], float[], long[]> envs = new TransformObservation<>(
                new SyncVectorEnv<>(ReferenceRun.make(2, WALK)), obs -> {
                    for (int i = 0; i < obs.length; i++) {
                        doubled[i] = 2 * obs[i];
                    }
                    return doubled;
                })) {
            VectorBatch<float[]> batch = envs.reset(2);
            ReferenceRun reference = new ReferenceRun(2, WALK, AutoresetMode.NEXT_STEP);
            reference.reset(2L, Map.of(), null);
            assertEquals(2 * reference.observations[1][2], batch.observations()[5]);
            batch = envs.step(new long[] {1, 2});
            reference.stepAll(new long[] {1, 2});
            assertEquals(2 * reference.observations[0][0], batch.observations()[0]);
            assertEquals(reference.rewards[1], batch.rewards()[1]);
            reference.close();
        }
    }
}
