package dev.gym4j.envs.robotics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gym4j.api.AbstractEnv;
import dev.gym4j.api.Env;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same seed and actions give the same trajectory to the bit: run twice, on two threads at once, after any history. */
class DeterminismTest {

    static java.util.List<String> names() {
        return Trajectories.NAMES;
    }

    private static Env<double[], float[]> make(String name) {
        return Trajectories.create(name, Map.of());
    }

    @ParameterizedTest
    @MethodSource("names")
    void sameSeedAndActionsGiveTheSameTrajectoryTwice(String name) {
        String first = Trajectories.hashRun(make(name), 17, 400);
        String second = Trajectories.hashRun(make(name), 17, 400);
        assertEquals(first, second);
    }

    @ParameterizedTest
    @MethodSource("names")
    void twoThreadsAtOnceGiveTheSameTrajectory(String name) throws Exception {
        String alone = Trajectories.hashRun(make(name), 23, 400);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> a = pool.submit(() -> Trajectories.hashRun(make(name), 23, 400));
            Future<String> b = pool.submit(() -> Trajectories.hashRun(make(name), 23, 400));
            assertEquals(alone, a.get());
            assertEquals(alone, b.get());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A reused physics world must not remember earlier episodes (see RenewableTree). */
    @ParameterizedTest
    @MethodSource("names")
    void earlierEpisodesDoNotChangeASeededEpisode(String name) {
        String fresh = Trajectories.hashRun(make(name), 5, 300);
        AbstractEnv<double[], float[]> used = Trajectories.create(name, Map.of());
        SplittableRandom rng = new SplittableRandom(99);
        float[] action = new float[used.actionSpace().shape()[0]];
        for (int episode = 0; episode < 3; episode++) {
            used.reset((long) episode + 100);
            for (int t = 0; t < 150; t++) {
                Trajectories.uniform(rng, action, 1.0);
                used.step(action);
            }
        }
        assertEquals(fresh, Trajectories.hashRun(used, 5, 300));
    }
}
