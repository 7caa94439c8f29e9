package dev.gym4j.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Space;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A remote episode is the local one: same seed and actions give bit-identical observations, rewards and flags,
 * over ZeroMQ and over the shared-memory path.
 */
class RemoteEpisodeTest {

    static Stream<Arguments> idsAndTransports() {
        return Stream.of("CartPole-v0", "CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1", "Pendulum-v1")
                .flatMap(id -> Stream.of(TestServers.Transport.values()).map(t -> Arguments.of(id, t)));
    }

    @ParameterizedTest
    @MethodSource("idsAndTransports")
    void remoteEpisodesAreIdenticalToLocalOnes(String id, TestServers.Transport transport) {
        try (Env<Object, Object> local = Gym.make(id); Env<Object, Object> remote = TestServers.connect(id, transport)) {
            assertEquals(local.observationSpace(), remote.observationSpace());
            assertEquals(local.actionSpace(), remote.actionSpace());
            assertEquals(local.metadata(), remote.metadata());
            Space<Object> obs = local.observationSpace();
            Space<Object> actions = local.actionSpace();
            actions.seed(7);
            for (int episode = 0; episode < 3; episode++) {
                ResetResult<Object> a = episode == 0 ? local.reset(123L) : local.reset();
                ResetResult<Object> b = episode == 0 ? remote.reset(123L) : remote.reset();
                assertTrue(obs.valuesEqual(a.observation(), b.observation()), "reset observation of episode " + episode);
                assertEquals(a.info(), b.info());
                for (int t = 0; t < 1000; t++) {
                    Object action = actions.sample();
                    StepResult<Object> x = local.step(action);
                    StepResult<Object> y = remote.step(action);
                    assertTrue(obs.valuesEqual(x.observation(), y.observation()), "step " + t + " of episode " + episode);
                    assertEquals(Double.doubleToLongBits(x.reward()), Double.doubleToLongBits(y.reward()));
                    assertEquals(x.terminated(), y.terminated());
                    assertEquals(x.truncated(), y.truncated());
                    if (x.done()) {
                        break;
                    }
                }
            }
        }
    }
}
