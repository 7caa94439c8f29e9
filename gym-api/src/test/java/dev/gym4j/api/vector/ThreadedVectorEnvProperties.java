package dev.gym4j.api.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gym4j.api.Env;
import dev.gym4j.api.wrappers.TimeLimit;
import dev.gym4j.testkit.fixtures.BufferedNoisyWalkEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Random EnvPool-style {@code send} / {@code recv} patterns: whatever the batch size, thread count and
 * the order in which sub-envs come back, every sub-env's trajectory equals its single-env run with the
 * same seed and actions.
 */
class ThreadedVectorEnvProperties {

    @Property(tries = 40)
    void everySubEnvFollowsItsSingleEnvRun(@ForAll @IntRange(min = 1, max = 6) int numEnvs,
                                           @ForAll @IntRange(min = 1, max = 3) int threads,
                                           @ForAll @IntRange(min = 1, max = 6) int batchSizeWish,
                                           @ForAll AutoresetMode mode,
                                           @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                           @ForAll long patternSeed) {
        int batchSize = 1 + (batchSizeWish - 1) % numEnvs;
        IntFunction<Env<float[], Integer>> factory = i -> new TimeLimit<>(new BufferedNoisyWalkEnv(true), 6);
        ReferenceRun reference = new ReferenceRun(numEnvs, factory, mode);
        reference.reset(seed, Map.of(), null);
        SplittableRandom pattern = new SplittableRandom(patternSeed);
        int received = 0;
        try (ThreadedVectorEnv<float[], long[]> envs = new ThreadedVectorEnv<>(ReferenceRun.make(numEnvs, factory), mode,
                threads, batchSize)) {
            envs.asyncReset(seed);
            List<Integer> idle = new ArrayList<>();
            for (int round = 0; round < 60; round++) {
                VectorBatch<float[]> batch = envs.recv();
                received += batch.size();
                reference.assertMatches(batch, "round " + round);
                for (int j = 0; j < batch.size(); j++) {
                    idle.add(batch.envIds()[j]);
                }
                if (mode == AutoresetMode.DISABLED) {
                    // No autoreset: a finished sub-env is parked until the end (the masked reset needs nothing in flight).
                    idle.removeIf(env -> reference.terminations[env] || reference.truncations[env]);
                }
                sendSome(envs, reference, idle, pattern, batchSize);
                if (envs.inFlight() < batchSize) {
                    break;
                }
            }
            assertEquals(true, received >= batchSize);
        } finally {
            reference.close();
        }
    }

    /** Sends to a random subset of the idle sub-envs, enough to keep at least a batch in flight. */
    private static void sendSome(ThreadedVectorEnv<float[], long[]> envs, ReferenceRun reference, List<Integer> idle,
                                 SplittableRandom pattern, int batchSize) {
        java.util.Collections.shuffle(idle, new java.util.Random(pattern.nextLong()));
        int need = Math.max(0, batchSize - envs.inFlight());
        if (idle.size() < need) {
            return;
        }
        int count = need + pattern.nextInt(idle.size() - need + 1);
        if (count == 0) {
            return;
        }
        int[] ids = new int[count];
        long[] actions = new long[count];
        for (int j = 0; j < count; j++) {
            ids[j] = idle.remove(idle.size() - 1);
            actions[j] = pattern.nextInt(3);
            reference.step(ids[j], (int) actions[j]);
        }
        envs.send(actions, ids);
    }
}
