package dev.gym4j.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.ResetNeededException;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.vector.AutoresetMode;
import dev.gym4j.api.vector.VectorBatch;
import dev.gym4j.api.vector.VectorEnv;
import dev.gym4j.api.vector.VectorOptions;
import dev.gym4j.api.wrappers.Wrapper;
import dev.gym4j.api.wrappers.vector.NormalizeObservation;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link RemoteVectorEnv} used through the {@link VectorEnv} interface behaves as a local
 * {@code SyncVectorEnv} of the same envs: same seeds and actions give the same observations, rewards,
 * flags, per-row infos and Gymnasium info dicts, through next-step autoresets, reset masks and a
 * vector wrapper.
 */
class RemoteVectorEnvAsVectorEnvTest {

    private static final int N = 6;
    private static final String ID = "InfoCartPole";
    private static EnvServer server;

    /** CartPole with infos of several kinds, so the info dict's splitting and nesting are exercised. */
    static final class InfoCartPole extends Wrapper<float[], Integer, float[], Integer> {
        private int steps;

        InfoCartPole() {
            super(Gym.<float[], Integer>make("CartPole-v1"));
        }

        @Override
        public ResetResult<float[]> reset(Long seed, Map<String, ?> options) {
            steps = 0;
            ResetResult<float[]> r = env.reset(seed, options);
            return new ResetResult<>(r.observation(), Map.of("leaning_right", r.observation()[2] > 0));
        }

        @Override
        public StepResult<float[]> step(Integer action) {
            StepResult<float[]> r = env.step(action);
            steps++;
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("steps", steps);
            if (steps % 3 == 0) {
                info.put("every_third", Map.of("x", (double) r.observation()[0], "label", "third"));
            }
            return new StepResult<>(r.observation(), r.reward(), r.terminated(), r.truncated(), info);
        }
    }

    private static Env<?, ?> make(String envId, Map<String, Object> kwargs) {
        if (!ID.equals(envId)) {
            throw new dev.gym4j.api.EnvNotFoundException("no env " + envId + "; this server serves " + ID);
        }
        return new InfoCartPole();
    }

