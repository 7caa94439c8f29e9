package dev.gym4j.api.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.EnvClosedException;
import dev.gym4j.api.GymException;
import dev.gym4j.api.InvalidActionException;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.ResetNeededException;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.MultiDiscrete;
import dev.gym4j.testkit.fixtures.BufferedNoisyWalkEnv;
import dev.gym4j.testkit.fixtures.NoisyWalkEnv;
import dev.gym4j.testkit.fixtures.PushEnv;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Errors, closing and the batched spaces, for the sync env (threads = 0) and the threaded env. */
class VectorEnvLifecycleTest {

    private static VectorEnv<float[], long[]> make(int threads, List<NoisyWalkEnv> envs) {
        return threads == 0 ? new SyncVectorEnv<>(envs) : new ThreadedVectorEnv<>(envs, AutoresetMode.NEXT_STEP, threads, 0);
    }

    private static List<NoisyWalkEnv> walks(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> (NoisyWalkEnv) new BufferedNoisyWalkEnv(false)).toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void aFailingSubEnvIsNamedAndTheOthersKeepWorking(int threads) {
        List<NoisyWalkEnv> subs = walks(4);
        try (VectorEnv<float[], long[]> envs = make(threads, subs)) {
            envs.reset(1);
            subs.get(2).failNextStep();
            SubEnvException e = assertThrows(SubEnvException.class, () -> envs.step(new long[4]));
            assertEquals(2, e.envIndex());
            assertTrue(e.getMessage().contains("Sub-env 2"), e.getMessage());
            assertInstanceOf(IllegalStateException.class, e.getCause());
            envs.reset(1);
            envs.step(new long[4]);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void anInvalidActionIsReportedForItsSubEnv(int threads) {
        try (VectorEnv<float[], long[]> envs = make(threads, walks(3))) {
            envs.reset(1);
            SubEnvException e = assertThrows(SubEnvException.class, () -> envs.step(new long[] {0, 7, 0}));
            assertEquals(1, e.envIndex());
            assertInstanceOf(InvalidActionException.class, e.getCause());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void misuseIsRefusedWithClearErrors(int threads) {
        VectorEnv<float[], long[]> envs = make(threads, walks(3));
        assertThrows(ResetNeededException.class, () -> envs.step(new long[3]));
        envs.reset(3);
        InvalidArgumentException wrongLength = assertThrows(InvalidArgumentException.class, () -> envs.step(new long[2]));
        assertTrue(wrongLength.getMessage().contains("long[] of length 3"), wrongLength.getMessage());
        assertThrows(InvalidArgumentException.class, () -> envs.reset(null, Map.of(VectorEnv.RESET_MASK, new boolean[2])));
        envs.close();
        envs.close();
        assertThrows(EnvClosedException.class, () -> envs.step(new long[3]));
        assertThrows(EnvClosedException.class, envs::reset);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void closeClosesEverySubEnv(int threads) {
        List<NoisyWalkEnv> subs = walks(3);
        make(threads, subs).close();
        subs.forEach(e -> assertTrue(e.isClosed()));
    }

    @org.junit.jupiter.api.Test
    void closeStopsTheWorkerThreads() throws InterruptedException {
        ThreadedVectorEnv<float[], long[]> envs = new ThreadedVectorEnv<>(walks(4), AutoresetMode.NEXT_STEP, 2, 0);
        assertEquals(2, envs.threads());
        envs.reset(0);
        envs.step(new long[4]);
        envs.close();
        assertTrue(envs.workersStopped());
    }

    @org.junit.jupiter.api.Test
    void sendAndRecvRefuseMisuse() {
        try (ThreadedVectorEnv<float[], long[]> envs = new ThreadedVectorEnv<>(walks(4), AutoresetMode.NEXT_STEP, 2, 2)) {
            assertEquals(2, envs.batchSize());
            assertThrows(GymException.class, envs::recv);
            envs.asyncReset(5);
            assertThrows(GymException.class, () -> envs.send(new long[1], new int[] {0}));
            assertThrows(GymException.class, () -> envs.step(new long[4]));
            VectorBatch<float[]> first = envs.recv();
            assertEquals(2, first.size());
            envs.recv();
            assertThrows(GymException.class, envs::recv);
            assertThrows(InvalidArgumentException.class, () -> envs.send(new long[3], new int[] {0, 1}));
            assertThrows(InvalidArgumentException.class, () -> envs.send(new long[2], new int[] {0, 0}));
            assertThrows(InvalidArgumentException.class, () -> envs.send(new long[2], new int[] {1, 4}));
            assertEquals(0, envs.inFlight());
            envs.send(new long[2], new int[] {3, 0});
            assertEquals(2, envs.inFlight());
            assertThrows(GymException.class, () -> envs.send(new long[1], new int[] {3}));
            assertEquals(2, envs.recv().size());
        }
        assertThrows(InvalidArgumentException.class,
                () -> new ThreadedVectorEnv<>(walks(2), AutoresetMode.NEXT_STEP, 1, 3));
    }

    @org.junit.jupiter.api.Test
    void defaultThreadCountIsTheNumberOfCoresCappedByTheSubEnvs() {
        try (ThreadedVectorEnv<float[], long[]> envs = new ThreadedVectorEnv<>(walks(64), AutoresetMode.NEXT_STEP, 0, 0)) {
            assertEquals(Math.min(64, Runtime.getRuntime().availableProcessors()), envs.threads());
        }
        try (ThreadedVectorEnv<float[], long[]> envs = new ThreadedVectorEnv<>(walks(1), AutoresetMode.NEXT_STEP, 8, 0)) {
            assertEquals(1, envs.threads());
        }
    }

    @org.junit.jupiter.api.Test
    void batchedSpacesFollowGymnasiumsBatchSpace() {
        try (SyncVectorEnv<float[], long[]> envs = new SyncVectorEnv<>(walks(4))) {
            Box<?> obs = (Box<?>) envs.observationSpace();
            assertArrayEquals(new int[] {4, 3}, obs.shape());
            assertEquals(-100, obs.low()[11]);
            MultiDiscrete actions = (MultiDiscrete) envs.actionSpace();
            assertArrayEquals(new long[] {3, 3, 3, 3}, actions.nvec());
            assertTrue(envs.singleObservationSpace() instanceof Box<?>);
            envs.reset(0);
            envs.step(actions.sample());
        }
    }

    @org.junit.jupiter.api.Test
    void observationsAreExposedWithoutCopying() {
        try (SyncVectorEnv<float[], long[]> envs = new SyncVectorEnv<>(walks(2))) {
            float[] first = envs.reset(0).observations();
            assertSame(first, envs.step(new long[2]).observations());
        }
    }

    @org.junit.jupiter.api.Test
    void subEnvsWithDifferentSpacesAreRefused() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> new SyncVectorEnv<>(List.of(new NoisyWalkEnv(false), new PushEnv())));
        assertTrue(e.getMessage().contains("Sub-env 1"), e.getMessage());
    }
}
