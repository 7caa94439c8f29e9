package dev.gym4j.api.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gym4j.Gym;
import dev.gym4j.api.EnvNotFoundException;
import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.testkit.fixtures.BufferedNoisyWalkEnv;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Gym.makeVec}: sub-envs made by {@code Gym.make}, in either mode, behave as N made envs. */
class MakeVecTest {

    static final String ID = "vectortest/Walk-v0";

    @BeforeAll
    static void register() {
        if (!Gym.registry().containsKey(ID)) {
            Gym.register(EnvSpec.of(ID, BufferedNoisyWalkEnv.class.getName(), kwargs -> new BufferedNoisyWalkEnv(true), 8, null));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void madeVectorEnvsMatchMadeSingleEnvs(int threads) {
        VectorOptions options = threads == 0 ? VectorOptions.DEFAULTS : VectorOptions.async(threads, 0);
        ReferenceRun reference = new ReferenceRun(3, i -> Gym.make(ID, Map.of("max_episode_steps", 5)), AutoresetMode.NEXT_STEP);
        try (VectorEnv<float[], long[]> envs = Gym.makeVec(ID, 3, options, Map.of("max_episode_steps", 5))) {
            assertEquals(threads == 0 ? SyncVectorEnv.class : ThreadedVectorEnv.class, envs.getClass());
            assertEquals(3, envs.numEnvs());
            assertEquals(ID, envs.spec().id());
            reference.reset(5L, Map.of(), null);
            reference.assertMatches(envs.reset(5), "reset");
            SplittableRandom random = new SplittableRandom(3);
            for (int step = 0; step < 40; step++) {
                long[] actions = random.longs(3, 0, 3).toArray();
                reference.stepAll(actions);
                reference.assertMatches(envs.step(actions), "step " + step);
            }
        } finally {
            reference.close();
        }
    }

    @org.junit.jupiter.api.Test
    void badArgumentsAreRefused() {
        assertThrows(EnvNotFoundException.class, () -> Gym.makeVec("vectortest/Nope-v0", 2));
        assertThrows(InvalidArgumentException.class, () -> Gym.makeVec(ID, 0));
        assertThrows(InvalidArgumentException.class, () -> new VectorOptions(VectorMode.SYNC, AutoresetMode.NEXT_STEP, 2, 0));
        assertThrows(InvalidArgumentException.class, () -> Gym.makeVec(ID, 2, VectorOptions.async(1, 3), Map.of()));
    }
}
