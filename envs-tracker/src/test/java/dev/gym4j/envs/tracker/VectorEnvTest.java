package dev.gym4j.envs.tracker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.vector.VectorBatch;
import dev.gym4j.api.vector.VectorEnv;
import dev.gym4j.api.vector.VectorOptions;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A vector env of trackers stepped by worker threads (each sub-env with its own renderer and, with GL, its own
 * context made current on whichever worker steps it) gives, row for row, exactly what single envs give.
 */
class VectorEnvTest {

    static final int N = 4;
    static final int STEPS = 12;

    @Test
    void threadedVectorEnvMatchesSingleEnvsByteForByte() {
        for (String renderer : Pictures.glAvailable() ? new String[] {"gl", "software"} : new String[] {"software"}) {
            Map<String, Object> kwargs = Map.of("renderer", renderer, "image_size", java.util.List.of(64, 48));
            int size = 64 * 48 * 3;
            byte[][][] expected = new byte[N][STEPS][];
            double[][] rewards = new double[N][STEPS];
            for (int i = 0; i < N; i++) {
                try (Env<Object, Object> env = Gym.make("tracker/ObjectTracker-v0", kwargs)) {
                    env.reset(100L + i);
                    for (int t = 0; t < STEPS; t++) {
                        StepResult<Object> r = env.step((t + i) % 5);
                        expected[i][t] = (byte[]) r.observation();
                        rewards[i][t] = r.reward();
                    }
                }
            }
            for (VectorOptions options : new VectorOptions[] {VectorOptions.DEFAULTS, VectorOptions.async(2, 0)}) {
                try (VectorEnv<byte[], long[]> envs = Gym.makeVec("tracker/ObjectTracker-v0", N, options, kwargs)) {
                    envs.reset(100L);
                    for (int t = 0; t < STEPS; t++) {
                        long[] actions = new long[N];
                        for (int i = 0; i < N; i++) {
                            actions[i] = (t + i) % 5;
                        }
                        VectorBatch<byte[]> b = envs.step(actions);
                        for (int i = 0; i < N; i++) {
                            byte[] row = Arrays.copyOfRange(b.observations(), i * size, (i + 1) * size);
                            assertArrayEquals(expected[i][t], row, renderer + " " + options + " env " + i + " step " + t);
                            assertEquals(rewards[i][t], b.rewards()[i], 0.0);
                        }
                    }
                }
            }
        }
    }
}
