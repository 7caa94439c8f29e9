package dev.gym4j.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.random.Generator;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.wrappers.TimeLimit;
import dev.gym4j.testkit.fixtures.CoinFlipEnv;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Env#resetWithSeed}: seeds of any size, as Gymnasium's {@code reset(seed=...)} takes. */
class ResetWithSeedTest {

    private static final BigInteger TWO_70 = BigInteger.ONE.shiftLeft(70);

    private static CoinFlipEnv coin() {
        return new CoinFlipEnv(Map.of("length", 100));
    }

    @Test
    void aBigSeedSeedsTheGeneratorAsNumPyDoes() {
        try (CoinFlipEnv env = coin()) {
            float first = env.resetWithSeed(TWO_70, Map.of()).observation()[0];
            // np.random.default_rng(2**70).random() == 0.5428409396287122
            assertEquals((float) 0.5428409396287122, first);
            assertEquals((float) Generator.fromSeed(TWO_70).random(), first);
            assertEquals(first, env.resetWithSeed(TWO_70, Map.of()).observation()[0], "the same seed, the same episode");
        }
    }

    @Test
    void theBoundaryOf2To63UsesTheBigPath() {
        BigInteger two63 = BigInteger.ONE.shiftLeft(63);
        try (CoinFlipEnv env = coin()) {
            assertEquals((float) Generator.fromSeed(two63).random(), env.resetWithSeed(two63, Map.of()).observation()[0]);
            BigInteger below = two63.subtract(BigInteger.ONE);
            assertArrayEquals(coin().reset(Long.MAX_VALUE).observation(), env.resetWithSeed(below, Map.of()).observation());
        }
    }

    @Test
    void smallSeedsAndNullGoToTheLongReset() {
        try (CoinFlipEnv a = coin(); CoinFlipEnv b = coin()) {
            assertArrayEquals(a.reset(5L).observation(), b.resetWithSeed(BigInteger.valueOf(5), Map.of()).observation());
            assertArrayEquals(a.reset().observation(), b.resetWithSeed(null, Map.of()).observation(), "null continues the stream");
        }
    }

    @Test
    void wrappersResetAsUsualAndTheBaseEnvTakesTheSeed() {
        try (Env<float[], Integer> env = new TimeLimit<>(coin(), 2)) {
            env.reset(1L);
            env.step(0);
            assertTrue(env.step(0).truncated());
            float first = env.resetWithSeed(TWO_70, Map.of()).observation()[0];
            assertEquals((float) Generator.fromSeed(TWO_70).random(), first);
            assertFalse(env.step(0).truncated(), "TimeLimit's own reset ran: its step count starts again");
        }
    }

    @Test
    void negativeSeedsAndClosedEnvsAreRefused() {
        CoinFlipEnv env = coin();
        assertThrows(InvalidArgumentException.class, () -> env.resetWithSeed(BigInteger.valueOf(-1), Map.of()));
        assertThrows(InvalidArgumentException.class, () -> env.resetWithSeed(TWO_70.negate(), Map.of()));
        env.close();
        assertThrows(EnvClosedException.class, () -> env.resetWithSeed(TWO_70, Map.of()));
    }

    @Test
    void anEnvWithItsOwnGeneratorRefusesBigSeedsClearly() {
        Env<Integer, Integer> plain = new Env<>() {
            private long lastSeed = -1;

            @Override
            public Space<Integer> observationSpace() {
                return new Discrete(2);
            }

            @Override
            public Space<Integer> actionSpace() {
                return new Discrete(2);
            }

            @Override
            public ResetResult<Integer> reset(Long seed, Map<String, ?> options) {
                lastSeed = seed == null ? lastSeed : seed;
                return ResetResult.of((int) (lastSeed & 1));
            }

            @Override
            public StepResult<Integer> step(Integer action) {
                return new StepResult<>(0, 0, false, false, Map.of());
            }

            @Override
            public void close() {
            }
        };
        assertEquals(1, plain.resetWithSeed(BigInteger.valueOf(7), Map.of()).observation());
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> plain.resetWithSeed(TWO_70, Map.of()));
        assertTrue(e.getMessage().contains("does not extend AbstractEnv"), e.getMessage());
    }
}
