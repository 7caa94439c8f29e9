package dev.gym4j.testkit;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The env contract as a test class to extend: one line checks an env.
 *
 * <pre>{@code
 * class CartPoleContractTest extends EnvContractTest {
 *     protected Supplier<Env<?, ?>> envFactory() { return () -> Gym.make("CartPole-v1"); }
 * }
 * }</pre>
 *
 * <p>JUnit tests check {@code close()} and the {@code EnvChecker}; jqwik properties, over arbitrary
 * seeds and arbitrary action sequences (sampled from the action space, see {@link EnvContract}), check
 * that observations stay in the space and are finite, rewards are finite, the same seed and actions
 * give the same trajectory, {@code reset(seed)} is repeatable, {@code TimeLimit} truncates exactly at
 * {@code max_episode_steps} (envs made by {@code Gym.make}), and a step after the end of an episode
 * behaves as documented. Tries are kept modest so that the suite stays fast; add env-specific tests
 * in the subclass. To leave a check out (say, for an env that is nondeterministic on purpose), override
 * its method without the annotation.
 *
 * <p>Both engines must be on the test class path: JUnit Jupiter for the {@code @Test} methods and
 * jqwik (which this module brings) for the {@code @Property} methods.
 */
public abstract class EnvContractTest {

    /**
     * @return what makes a new env of the kind under test, for example {@code () -> Gym.make("CartPole-v1")};
     *     every call must return a new, independent env
     */
    protected abstract Supplier<Env<?, ?>> envFactory();

    /**
     * Observations after every reset and step are in the space and finite; see {@link EnvContract#checkObservationsInSpaceAndFinite}.
     */
    @Property(tries = 20)
    public void observationsStayInTheSpaceAndAreFinite(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                                @ForAll @Size(max = 200) List<@LongRange(min = 0, max = Long.MAX_VALUE) Long> actionSeeds) {
        EnvContract.checkObservationsInSpaceAndFinite(envFactory(), seed, actionSeeds);
    }

    /**
     * Every reward is finite; see {@link EnvContract#checkRewardsFinite}.
     */
    @Property(tries = 20)
    public void rewardsAreFinite(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                          @ForAll @Size(max = 200) List<@LongRange(min = 0, max = Long.MAX_VALUE) Long> actionSeeds) {
        EnvContract.checkRewardsFinite(envFactory(), seed, actionSeeds);
    }

    /**
     * Same seed and actions, same trajectory; see {@link EnvContract#checkSameSeedSameTrajectory}.
     */
    @Property(tries = 15)
    public void sameSeedAndActionsGiveTheSameTrajectory(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                                 @ForAll @Size(max = 100) List<@LongRange(min = 0, max = Long.MAX_VALUE) Long> actionSeeds) {
        EnvContract.checkSameSeedSameTrajectory(envFactory(), seed, actionSeeds);
    }

    /**
     * {@code reset(seed)} is repeatable; see {@link EnvContract#checkResetRepeatable}.
     */
    @Property(tries = 15)
    public void resetWithASeedIsRepeatable(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                    @ForAll @Size(max = 20) List<@LongRange(min = 0, max = Long.MAX_VALUE) Long> actionSeeds) {
        EnvContract.checkResetRepeatable(envFactory(), seed, actionSeeds);
    }

    /**
     * {@code TimeLimit} truncates exactly at the limit; see {@link EnvContract#checkTimeLimitTruncates}.
     */
    @Property(tries = 10)
    public void timeLimitTruncatesExactlyAtMaxEpisodeSteps(@ForAll @IntRange(min = 1, max = 10) int limit,
                                                    @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed,
                                                    @ForAll @Size(min = 1, max = 10) List<@LongRange(min = 0, max = Long.MAX_VALUE) Long> actionSeeds) {
        EnvContract.checkTimeLimitTruncates(envFactory(), limit, seed, actionSeeds);
    }

    /**
     * A step after the end of an episode works or throws a {@code GymException}; see {@link EnvContract#checkStepAfterEpisodeEnd}.
     */
    @Property(tries = 5)
    public void stepAfterTheEndOfAnEpisodeBehavesAsDocumented(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        EnvContract.checkStepAfterEpisodeEnd(envFactory(), seed, EnvContract.actionSeeds(seed, 64));
    }

    /**
     * {@code close()} is idempotent and use after close throws; see {@link EnvContract#checkCloseIdempotent}.
     */
    @Test
    public void closeIsIdempotentAndUseAfterCloseThrows() {
        EnvContract.checkCloseIdempotent(envFactory());
    }

    /**
     * The library's env checker passes; see {@link EnvContract#checkEnvCheckerPasses}.
     */
    @Test
    public void envCheckerPasses() {
        EnvContract.checkEnvCheckerPasses(envFactory());
    }
}
