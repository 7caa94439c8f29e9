package dev.gym4j.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.Env;
import dev.gym4j.api.Gym;
import dev.gym4j.api.StepResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A remote vector env of 16 CartPoles matches 16 local CartPoles stepped with Gymnasium's next-step autoreset. */
class RemoteVectorEnvTest {

    private static final int N = 16;

    @Test
    void sixteenRemoteEnvsMatchSixteenLocalOnes() {
        List<Env<float[], Integer>> local = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            local.add(Gym.make("CartPole-v1"));
        }
        try (RemoteVectorEnv<float[], long[]> remote = RemoteVectorEnv.connect(TestServers.registryServer(), "CartPole-v1", Map.of(), N,
                TestServers.fast())) {
            assertEquals(N, remote.numEnvs());
            assertEquals(Arrays.asList(N, 4), Arrays.stream(remote.observationSpace().shape()).boxed().toList());
            float[] expected = new float[N * 4];
            RemoteVectorEnv.Batch<float[]> batch = remote.reset(11L, Map.of());
            for (int i = 0; i < N; i++) {
                System.arraycopy(local.get(i).reset(11L + i).observation(), 0, expected, i * 4, 4);
            }
            assertTrue(Arrays.equals(expected, batch.observations()));
            boolean[] pending = new boolean[N];
            long[] actions = new long[N];
            int ends = 0;
            for (int t = 0; t < 300; t++) {
                for (int i = 0; i < N; i++) {
                    actions[i] = (t * 7 + i * 3) % 5 < 2 ? 0 : 1;
                }
                batch = remote.step(actions);
                for (int i = 0; i < N; i++) {
                    float[] obs;
                    double reward = 0;
                    boolean term = false;
                    boolean trunc = false;
                    if (pending[i]) {
                        obs = local.get(i).reset().observation();
                        pending[i] = false;
                    } else {
                        StepResult<float[]> s = local.get(i).step((int) actions[i]);
                        obs = s.observation();
                        reward = s.reward();
                        term = s.terminated();
                        trunc = s.truncated();
                        pending[i] = s.done();
                        ends += s.done() ? 1 : 0;
                    }
                    assertTrue(Arrays.equals(obs, Arrays.copyOfRange(batch.observations(), i * 4, i * 4 + 4)), "env " + i + " step " + t);
                    assertEquals(reward, batch.rewards()[i]);
                    assertEquals(term, batch.terminated()[i]);
                    assertEquals(trunc, batch.truncated()[i]);
                }
            }
            assertTrue(ends > N, "episodes should end and autoreset: " + ends);
        } finally {
            local.forEach(Env::close);
        }
    }

    @Test
    void reportsBatchedEnvStepsPerSecond() {
        try (RemoteVectorEnv<float[], long[]> remote = RemoteVectorEnv.connect(TestServers.registryServer(), "CartPole-v1", Map.of(), 64,
                TestServers.fast())) {
            remote.reset(0L, Map.of());
            long[] actions = new long[64];
            for (int i = 0; i < 500; i++) {
                remote.step(actions); // warm-up
            }
            long batches = 0;
            long start = System.nanoTime();
            while (System.nanoTime() - start < 1_500_000_000L) {
                actions[(int) (batches % 64)] ^= 1;
                remote.step(actions);
                batches++;
            }
            double rate = batches * 64 / ((System.nanoTime() - start) / 1e9);
            System.out.printf("Java RemoteVectorEnv 64 x CartPole-v1 over tcp loopback: %,.0f env-steps/s%n", rate);
            assertTrue(rate > 1000);
        }
    }
}