    @BeforeAll
    static void start() {
        server = EnvServer.start(ServerOptions.defaults(ID), RemoteVectorEnvAsVectorEnvTest::make);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static VectorEnv<float[], long[]> local() {
        return VectorOptions.DEFAULTS.create(N, i -> new InfoCartPole());
    }

    private static VectorEnv<float[], long[]> remote() {
        return RemoteVectorEnv.connect(server.endpoint(), ID, Map.of(), N, TestServers.fast());
    }

    @Test
    void theInterfaceDescribesTheSameVectorEnv() {
        try (VectorEnv<float[], long[]> local = local(); VectorEnv<float[], long[]> remote = remote()) {
            assertEquals(local.numEnvs(), remote.numEnvs());
            assertEquals(local.observationSpace(), remote.observationSpace());
            assertEquals(local.actionSpace(), remote.actionSpace());
            assertEquals(local.singleObservationSpace(), remote.singleObservationSpace());
            assertEquals(local.singleActionSpace(), remote.singleActionSpace());
            assertEquals(AutoresetMode.NEXT_STEP, remote.autoresetMode());
            assertEquals(AutoresetMode.NEXT_STEP, remote.metadata().get("autoreset_mode"));
        }
    }

    @Test
    void sameSeedsAndActionsGiveTheSameBatchesThroughAutoresets() {
        try (VectorEnv<float[], long[]> local = local(); VectorEnv<float[], long[]> remote = remote()) {
            assertSameBatch(local.reset(21L), remote.reset(21L), "reset");
            long[] actions = new long[N];
            int autoresets = 0;
            boolean[] endedBefore = new boolean[N];
            for (int t = 0; t < 400; t++) {
                for (int i = 0; i < N; i++) {
                    actions[i] = (t * 5 + i * 7) % 9 < 4 ? 0 : 1;
                }
                VectorBatch<float[]> a = local.step(actions);
                VectorBatch<float[]> b = remote.step(actions);
                assertSameBatch(a, b, "step " + t);
                for (int i = 0; i < N; i++) {
                    if (endedBefore[i]) {
                        autoresets++;
                        assertEquals(0.0, b.rewards()[i], "an autoreset step has reward 0");
                        assertTrue(b.info(i).containsKey("leaning_right"), "an autoreset step carries the reset info");
                    }
                    endedBefore[i] = b.terminations()[i] || b.truncations()[i];
                }
            }
            assertTrue(autoresets > N, "episodes should end and be reset by the next step: " + autoresets);
        }
    }

    @Test
    void aResetMaskResetsOnlyTheChosenSubEnvs() {
        try (VectorEnv<float[], long[]> local = local(); VectorEnv<float[], long[]> remote = remote()) {
            local.reset(3L);
            remote.reset(3L);
            long[] actions = new long[N];
            for (int t = 0; t < 5; t++) {
                assertSameBatch(local.step(actions), remote.step(actions), "step " + t);
            }
            boolean[] mask = {true, false, true, false, false, true};
            Map<String, Object> options = Map.of(VectorEnv.RESET_MASK, mask);
            // The unmasked rows keep their observations and get reward 0, flags false and an empty info.
            VectorBatch<float[]> a = local.reset(null, options);
            VectorBatch<float[]> b = remote.reset(null, options);
            assertSameBatch(a, b, "the masked reset");
            for (int i = 0; i < N; i++) {
                assertEquals(mask[i], !b.info(i).isEmpty(), "only the masked rows have a reset info, row " + i);
                assertEquals(0.0, b.rewards()[i], "row " + i);
                assertFalse(b.terminations()[i] || b.truncations()[i], "row " + i);
            }
            assertSameBatch(local.step(actions), remote.step(actions), "the step after the masked reset");
            assertThrows(InvalidArgumentException.class, () -> remote.reset(null, Map.of(VectorEnv.RESET_MASK, new boolean[N + 1])));
        }
    }

    @Test
    void aVectorWrapperTakesTheRemoteEnvAsALocalOne() {
        try (VectorEnv<float[], long[]> local = new NormalizeObservation<>(local());
             VectorEnv<float[], long[]> remote = new NormalizeObservation<>(remote())) {
            assertArrayEquals(local.reset(8L).observations(), remote.reset(8L).observations());
            long[] actions = new long[N];
            for (int t = 0; t < 50; t++) {
                actions[t % N] ^= 1;
                assertSameBatch(local.step(actions), remote.step(actions), "step " + t);
            }
        }
    }

    @Test
    void badActionsAndStepsBeforeResetFailAsLocally() {
        try (VectorEnv<float[], long[]> remote = remote()) {
            assertThrows(ResetNeededException.class, () -> remote.step(new long[N]));
            remote.reset(1L);
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> remote.step(new long[N - 1]));
            assertTrue(e.getMessage().contains("long[" + N + "]"), e.getMessage());
        }
    }

    private static void assertSameBatch(VectorBatch<float[]> a, VectorBatch<float[]> b, String when) {
        assertEquals(a.size(), b.size(), when);
        assertArrayEquals(a.envIds(), b.envIds(), when);
        assertArrayEquals(a.observations(), b.observations(), when);
        assertArrayEquals(a.rewards(), b.rewards(), when);
        assertArrayEquals(a.terminations(), b.terminations(), when);
        assertArrayEquals(a.truncations(), b.truncations(), when);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.info(i), b.info(i), when + ", row " + i);
        }
        assertEquals(plain(a.infos()), plain(b.infos()), when + ": the info dicts");
    }

    /** @return {@code x} with arrays turned into lists, so that dicts of arrays compare by content */
    private static Object plain(Object x) {
        if (x instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
        if (x != null && x.getClass().isArray()) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Array.getLength(x); i++) {
                out.add(plain(Array.get(x, i)));
            }
            return out;
        }
        return x;
    }
}
