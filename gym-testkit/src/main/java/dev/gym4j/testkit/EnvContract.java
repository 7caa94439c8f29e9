package dev.gym4j.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.EnvClosedException;
import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.GymException;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.check.CheckReport;
import dev.gym4j.api.check.EnvChecker;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.wrappers.TimeLimit;
import dev.gym4j.api.wrappers.Wrapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/**
 * The env contract as plain static checks, each of which throws an {@link AssertionError} (JUnit's
 * {@code AssertionFailedError}) naming what broke, or aborts the calling test (JUnit's
 * {@code TestAbortedException}) when it does not apply to the env. {@link EnvContractTest} and
 * {@link AllRegisteredEnvsContractTest} call them; env tests may call them directly too.
 *
 * <p>Every check makes its own envs from the factory and closes them. Actions come from the env's own
 * action space: the space is re-seeded with each action seed, then sampled, so a list of action seeds
 * stands for an arbitrary, shrinkable action sequence. When an episode ends during a rollout the env is
 * {@code reset()} without a seed and the rollout goes on.
 *
 * <p>Thread safety: stateless; the checks are as thread-safe as the factory.
 */
public final class EnvContract {

    /** The longest episode {@link #checkStepAfterEpisodeEnd} runs looking for an end before it gives up. */
    public static final int MAX_EPISODE_SEARCH = 100_000;

    private EnvContract() {
    }

    /**
     * Every observation (after each reset and step) is in the observation space and has no NaN or infinity.
     *
     * @param factory makes a new env
     * @param seed the seed of the first reset
     * @param actionSeeds one seed per action
     */
    public static void checkObservationsInSpaceAndFinite(Supplier<? extends Env<?, ?>> factory, long seed, List<Long> actionSeeds) {
        Trajectory t = rollout(factory, seed, actionSeeds);
        Space<Object> space = t.observationSpace();
        for (int i = 0; i < t.points().size(); i++) {
            Object obs = t.points().get(i).observation();
            String what = (t.points().get(i).reset() ? "reset" : "step") + " observation at point " + i + " (seed " + seed + ")";
            String why = space.whyNotContained(obs);
            assertTrue(space.contains(obs), () -> what + " is not in " + space + ": "
                    + (why != null ? why : space.valueToString(obs)));
            String nonFinite = Finite.firstNonFinite(obs);
            assertNull(nonFinite, () -> what + " is not finite: " + nonFinite + " in " + space.valueToString(obs));
        }
    }

    /**
     * Every reward is a finite number.
     *
     * @param factory makes a new env
     * @param seed the seed of the first reset
     * @param actionSeeds one seed per action
     */
    public static void checkRewardsFinite(Supplier<? extends Env<?, ?>> factory, long seed, List<Long> actionSeeds) {
        Trajectory t = rollout(factory, seed, actionSeeds);
        for (int i = 0; i < t.points().size(); i++) {
            double reward = t.points().get(i).reward();
            int point = i;
            assertTrue(Double.isFinite(reward), () -> "reward at point " + point + " (seed " + seed + ") is " + reward);
        }
    }

    /**
     * Two new envs given the same seed and the same actions produce the same trajectory, observation
     * by observation, reward bit for bit, flag for flag. Aborts for specs marked nondeterministic.
     *
     * @param factory makes a new env
     * @param seed the seed of the first reset
     * @param actionSeeds one seed per action
     */
    public static void checkSameSeedSameTrajectory(Supplier<? extends Env<?, ?>> factory, long seed, List<Long> actionSeeds) {
        assumeDeterministic(factory);
        Trajectory first = rollout(factory, seed, actionSeeds);
        Trajectory second = rollout(factory, seed, actionSeeds);
        String difference = first.firstDifference(second);
        assertNull(difference, () -> "same seed " + seed + " and same actions, different trajectories: " + difference);
    }

    /**
     * {@code reset(seed)} gives the same observation on a new env and on a used one, whatever
     * happened in between. Aborts for specs marked nondeterministic.
     *
     * @param factory makes a new env
     * @param seed the seed
     * @param actionSeeds the actions taken between the two resets of the used env
     */
    public static void checkResetRepeatable(Supplier<? extends Env<?, ?>> factory, long seed, List<Long> actionSeeds) {
        assumeDeterministic(factory);
        try (Env<Object, Object> fresh = make(factory); Env<Object, Object> used = make(factory)) {
            Space<Object> space = fresh.observationSpace();
            Object expected = space.copyValue(fresh.reset(seed).observation());
            Object first = space.copyValue(used.reset(seed).observation());
            assertTrue(space.valuesEqual(expected, first), () -> "reset(" + seed + ") on two new envs: "
                    + space.valueToString(expected) + " vs " + space.valueToString(first));
            for (long actionSeed : actionSeeds) {
                if (used.step(action(used, actionSeed)).done()) {
                    used.reset();
                }
            }
            Object again = used.reset(seed).observation();
            assertTrue(space.valuesEqual(expected, again), () -> "reset(" + seed + ") after " + actionSeeds.size()
                    + " steps gave " + space.valueToString(again) + ", a new env gave " + space.valueToString(expected));
        }
    }

