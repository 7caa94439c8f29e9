package dev.gym4j.api.check;

import dev.gym4j.api.Env;
import dev.gym4j.api.InvalidArgumentException;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Checks that an env follows the gym4j (Gymnasium 1.x) API, as Gymnasium's {@code check_env}, and reports
 * each check as passed or failed with the reason.
 *
 * <p>The checks, in order: both spaces are well formed (not null, Box bounds not NaN, {@code low <= high},
 * not a single point, composite spaces not empty); {@code reset()} returns an observation in the space;
 * {@code reset} accepts an empty options map; {@code reset(seed)} is repeatable (the same seed twice, and
 * an unseeded reset after it, give the same observations); different seeds give different initial
 * observations (an env whose start ignores the seed passes with a note saying so); both spaces'
 * samplers are seedable and deterministic and sample inside the space; {@code step} returns an
 * observation in the space and a finite reward; the same seed and action give the same step; observations
 * stay in the space and rewards finite over {@link Options#randomSteps()} seeded random steps; the render
 * metadata is consistent; {@code render()} in the env's render mode returns frames of one size
 * ({@code rgb_array}); every other declared render mode renders (needs the env's spec, as in Gymnasium;
 * {@code "human"} is left out so the checker never opens a window); and {@code close()} twice is fine,
 * after which {@code reset} and {@code step} throw {@link dev.gym4j.api.EnvClosedException}.
 *
 * <p>Stricter than Gymnasium, which only warns there: an observation outside the space after a step and
 * a NaN or infinite reward are failures. Gymnasium's warnings (infinite Box bounds, an action Box that is
 * not normalized, ...) become notes on passing checks.
 *
 * <p>The checker never throws: an exception inside a check fails that check with the exception's message
 * and the remaining checks still run. What it does to the env: it resets and steps it (seeds 123, 456,
 * 789, 1011, 2024), re-seeds its action and observation spaces (seed 42 and 123), and renders it. It
 * closes the given env only when {@link Options#closeEnv()} is set; otherwise the close check runs on a
 * fresh env from the factory ({@link #check(Supplier, Options)}) or from the env's spec, and is skipped
 * when there is neither. Every env the checker makes itself, it closes.
 *
 * <p>Thread safety: the static methods are thread-safe; the env being checked must not be used by
 * anything else meanwhile.
 */
public final class EnvChecker {

    private EnvChecker() {
    }

    /**
     * How to run the checks.
     *
     * <p>Immutable and thread-safe.
     *
     * @param skipRenderCheck skip the render checks, as Gymnasium's {@code skip_render_check}
     * @param skipCloseCheck skip the close check, as Gymnasium's {@code skip_close_check}
     * @param closeEnv when there is no factory and no spec, run the close check on the given env itself
     *     (closing it); the env cannot be used afterwards
     * @param randomSteps how many seeded random steps the "observations stay in the space" check takes
     */
    public record Options(boolean skipRenderCheck, boolean skipCloseCheck, boolean closeEnv, int randomSteps) {

        /** Validates the step count. */
        public Options {
            if (randomSteps < 0) {
                throw new InvalidArgumentException("randomSteps must be non-negative, got " + randomSteps);
            }
        }

        /** @return every check on, the given env left open, 100 random steps */
        public static Options defaults() {
            return new Options(false, false, false, 100);
        }

        /**
         * @param skip whether to skip the render checks
         * @return a copy with that setting
         */
        public Options withSkipRenderCheck(boolean skip) {
            return new Options(skip, skipCloseCheck, closeEnv, randomSteps);
        }

        /**
         * @param skip whether to skip the close check
         * @return a copy with that setting
         */
        public Options withSkipCloseCheck(boolean skip) {
            return new Options(skipRenderCheck, skip, closeEnv, randomSteps);
        }

        /**
         * @param close whether the close check may close the given env
         * @return a copy with that setting
         */
        public Options withCloseEnv(boolean close) {
            return new Options(skipRenderCheck, skipCloseCheck, close, randomSteps);
        }

        /**
         * @param steps how many random steps to take
         * @return a copy with that setting
         */
        public Options withRandomSteps(int steps) {
            return new Options(skipRenderCheck, skipCloseCheck, closeEnv, steps);
        }
    }

    /**
     * Checks an env with the default options; the env is left open.
     *
     * @param env the env to check; may be wrapped
     * @return one result per check
     */
    public static CheckReport check(Env<?, ?> env) {
        return check(env, Options.defaults());
    }

    /**
     * Checks an env, as Gymnasium's {@code check_env(env, skip_render_check=...)}; the env is left open.
     *
     * @param env the env to check
     * @param skipRenderCheck whether to skip the render checks
     * @return one result per check
     */
    public static CheckReport checkEnv(Env<?, ?> env, boolean skipRenderCheck) {
        return check(env, Options.defaults().withSkipRenderCheck(skipRenderCheck));
    }

    /**
     * Checks an env.
     *
     * @param env the env to check
     * @param options how to check
     * @return one result per check
     */
    public static CheckReport check(Env<?, ?> env, Options options) {
        Objects.requireNonNull(options, "options");
        if (env == null) {
            return new CheckReport(List.of(CheckResult.fail("env is not null", "the env to check is null")));
        }
        return new CheckRun<>(env, null, options).run();
    }

    /**
     * Checks envs from a factory with the default options: one env for the main checks and a fresh one
     * for the close check; the checker closes both.
     *
     * @param factory makes a new env on each call
     * @return one result per check
     */
    public static CheckReport check(Supplier<? extends Env<?, ?>> factory) {
        return check(factory, Options.defaults());
    }

    /**
     * Checks envs from a factory: one env for the main checks and a fresh one for the close check; the
     * checker closes both.
     *
     * @param factory makes a new env on each call
     * @param options how to check ({@code closeEnv} is ignored: the checker closes the envs it made)
     * @return one result per check
     */
    public static CheckReport check(Supplier<? extends Env<?, ?>> factory, Options options) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(options, "options");
        Env<?, ?> env;
        try {
            env = factory.get();
        } catch (Exception | AssertionError | LinkageError e) {
            return new CheckReport(List.of(CheckResult.fail("the factory makes an env", CheckRun.describe(e))));
        }
        if (env == null) {
            return new CheckReport(List.of(CheckResult.fail("the factory makes an env", "the factory returned null")));
        }
        try {
            return new CheckRun<>(env, factory, options.withCloseEnv(false)).run();
        } finally {
            CheckRun.closeQuietly(env);
        }
    }
}
