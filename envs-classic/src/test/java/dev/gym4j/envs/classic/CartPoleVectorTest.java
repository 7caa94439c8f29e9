package dev.gym4j.envs.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepOutcome;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.vector.AutoresetMode;
import dev.gym4j.api.vector.VectorBatch;
import dev.gym4j.api.vector.VectorEnv;
import dev.gym4j.api.vector.VectorMode;
import dev.gym4j.api.vector.VectorOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CartPole in vector envs: its buffered path equals its ordinary one, and {@code Gym.makeVec} (sync and
 * threaded) equals N envs made by {@code Gym.make} with the same seeds and actions, in every autoreset
 * mode.
 */
class CartPoleVectorTest {

    private static final int N = 4;

    @Test
    void bufferedStepEqualsStep() {
        CartPoleEnv plain = new CartPoleEnv();
        CartPoleEnv buffered = new CartPoleEnv();
        float[] batch = new float[8];
        StepOutcome outcome = new StepOutcome();
        assertArrayEquals(plain.reset(7).observation(), slice(batch, 1, buffered.resetInto(7L, Map.of(), batch, 4)));
        SplittableRandom random = new SplittableRandom(3);
        for (int step = 0; step < 2000; step++) {
            int action = random.nextInt(2);
            StepResult<float[]> r = plain.step(action);
            buffered.stepInto(action, batch, 4, outcome);
            assertArrayEquals(r.observation(), Arrays.copyOfRange(batch, 4, 8), "step " + step);
            assertEquals(r.reward(), outcome.reward());
            assertEquals(r.terminated(), outcome.terminated());
            assertEquals(r.info(), outcome.info());
            if (r.terminated()) {
                assertArrayEquals(plain.reset().observation(), slice(batch, 1, buffered.resetInto(null, Map.of(), batch, 4)));
            }
        }
    }

    private static float[] slice(float[] batch, int row, Map<String, Object> ignoredInfo) {
        return Arrays.copyOfRange(batch, row * 4, row * 4 + 4);
    }

    @ParameterizedTest
    @EnumSource(AutoresetMode.class)
    void syncAndThreadedMatchMadeEnvs(AutoresetMode mode) {
        for (VectorOptions options : List.of(VectorOptions.DEFAULTS.withAutoreset(mode),
                new VectorOptions(VectorMode.ASYNC, mode, 2, 0))) {
            Map<String, Object> kwargs = Map.of("max_episode_steps", 30);
            List<Env<float[], Integer>> singles = List.of(Gym.make("CartPole-v1", kwargs), Gym.make("CartPole-v1", kwargs),
                    Gym.make("CartPole-v1", kwargs), Gym.make("CartPole-v1", kwargs));
            try (VectorEnv<float[], long[]> envs = Gym.makeVec("CartPole-v1", N, options, kwargs)) {
                float[][] expected = new float[N][];
                boolean[] needsReset = new boolean[N];
                VectorBatch<float[]> batch = envs.reset(11);
                for (int i = 0; i < N; i++) {
                    expected[i] = singles.get(i).reset(11L + i).observation();
                    assertArrayEquals(expected[i], Arrays.copyOfRange(batch.observations(), i * 4, i * 4 + 4));
                }
                SplittableRandom random = new SplittableRandom(5);
                for (int step = 0; step < 400; step++) {
                    long[] actions = random.longs(N, 0, 2).toArray();
                    batch = envs.step(actions);
                    boolean[] done = new boolean[N];
                    for (int i = 0; i < N; i++) {
                        Env<float[], Integer> env = singles.get(i);
                        String where = mode + " " + options.mode() + " step " + step + " sub-env " + i;
                        if (mode == AutoresetMode.NEXT_STEP && needsReset[i]) {
                            ResetResult<float[]> r = env.reset();
                            assertArrayEquals(r.observation(), Arrays.copyOfRange(batch.observations(), i * 4, i * 4 + 4), where);
                            assertEquals(0.0, batch.rewards()[i], where);
                            needsReset[i] = false;
                            continue;
                        }
                        StepResult<float[]> r = env.step((int) actions[i]);
                        float[] obs = r.observation();
                        done[i] = r.terminated() || r.truncated();
                        if (done[i] && mode == AutoresetMode.SAME_STEP) {
                            assertArrayEquals(obs, (float[]) batch.info(i).get("final_obs"), where);
                            obs = env.reset().observation();
                        }
                        assertArrayEquals(obs, Arrays.copyOfRange(batch.observations(), i * 4, i * 4 + 4), where);
                        assertEquals(r.reward(), batch.rewards()[i], where);
                        assertEquals(r.terminated(), batch.terminations()[i], where);
                        assertEquals(r.truncated(), batch.truncations()[i], where);
                        needsReset[i] = done[i] && mode == AutoresetMode.NEXT_STEP;
                    }
                    if (mode == AutoresetMode.DISABLED) {
                        envs.reset(null, Map.of(VectorEnv.RESET_MASK, done));
                        for (int i = 0; i < N; i++) {
                            if (done[i]) {
                                assertArrayEquals(singles.get(i).reset().observation(),
                                        Arrays.copyOfRange(batch.observations(), i * 4, i * 4 + 4));
                            }
                        }
                    }
                }
            } finally {
                singles.forEach(Env::close);
            }
        }
    }
}