    /**
     * Made through {@code Gym.make} with its spec, the env carries a {@code TimeLimit} of the spec's
     * {@code max_episode_steps}; made with {@code max_episode_steps = limit}, an episode that has not
     * terminated is truncated exactly at step {@code limit}, not before. Aborts when the env has no spec
     * (it was not made by {@code Gym.make}).
     *
     * @param factory makes a new env
     * @param limit the time limit to impose, at least 1
     * @param seed the seed of the first episode tried (later tries add 1)
     * @param actionSeeds one seed per action
     */
    public static void checkTimeLimitTruncates(Supplier<? extends Env<?, ?>> factory, int limit, long seed, List<Long> actionSeeds) {
        EnvSpec spec;
        try (Env<?, ?> env = factory.get()) {
            spec = env.spec();
        }
        Assumptions.assumeTrue(spec != null, "the env has no spec: TimeLimit applies to envs made by Gym.make");
        try (Env<?, ?> env = Gym.make(spec.id(), spec.kwargs())) {
            Integer expected = Gym.spec(spec.id()).maxEpisodeSteps();
            Integer actual = Wrapper.find(env, TimeLimit.class).map(limitWrapper -> ((TimeLimit<?, ?>) limitWrapper).maxEpisodeSteps())
                    .orElse(null);
            assertEquals(expected, actual, "Gym.make(\"" + spec.id() + "\") should add TimeLimit(max_episode_steps)");
        }
        Map<String, Object> kwargs = new LinkedHashMap<>(spec.kwargs());
        kwargs.put(Gym.MAX_EPISODE_STEPS, limit);
        try (Env<Object, Object> env = Gym.make(spec.id(), kwargs)) {
            int next = 0;
            for (int attempt = 0; attempt < 20; attempt++) {
                env.reset(seed + attempt);
                for (int step = 1; step <= limit; step++) {
                    long actionSeed = actionSeeds.isEmpty() ? seed + next : actionSeeds.get(next % actionSeeds.size());
                    next++;
                    StepResult<Object> r = env.step(action(env, actionSeed));
                    if (step < limit) {
                        int at = step;
                        assertTrue(!r.truncated(), () -> "truncated at step " + at + " of a " + limit + "-step time limit");
                        if (r.terminated()) {
                            break;
                        }
                    } else {
                        assertTrue(r.truncated(), () -> "not truncated at step " + limit + " of a " + limit + "-step time limit");
                        return;
                    }
                }
            }
        }
        Assumptions.abort("every episode tried terminated before " + limit + " steps");
    }

    /**
     * Stepping once more after an episode ended either works (an observation in the space, a finite
     * reward: Gymnasium's behaviour, for example CartPole's {@code steps_beyond_terminated}) or throws a
     * {@link GymException} that says to reset; nothing else. Aborts when no episode ends within
     * {@link #MAX_EPISODE_SEARCH} steps.
     *
     * @param factory makes a new env
     * @param seed the seed
     * @param actionSeeds one seed per action, cycled
     */
    public static void checkStepAfterEpisodeEnd(Supplier<? extends Env<?, ?>> factory, long seed, List<Long> actionSeeds) {
        try (Env<Object, Object> env = make(factory)) {
            env.reset(seed);
            boolean done = false;
            for (int i = 0; i < MAX_EPISODE_SEARCH && !done; i++) {
                long actionSeed = actionSeeds.isEmpty() ? seed + i : actionSeeds.get(i % actionSeeds.size());
                done = env.step(action(env, actionSeed)).done();
            }
            Assumptions.assumeTrue(done, "no episode ended within " + MAX_EPISODE_SEARCH + " steps");
            Object action = action(env, seed);
            StepResult<Object> after;
            try {
                after = env.step(action);
            } catch (GymException documented) {
                return;
            } catch (RuntimeException e) {
                throw new AssertionError("step after the end of an episode threw " + e
                        + "; expected a normal step or a GymException", e);
            }
            Space<Object> space = env.observationSpace();
            assertTrue(space.contains(after.observation()), () -> "step after the end of an episode gave an observation outside "
                    + space + ": " + space.valueToString(after.observation()));
            assertTrue(Double.isFinite(after.reward()), () -> "step after the end of an episode gave reward " + after.reward());
        }
    }

