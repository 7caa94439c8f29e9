package dev.gym4j.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.vector.VectorBatch;
import dev.gym4j.api.vector.VectorEnv;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A remote vector env of 16 CartPoles matches {@code Gym.makeVec("CartPole-v1", 16)}, step by step, over both transports. */
class RemoteVectorEnvTest {

    private static final int N = 16;

    @ParameterizedTest
    @EnumSource(TestServers.Transport.class)
    void sixteenRemoteEnvsMatchSixteenLocalOnes(TestServers.Transport transport) {
        try (VectorEnv<float[], long[]> local = Gym.makeVec("CartPole-v1", N);
             RemoteVectorEnv<float[], long[]> remote = RemoteVectorEnv.connect(TestServers.registryServer(), "CartPole-v1", Map.of(), N,
                     TestServers.fast(transport))) {
            transport.check(remote.sharedMemoryPath(), remote.toString());
            assertEquals(N, remote.numEnvs());
            assertEquals(local.observationSpace(), remote.observationSpace());
            assertEquals(local.actionSpace(), remote.actionSpace());
            assertEquals(local.singleObservationSpace(), remote.singleObservationSpace());
            assertTrue(Arrays.equals(local.reset(11L).observations(), remote.reset(11L, Map.of()).observations()));
            long[] actions = new long[N];
            int ends = 0;
            for (int t = 0; t < 300; t++) {
                for (int i = 0; i < N; i++) {
                    actions[i] = (t * 7 + i * 3) % 5 < 2 ? 0 : 1;
                }
                VectorBatch<float[]> a = local.step(actions);
                VectorBatch<float[]> b = remote.step(actions);
                assertTrue(Arrays.equals(a.observations(), b.observations()), "step " + t);
                assertTrue(Arrays.equals(a.rewards(), b.rewards()), "step " + t);
                assertTrue(Arrays.equals(a.terminations(), b.terminations()), "step " + t);
                assertTrue(Arrays.equals(a.truncations(), b.truncations()), "step " + t);
                for (boolean x : a.terminations()) {
                    ends += x ? 1 : 0;
                }
            }
            assertTrue(ends > N, "episodes should end and autoreset: " + ends);
        }
    }
}
