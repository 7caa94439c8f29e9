package dev.gym4j.api;

import dev.gym4j.Gym;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.registry.EnvRegistry;
import dev.gym4j.api.wrappers.OrderEnforcing;
import dev.gym4j.api.wrappers.PassiveEnvChecker;
import dev.gym4j.api.wrappers.TimeLimit;
import dev.gym4j.api.wrappers.Wrapper;
import dev.gym4j.testkit.fixtures.CoinFlipEnv;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GymTest {

    @BeforeAll
    static void registerTestEnvs() {
        for (String id : new String[] {"test/CoinFlip-v0", "test/CoinFlip-v1", "test/CoinFlipNoLimit-v0"}) {
            if (!Gym.registry().containsKey(id)) {
                Integer limit = id.contains("NoLimit") ? null : (id.endsWith("v1") ? 7 : 5);
                Gym.register(EnvSpec.of(id, CoinFlipEnv.class.getName(), CoinFlipEnv::new, limit, 1.0));
            }
        }
    }

    @Test
    void makeWrapsInGymnasiumsOrderAndPrintsTheChain() {
        Env<float[], Integer> env = Gym.make("test/CoinFlip-v1");
        assertEquals("<TimeLimit<OrderEnforcing<PassiveEnvChecker<CoinFlipEnv<test/CoinFlip-v1>>>>>", env.toString());
        assertTrue(env instanceof TimeLimit);
        assertTrue(Wrapper.find(env, OrderEnforcing.class).isPresent());
        assertTrue(Wrapper.find(env, PassiveEnvChecker.class).isPresent());
        assertTrue(env.unwrapped() instanceof CoinFlipEnv);
        assertEquals("test/CoinFlip-v1", env.spec().id());
        assertEquals(7, env.spec().maxEpisodeSteps());
    }

    @Test
    void disableEnvCheckerAndNoLimitLeaveWrappersOut() {
        Env<float[], Integer> env = Gym.make("test/CoinFlipNoLimit-v0", Map.of("disable_env_checker", true));
        assertEquals("<OrderEnforcing<CoinFlipEnv<test/CoinFlipNoLimit-v0>>>", env.toString());
    }

    @Test
    void timeLimitTruncatesExactlyAtMaxEpisodeSteps() {
        Env<float[], Integer> env = Gym.make("test/CoinFlip-v0", Map.of("max_episode_steps", 3));
        assertEquals(3, env.spec().maxEpisodeSteps());
        env.reset(1);
        assertFalse(env.step(0).truncated());
        assertFalse(env.step(0).truncated());
        assertTrue(env.step(0).truncated());
        env.reset();
        assertFalse(env.step(1).truncated());
    }

    @Test
    void kwargsReachTheCreatorAndTheSpec() {
        Env<float[], Integer> env = Gym.make("test/CoinFlipNoLimit-v0", Map.of("length", 2));
        assertEquals(2, env.spec().kwargs().get("length"));
        env.reset(0);
        assertFalse(env.step(1).terminated());
        assertTrue(env.step(1).terminated());
    }

    @Test
    void sameSeedSameEpisode() {
        Env<float[], Integer> a = Gym.make("test/CoinFlip-v0");
        Env<float[], Integer> b = Gym.make("test/CoinFlip-v0");
        assertArrayEquals(a.reset(42).observation(), b.reset(42).observation());
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(a.step(1).observation(), b.step(1).observation());
        }
        assertArrayEquals(a.reset().observation(), b.reset().observation());
    }

    @Test
    void unknownIdSuggestsCloseIds() {
        EnvNotFoundException e = assertThrows(EnvNotFoundException.class, () -> Gym.make("test/CoinFlap-v0"));
        assertTrue(e.getMessage().contains("test/CoinFlip-v0"), e.getMessage());
    }

    @Test
    void unknownVersionListsTheVersionsThatExist() {
        EnvNotFoundException e = assertThrows(EnvNotFoundException.class, () -> Gym.make("test/CoinFlip-v9"));
        assertTrue(e.getMessage().contains("v0, v1"), e.getMessage());
    }

    @Test
    void unversionedIdResolvesToTheLatestVersion() {
        assertEquals("test/CoinFlip-v1", Gym.spec("test/CoinFlip").id());
    }

    @Test
    void duplicateRegistrationIsAnError() {
        EnvSpec spec = Gym.spec("test/CoinFlip-v0");
        RegistrationException e = assertThrows(RegistrationException.class, () -> Gym.register(spec));
        assertTrue(e.getMessage().contains("already registered"), e.getMessage());
    }

    @Test
    void malformedIdIsRejected() {
        assertThrows(RegistrationException.class,
                () -> EnvSpec.of("bad id with spaces", "x", CoinFlipEnv::new, null, null));
    }

    @Test
    void badMakeKwargsAreClearErrors() {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> Gym.make("test/CoinFlip-v0", Map.of("max_episode_steps", -1)));
        assertTrue(e.getMessage().contains("max_episode_steps"), e.getMessage());
        assertThrows(InvalidArgumentException.class, () -> Gym.make("test/CoinFlip-v0", Map.of("length", "long")));
        assertThrows(InvalidArgumentException.class, () -> Gym.make("test/CoinFlip-v0", Map.of("render_mode", "rgb_array")));
    }

    @Test
    void stepBeforeResetAndAfterCloseAreClearErrors() {
        Env<float[], Integer> env = Gym.make("test/CoinFlip-v0");
        ResetNeededException e = assertThrows(ResetNeededException.class, () -> env.step(0));
        assertTrue(e.getMessage().contains("reset()"), e.getMessage());
        env.reset(0);
        env.close();
        env.close();
        assertThrows(EnvClosedException.class, () -> env.step(0));
        assertThrows(EnvClosedException.class, env::reset);
    }

    @Test
    void invalidActionsNameTheSpaceAndLeaveStateIntact() {
        Env<float[], Integer> env = Gym.make("test/CoinFlip-v0");
        env.reset(3);
        InvalidActionException e = assertThrows(InvalidActionException.class, () -> env.step(2));
        assertTrue(e.getMessage().contains("Discrete(2)"), e.getMessage());
        Env<float[], Integer> twin = Gym.make("test/CoinFlip-v0");
        twin.reset(3);
        assertArrayEquals(twin.step(1).observation(), env.step(1).observation());
    }

    @Test
    void aSeparateRegistryHasItsOwnIds() {
        EnvRegistry r = new EnvRegistry();
        r.register(EnvSpec.of("Solo-v0", "x", CoinFlipEnv::new, null, null));
        assertSame(r.spec("Solo-v0"), r.all().get("Solo-v0"));
        assertThrows(EnvNotFoundException.class, () -> r.spec("test/CoinFlip-v0"));
    }
}