    /**
     * {@code close()} may be called twice, before or after a reset; after it {@code reset} and
     * {@code step} throw {@link EnvClosedException}.
     *
     * @param factory makes a new env
     */
    public static void checkCloseIdempotent(Supplier<? extends Env<?, ?>> factory) {
        Env<Object, Object> never = make(factory);
        assertDoesNotThrow(never::close, "close() before any reset");
        assertDoesNotThrow(never::close, "second close() before any reset");
        Env<Object, Object> env = make(factory);
        env.reset(0L);
        Object action = action(env, 0);
        assertDoesNotThrow(env::close, "close()");
        assertDoesNotThrow(env::close, "second close()");
        assertThrows(EnvClosedException.class, env::reset, "reset() after close()");
        assertThrows(EnvClosedException.class, () -> env.step(action), "step() after close()");
    }

    /**
     * The library's {@link EnvChecker} passes on a new env.
     *
     * @param factory makes a new env
     */
    public static void checkEnvCheckerPasses(Supplier<? extends Env<?, ?>> factory) {
        Env<?, ?> env = factory.get();
        try {
            CheckReport report = EnvChecker.check(env);
            assertTrue(report.passed(), () -> "EnvChecker failed on " + env + ":\n" + report);
        } finally {
            env.close();
        }
    }

    /**
     * Runs every check once with the given seed: what {@link AllRegisteredEnvsContractTest} does per env
     * and seed.
     *
     * @param factory makes a new env
     * @param seed the seed
     * @param steps how many actions the rollouts take
     */
    public static void checkAll(Supplier<? extends Env<?, ?>> factory, long seed, int steps) {
        List<Long> actions = actionSeeds(seed, steps);
        checkObservationsInSpaceAndFinite(factory, seed, actions);
        checkRewardsFinite(factory, seed, actions);
        checkSameSeedSameTrajectory(factory, seed, actions);
        checkResetRepeatable(factory, seed, actions.subList(0, Math.min(10, actions.size())));
        checkTimeLimitTruncates(factory, 1 + (int) Math.floorMod(seed, 5L), seed, actions);
        checkStepAfterEpisodeEnd(factory, seed, actions);
        checkCloseIdempotent(factory);
        checkEnvCheckerPasses(factory);
    }

    /**
     * @param seed a base seed
     * @param steps how many
     * @return {@code steps} action seeds derived from {@code seed} (consecutive, offset so they differ from the reset seed)
     */
    public static List<Long> actionSeeds(long seed, int steps) {
        List<Long> out = new ArrayList<>(steps);
        long base = Math.floorMod(seed * 1_000_003L + 17, Long.MAX_VALUE - steps);
        for (int i = 0; i < steps; i++) {
            out.add(base + i);
        }
        return out;
    }

    /**
     * Runs {@code reset(seed)} then one step per action seed, resetting without a seed when an episode ends.
     *
     * @return every observation (copied), reward and flag
     */
    static Trajectory rollout(Supplier<? extends Env<?, ?>> factory, long seed, List<Long> actionSeeds) {
        try (Env<Object, Object> env = make(factory)) {
            Space<Object> space = env.observationSpace();
            List<Trajectory.Point> points = new ArrayList<>(actionSeeds.size() + 1);
            ResetResult<Object> reset = env.reset(seed);
            points.add(new Trajectory.Point(true, space.copyValue(reset.observation()), 0.0, false, false));
            for (long actionSeed : actionSeeds) {
                StepResult<Object> r = env.step(action(env, actionSeed));
                points.add(new Trajectory.Point(false, space.copyValue(r.observation()), r.reward(), r.terminated(), r.truncated()));
                if (r.done()) {
                    reset = env.reset();
                    points.add(new Trajectory.Point(true, space.copyValue(reset.observation()), 0.0, false, false));
                }
            }
            return new Trajectory(space, points);
        }
    }

    /** @return the env's action space sampled after seeding it with {@code actionSeed} */
    static Object action(Env<Object, Object> env, long actionSeed) {
        Space<Object> space = env.actionSpace();
        space.seed(Math.abs(actionSeed % Long.MAX_VALUE));
        return space.sample();
    }

    @SuppressWarnings("unchecked")
    static Env<Object, Object> make(Supplier<? extends Env<?, ?>> factory) {
        return (Env<Object, Object>) Objects.requireNonNull(factory.get(), "the env factory returned null");
    }

    private static void assumeDeterministic(Supplier<? extends Env<?, ?>> factory) {
        try (Env<?, ?> env = factory.get()) {
            Assumptions.assumeFalse(env.spec() != null && env.spec().nondeterministic(),
                    "the spec says the env is nondeterministic");
        }
    }
}
