package dev.gym4j.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.worker.bench.StepLoop;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared measuring loop (moved from gym-api with StepLoop): every shape runs and counts env steps (no timing asserted). */
class StepLoopTest {

    @ParameterizedTest(name = "num_envs={0} threads={1} batch_size={2}")
    @CsvSource({"0,0,0,1", "4,0,0,4", "4,2,0,4", "4,1,2,2", "6,2,3,3"})
    void runsTheRequestedShape(int numEnvs, int threads, int batchSize, int stepsPerCall) {
        try (StepLoop loop = StepLoop.of(CliTestEnvProvider.WALK, numEnvs, threads, batchSize, 1)) {
            assertEquals(stepsPerCall, loop.stepsPerCall());
            assertEquals(stepsPerCall * 100L, loop.run(stepsPerCall * 100L));
            assertTrue(loop.stepsPerSecond(0.01, 0.01) > 0);
            assertTrue(loop.description().contains("Walk"), loop.description());
        }
    }

    @org.junit.jupiter.api.Test
    void meaninglessCombinationsAreRefused() {
        assertThrows(InvalidArgumentException.class, () -> StepLoop.of(CliTestEnvProvider.WALK, 0, 2, 0, 1));
        assertThrows(InvalidArgumentException.class, () -> StepLoop.of(CliTestEnvProvider.WALK, 4, 0, 2, 1));
    }
}
