package dev.gym4j.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.GymException;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.MultiDiscrete;
import dev.gym4j.api.vector.AutoresetMode;
import dev.gym4j.api.vector.VectorBatch;
import dev.gym4j.api.vector.VectorEnv;
import dev.gym4j.api.wrappers.vector.NormalizeObservation;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Java to Python, batched: a pure-NumPy vector env of 4 walkers served by {@code gym4j_bridge.serve()}
 * ({@code bridge/python/tests/vector_walk_server.py}), driven by Java's {@link RemoteVectorEnv} through
 * the {@link VectorEnv} interface.
 */
class PythonServedVectorEnvTest {

    @BeforeEach
    void needsPython() {
        PythonServer.requirePython(); // skips each test before it runs (an assumption inside assertThrows would fail)
    }


    private static final int N = 4;

    private static VectorEnv<float[], long[]> connect(int numEnvs) {
        return RemoteVectorEnv.connect(PythonServer.vectorEndpoint(), null, Map.of(), numEnvs, TestServers.fast());
    }

    @Test
    void theHandshakeDescribesThePythonVectorEnv() {
        try (VectorEnv<float[], long[]> vec = connect(0)) {
            assertEquals(N, vec.numEnvs());
            assertEquals(new MultiDiscrete(3, 3, 3, 3), vec.actionSpace());
            assertEquals(new Discrete(3), vec.singleActionSpace());
            Box<?> obs = (Box<?>) vec.observationSpace();
            assertArrayEquals(new int[] {N, 2}, obs.shape());
            assertArrayEquals(new int[] {2}, ((Box) vec.singleObservationSpace()).shape());
            assertEquals(AutoresetMode.NEXT_STEP, vec.autoresetMode(), "from Gymnasium's 'NextStep'");
        }
    }

    @Test
    void subEnvIGetsSeedPlusI() {
        try (VectorEnv<float[], long[]> a = connect(N); VectorEnv<float[], long[]> b = connect(N)) {
            float[] first = a.reset(40L).observations().clone();
            float[] shifted = b.reset(41L).observations();
            assertArrayEquals(Arrays.copyOfRange(first, 2, 2 * N), Arrays.copyOfRange(shifted, 0, 2 * N - 2));
            assertArrayEquals(first, a.reset(40L).observations(), "the same seed gives the same first observations");
        }
    }

    @Test
    void stepsRewardsInfosAndNextStepAutoresetsCrossTheWire() {
        try (VectorEnv<float[], long[]> vec = connect(N)) {
            VectorBatch<float[]> reset = vec.reset(7L);
            long[] t = new long[N];
            for (int i = 0; i < N; i++) {
                assertEquals(0L, ((Number) reset.info(i).get("t")).longValue());
            }
            boolean[] ended = new boolean[N];
            int autoresets = 0;
            long[] actions = new long[N];
            for (int step = 0; step < 600; step++) {
                for (int i = 0; i < N; i++) {
                    actions[i] = (step / 40 + i) % 2 == 0 ? 2 : 0; // push one way, then the other: episodes end
                }
                VectorBatch<float[]> b = vec.step(actions);
                for (int i = 0; i < N; i++) {
                    if (ended[i]) {
                        autoresets++;
                        t[i] = 0;
                        assertEquals(0.0, b.rewards()[i], "the autoreset step's reward");
                        assertFalse(b.terminations()[i] || b.truncations()[i]);
                    } else {
                        t[i]++;
                        assertEquals(-Math.abs(b.observations()[2 * i]), b.rewards()[i], 1e-6, "reward -|x|, row " + i);
                    }
                    assertEquals(t[i], ((Number) b.info(i).get("t")).longValue(), "step " + step + ", row " + i);
                    ended[i] = b.terminations()[i] || b.truncations()[i];
                }
                assertArrayEquals(new boolean[] {true, true, true, true}, (boolean[]) b.infos().get("_t"));
            }
            assertTrue(autoresets >= N, "episodes should end and be reset by the next step: " + autoresets);
        }
    }

    @Test
    void aVectorWrapperRunsOnThePythonVectorEnv() {
        try (VectorEnv<float[], long[]> vec = new NormalizeObservation<>(connect(N))) {
            vec.reset(3L);
            for (int step = 0; step < 20; step++) {
                for (float x : vec.step(new long[] {0, 1, 2, 1}).observations()) {
                    assertTrue(Float.isFinite(x));
                }
            }
        }
    }

    @Test
    void wrongSizesAreRefused() {
        GymException e = assertThrows(GymException.class, () -> connect(N + 2));
        assertTrue(e.getMessage().contains("vector env of " + N), e.getMessage());
        GymException single = assertThrows(GymException.class,
                () -> RemoteEnv.connect(PythonServer.vectorEndpoint(), null, Map.of(), TestServers.fast()));
        assertTrue(single.getMessage().contains("vector env"), single.getMessage());
    }
}
