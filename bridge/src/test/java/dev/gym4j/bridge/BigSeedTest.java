package dev.gym4j.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seeds of 2^63 and more cross the wire and seed the served env as a local reset with that seed does. */
class BigSeedTest {

    private static final BigInteger TWO_70 = BigInteger.ONE.shiftLeft(70);

    @Test
    void aRemoteResetWithSeed2To70MatchesTheLocalOne() {
        try (RemoteEnv<float[], Integer> remote = TestServers.connect("CartPole-v1");
             Env<float[], Integer> local = Gym.make("CartPole-v1")) {
            float[] expected = local.resetWithSeed(TWO_70, Map.of()).observation();
            // Gymnasium: np.random.default_rng(2**70).uniform(-0.05, 0.05, size=4).astype(np.float32)
            assertArrayEquals(new float[] {0.004284094087779522f, 0.04331129044294357f, -0.002740016672760248f,
                0.040997136384248734f}, expected);
            assertArrayEquals(expected, remote.resetWithSeed(TWO_70, Map.of()).observation());
            for (int t = 0; t < 20; t++) {
                assertArrayEquals(local.step(t % 2).observation(), remote.step(t % 2).observation(), "step " + t);
            }
            BigInteger huge = BigInteger.TEN.pow(40).add(BigInteger.valueOf(3));
            assertArrayEquals(local.resetWithSeed(huge, Map.of()).observation(), remote.resetWithSeed(huge, Map.of()).observation());
        }
    }
}
