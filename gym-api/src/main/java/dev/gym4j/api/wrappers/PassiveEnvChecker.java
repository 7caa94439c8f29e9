package dev.gym4j.api.wrappers;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.Frame;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepOutcome;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.internal.EnvInspection;
import dev.gym4j.api.internal.EnvInspection.Finding;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A wrapper that checks, once, that the wrapped env follows the API, as Gymnasium's {@code PassiveEnvChecker}.
 *
 * <p>At construction it inspects the action and observation spaces; it inspects the result of the first
 * {@code reset} (observation in the space), the first {@code step} (observation in the space, finite
 * reward) and the first {@code render} (declared render modes and fps, a frame in {@code rgb_array}
 * mode). Every finding is logged as a warning through {@link System.Logger} (logger name: this class's
 * name). Unlike Gymnasium, which asserts on some defects, it never throws because of a defect of the
 * env: the env's own exceptions pass through unchanged.
 *
 * <p>It never changes a value, never draws a random number and never calls the env more often than the
 * caller does. After the first step, reset and render it is a pure pass-through that costs one boolean
 * test per call. {@code Gym.make} puts it innermost, directly around the env, unless the spec sets
 * {@code disable_env_checker}.
 *
 * <p>The allocation-free {@code resetInto} and {@code stepInto} of vector envs take the same checked path for
 * the first reset and step (the ordinary call, then a copy into the batch), and pass straight through later.
 *
 * <p>Thread safety: not thread-safe, like the env it wraps.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public final class PassiveEnvChecker<O, A> extends Wrapper<O, A, O, A> {

    private static final Logger DEFAULT_LOGGER = System.getLogger(PassiveEnvChecker.class.getName());

    private final Logger logger;

    private boolean checkedReset;
    private boolean checkedStep;
    private boolean checkedRender;
    private boolean closeCalled;
    private EnvSpec cachedSpec;

    /**
     * Wraps {@code env} and inspects its spaces, logging what is wrong.
     *
     * @param env the env to check; not null
     */
    public PassiveEnvChecker(Env<O, A> env) {
        this(env, DEFAULT_LOGGER);
    }

    /**
     * @param env the env to check; not null
     * @param logger where the findings go (tests pass their own)
     */
    PassiveEnvChecker(Env<O, A> env, Logger logger) {
        super(env);
        this.logger = java.util.Objects.requireNonNull(logger, "logger");
        log(() -> EnvInspection.inspectSpace(env.actionSpace(), "action"));
        log(() -> EnvInspection.inspectSpace(env.observationSpace(), "observation"));
    }

    @Override
    public ResetResult<O> reset(Long seed, Map<String, ?> options) {
        if (checkedReset) {
            return resetInner(seed, options);
        }
        checkedReset = true;
        ResetResult<O> result = resetInner(seed, options);
        log(() -> EnvInspection.inspectObservation(result.observation(), env.observationSpace(), "reset"));
        return result;
    }

    @Override
    public StepResult<O> step(A action) {
        if (checkedStep) {
            return env.step(action);
        }
        checkedStep = true;
        StepResult<O> result = env.step(action);
        log(() -> EnvInspection.inspectObservation(result.observation(), env.observationSpace(), "step"));
        log(() -> EnvInspection.inspectReward(result.reward()));
        return result;
    }

    @Override
    public Map<String, Object> resetInto(Long seed, Map<String, ?> options, Object observations, int offset) {
        if (checkedReset) {
            return env.resetInto(seed, options, observations, offset);
        }
        ResetResult<O> result = reset(seed, options);
        StepOutcome.writeObservation(result.observation(), observations, offset);
        return result.info();
    }

    @Override
    public void stepInto(A action, Object observations, int offset, StepOutcome outcome) {
        if (checkedStep) {
            env.stepInto(action, observations, offset, outcome);
        } else {
            outcome.setFrom(step(action), observations, offset);
        }
    }

    @Override
    public Optional<Frame> render() {
        if (checkedRender) {
            return env.render();
        }
        checkedRender = true;
        log(() -> EnvInspection.inspectRenderSetup(env.metadata(), env.renderMode()));
        Optional<Frame> result = env.render();
        if (env.renderMode() != null) {
            log(() -> EnvInspection.inspectRenderResult(env.renderMode(), result));
        }
        return result;
    }

    /**
     * @return the wrapped env's spec with {@code disableEnvChecker} false (this checker is in place), or
     *     null when the env has no spec
     */
    @Override
    public EnvSpec spec() {
        if (cachedSpec == null) {
            EnvSpec s = env.spec();
            if (s != null) {
                cachedSpec = s.disableEnvChecker()
                        ? new EnvSpec(s.id(), s.entryPoint(), s.creator(), s.maxEpisodeSteps(), s.rewardThreshold(),
                                s.nondeterministic(), s.kwargs(), s.orderEnforce(), false)
                        : s;
            }
        }
        return cachedSpec;
    }

    /**
     * Closes the wrapped env. A second call is forwarded as well; if the env then throws, a warning says
     * that closing twice should be allowed and the exception propagates.
     */
    @Override
    public void close() {
        if (!closeCalled) {
            closeCalled = true;
            env.close();
            return;
        }
        try {
            env.close();
        } catch (RuntimeException e) {
            logger.log(Level.WARNING, "Calling close() on the closed environment should be allowed, but it raised an exception: " + e);
            throw e;
        }
    }

    /** Runs an inspection and logs its findings; an inspection that throws is logged, never propagated. */
    private void log(Supplier<List<Finding>> inspection) {
        List<Finding> findings;
        try {
            findings = inspection.get();
        } catch (RuntimeException e) {
            logger.log(Level.WARNING, "The passive env checker could not inspect the env: " + e);
            return;
        }
        for (Finding f : findings) {
            logger.log(Level.WARNING, f.message());
        }
    }
}
