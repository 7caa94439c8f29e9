package dev.gym4j.api.vector;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.wrappers.OrderEnforcing;
import dev.gym4j.api.wrappers.TimeLimit;
import dev.gym4j.testkit.fixtures.BufferedNoisyWalkEnv;
import dev.gym4j.testkit.fixtures.NoisyWalkEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sync and threaded vector envs against N separately stepped single envs with the same seeds and
 * actions, in every autoreset mode, over envs with and without the buffered path and under
 * {@code Gym.make}'s pass-through wrappers: identical observations, rewards, flags and infos.
 */
class VectorEquivalenceTest {

    static final int NUM_ENVS = 5;
    static final int STEPS = 300;

    enum Kind {
        PLAIN(i -> new NoisyWalkEnv(true)),
        BUFFERED(i -> new BufferedNoisyWalkEnv(true)),
        BUFFERED_UNDER_WRAPPERS(i -> new TimeLimit<>(new OrderEnforcing<>(new BufferedNoisyWalkEnv(true)), 7)),
        PLAIN_UNDER_TIME_LIMIT(i -> new TimeLimit<>(new NoisyWalkEnv(true), 5));

        final IntFunction<Env<float[], Integer>> factory;

        Kind(IntFunction<Env<float[], Integer>> factory) {
            this.factory = factory;
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (AutoresetMode mode : AutoresetMode.values()) {
            for (Kind kind : Kind.values()) {
                for (int threads : new int[] {0, 1, 2, 3}) {
                    cases.add(Arguments.of(mode, kind, threads));
                }
            }
        }
        return cases.stream();
    }

    /** @param threads 0 for {@link SyncVectorEnv}, else a {@link ThreadedVectorEnv} with that many threads */
    static VectorEnv<float[], long[]> vector(Kind kind, AutoresetMode mode, int threads) {
        List<Env<float[], Integer>> envs = ReferenceRun.make(NUM_ENVS, kind.factory);
        return threads == 0 ? new SyncVectorEnv<>(envs, mode) : new ThreadedVectorEnv<>(envs, mode, threads, 0);
    }

    @ParameterizedTest(name = "{0} {1} threads={2}")
    @MethodSource("cases")
    void matchesSingleEnvs(AutoresetMode mode, Kind kind, int threads) {
        ReferenceRun reference = new ReferenceRun(NUM_ENVS, kind.factory, mode);
        try (VectorEnv<float[], long[]> envs = vector(kind, mode, threads)) {
            Map<String, Object> options = Map.of("scale", 0.5);
            reference.reset(123L, options, null);
            reference.assertMatches(envs.reset(123L, options), "first reset");
            SplittableRandom random = new SplittableRandom(7);
            for (int step = 0; step < STEPS; step++) {
                long[] actions = new long[NUM_ENVS];
                for (int i = 0; i < NUM_ENVS; i++) {
                    actions[i] = random.nextInt(3);
                }
                reference.stepAll(actions);
                reference.assertMatches(envs.step(actions), "step " + step);
                if (mode == AutoresetMode.DISABLED) {
                    boolean[] done = reference.doneMask();
                    reference.reset(null, Map.of(), done);
                    reference.assertMatches(envs.reset(null, Map.of(VectorEnv.RESET_MASK, done)), "masked reset after step " + step);
                }
                if (step == STEPS / 2) {
                    reference.reset(null, Map.of(), null);
                    reference.assertMatches(envs.reset(), "unseeded reset");
                }
            }
        } finally {
            reference.close();
        }
    }
}
