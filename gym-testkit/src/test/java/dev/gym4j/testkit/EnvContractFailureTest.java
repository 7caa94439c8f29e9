package dev.gym4j.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.Env;
import dev.gym4j.testkit.fixtures.BrokenEnv;
import dev.gym4j.testkit.fixtures.BrokenEnv.Flaw;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Each check fails on an env with the matching flaw, and passes on the same env without it. */
class EnvContractFailureTest {

    private static final List<Long> ACTIONS = EnvContract.actionSeeds(3, 12);

    private static Supplier<Env<?, ?>> env(Flaw flaw) {
        return () -> new BrokenEnv(flaw);
    }

    @Test
    void aSoundEnvPassesEveryCheckThatApplies() {
        EnvContract.checkObservationsInSpaceAndFinite(env(Flaw.NONE), 1, ACTIONS);
        EnvContract.checkRewardsFinite(env(Flaw.NONE), 1, ACTIONS);
        EnvContract.checkSameSeedSameTrajectory(env(Flaw.NONE), 1, ACTIONS);
        EnvContract.checkResetRepeatable(env(Flaw.NONE), 1, ACTIONS);
        EnvContract.checkStepAfterEpisodeEnd(env(Flaw.NONE), 1, ACTIONS);
        EnvContract.checkCloseIdempotent(env(Flaw.NONE));
    }

    @Test
    void anObservationOutsideTheSpaceFails() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> EnvContract.checkObservationsInSpaceAndFinite(env(Flaw.OBSERVATION_OUT_OF_SPACE), 1, ACTIONS));
        assertTrue(e.getMessage().contains("step observation at point 3 (seed 1) is not in"), e.getMessage());
    }

    @Test
    void aNanObservationFails() {
        assertThrows(AssertionError.class,
                () -> EnvContract.checkObservationsInSpaceAndFinite(env(Flaw.NAN_OBSERVATION), 1, ACTIONS));
    }

    @Test
    void anInfiniteRewardFails() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> EnvContract.checkRewardsFinite(env(Flaw.INFINITE_REWARD), 1, ACTIONS));
        assertTrue(e.getMessage().contains("reward at point 2 (seed 1) is Infinity"), e.getMessage());
    }

    @Test
    void ignoringTheSeedFailsDeterminismAndRepeatableReset() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> EnvContract.checkSameSeedSameTrajectory(env(Flaw.IGNORES_SEED), 1, ACTIONS));
        assertTrue(e.getMessage().contains("different trajectories"), e.getMessage());
        assertThrows(AssertionError.class, () -> EnvContract.checkResetRepeatable(env(Flaw.IGNORES_SEED), 1, ACTIONS));
    }

    @Test
    void aSecondCloseThatThrowsFails() {
        assertThrows(AssertionError.class, () -> EnvContract.checkCloseIdempotent(env(Flaw.CLOSE_NOT_IDEMPOTENT)));
    }

    @Test
    void useAfterCloseThatWorksFails() {
        assertThrows(AssertionError.class, () -> EnvContract.checkCloseIdempotent(env(Flaw.USABLE_AFTER_CLOSE)));
    }

    @Test
    void anUndocumentedExceptionAfterTheEndOfAnEpisodeFails() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> EnvContract.checkStepAfterEpisodeEnd(env(Flaw.CRASHES_AFTER_EPISODE_END), 1, ACTIONS));
        assertTrue(e.getMessage().contains("IllegalStateException"), e.getMessage());
    }

    @Test
    void theTimeLimitCheckDoesNotApplyWithoutASpec() {
        assertThrows(TestAbortedException.class, () -> EnvContract.checkTimeLimitTruncates(env(Flaw.NONE), 3, 1, ACTIONS));
    }
}
