package dev.gym4j.testkit;

import dev.gym4j.Gym;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.gym4j.api.Env;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The env contract over every env registered on the class path: extend it with an empty class and
 * every {@code EnvProvider} the tests can see is checked.
 *
 * <pre>{@code
 * class AllEnvsContractTest extends AllRegisteredEnvsContractTest {}
 * }</pre>
 *
 * <p>Per env (made by {@code Gym.make}), one dynamic test per check of {@link EnvContract} and seed in
 * {@link #seeds()}, with {@link #steps()} actions sampled from the action space. When no env is
 * registered the factory fails, since that is almost always a class-path mistake.
 */
public abstract class AllRegisteredEnvsContractTest {

    /**
     * @param id a registered id
     * @return whether to check it; all by default
     */
    protected boolean include(String id) {
        return true;
    }

    /** @return the seeds each check runs with: by default 0, 1, 42 and 2^32 + 7 */
    protected long[] seeds() {
        return new long[] {0, 1, 42, (1L << 32) + 7};
    }

    /** @return how many actions each rollout takes; 100 by default */
    protected int steps() {
        return 100;
    }

    /**
     * @param id an included registered id
     * @return what makes the env under test for {@code id}; {@code Gym.make(id)} by default. Override it to
     *     check the same ids through something else, such as a remote env served over the bridge
     */
    protected Supplier<Env<?, ?>> factory(String id) {
        return RegisteredEnvs.factory(id);
    }

    /** @return per included env, a container of the contract's checks; one failing test when no env is registered */
    @TestFactory
    public Stream<DynamicNode> everyRegisteredEnvMeetsTheContract() {
        List<String> ids = RegisteredEnvs.ids().stream().filter(this::include).toList();
        if (ids.isEmpty()) {
            return Stream.of(dynamicTest("no env is registered", () -> {
                throw new AssertionError("Gym.registry() is empty: no EnvProvider was found through ServiceLoader "
                        + "(is the env module on the test class path, with META-INF/services/dev.gym4j.api.registry.EnvProvider?)");
            }));
        }
        return ids.stream().map(id -> dynamicContainer(id, checks(factory(id))));
    }

    private Stream<DynamicNode> checks(Supplier<Env<?, ?>> factory) {
        List<DynamicNode> tests = new ArrayList<>();
        for (long seed : seeds()) {
            List<Long> actions = EnvContract.actionSeeds(seed, steps());
            String s = " (seed " + seed + ")";
            tests.add(dynamicTest("observations stay in the space and are finite" + s,
                    () -> EnvContract.checkObservationsInSpaceAndFinite(factory, seed, actions)));
            tests.add(dynamicTest("rewards are finite" + s, () -> EnvContract.checkRewardsFinite(factory, seed, actions)));
            tests.add(dynamicTest("same seed and actions give the same trajectory" + s,
                    () -> EnvContract.checkSameSeedSameTrajectory(factory, seed, actions)));
            tests.add(dynamicTest("reset with a seed is repeatable" + s,
                    () -> EnvContract.checkResetRepeatable(factory, seed, actions.subList(0, Math.min(10, actions.size())))));
            int limit = 1 + (int) Math.floorMod(seed, 5L);
            tests.add(dynamicTest("TimeLimit truncates exactly at " + limit + " steps" + s,
                    () -> EnvContract.checkTimeLimitTruncates(factory, limit, seed, actions)));
        }
        long first = seeds().length > 0 ? seeds()[0] : 0;
        tests.add(dynamicTest("step after the end of an episode behaves as documented",
                () -> EnvContract.checkStepAfterEpisodeEnd(factory, first, EnvContract.actionSeeds(first, 64))));
        tests.add(dynamicTest("close is idempotent and use after close throws", () -> EnvContract.checkCloseIdempotent(factory)));
        tests.add(dynamicTest("EnvChecker passes", () -> EnvContract.checkEnvCheckerPasses(factory)));
        return tests.stream();
    }
}
