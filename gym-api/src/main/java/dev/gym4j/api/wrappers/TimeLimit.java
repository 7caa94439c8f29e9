package dev.gym4j.api.wrappers;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepOutcome;
import dev.gym4j.api.StepResult;
import java.util.Map;

/**
 * Truncates episodes after a fixed number of steps, as Gymnasium's {@code TimeLimit}.
 *
 * <p>{@code reset} sets the elapsed step count to 0; each {@code step} increments it, and once it
 * reaches {@code maxEpisodeSteps} the step's {@code truncated} flag is set (possibly together with
 * {@code terminated}). Nothing is added to {@code info}. Stepping on past the limit is allowed and keeps
 * reporting {@code truncated}, as in Gymnasium. {@code Gym.make} adds this wrapper when the spec (or
 * the {@code max_episode_steps} kwarg) has a limit.
 *
 * <p>Both step paths ({@code step} and the allocation-free {@code stepInto}) count through the same hooks.
 *
 * <p>Thread safety: not thread-safe.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public final class TimeLimit<O, A> extends Wrapper<O, A, O, A> {

    private final int maxEpisodeSteps;
    private int elapsedSteps;

    /**
     * @param env the env to wrap
     * @param maxEpisodeSteps the number of steps after which an episode is truncated, at least 1
     * @throws InvalidArgumentException if {@code maxEpisodeSteps < 1}
     */
    public TimeLimit(Env<O, A> env, int maxEpisodeSteps) {
        super(env);
        if (maxEpisodeSteps < 1) {
            throw new InvalidArgumentException("max_episode_steps must be a positive integer, got " + maxEpisodeSteps);
        }
        this.maxEpisodeSteps = maxEpisodeSteps;
    }

    /** @return the step limit */
    public int maxEpisodeSteps() {
        return maxEpisodeSteps;
    }

    /** @return the steps taken since the last reset */
    public int elapsedSteps() {
        return elapsedSteps;
    }

    @Override
    public ResetResult<O> reset(Long seed, Map<String, ?> options) {
        ResetResult<O> r = resetInner(seed, options);
        onReset();
        return r;
    }

    @Override
    public Map<String, Object> resetInto(Long seed, Map<String, ?> options, Object observations, int offset) {
        Map<String, Object> info = env.resetInto(seed, options, observations, offset);
        onReset();
        return info;
    }

    @Override
    public StepResult<O> step(A action) {
        StepResult<O> r = env.step(action);
        boolean truncate = onStep();
        // Always a new result from this one site: returning either `r` or a copy would merge two objects, which
        // keeps C2's escape analysis from removing either allocation once episodes get truncated.
        return new StepResult<>(r.observation(), r.reward(), r.terminated(), r.truncated() || truncate, r.info());
    }

    @Override
    public void stepInto(A action, Object observations, int offset, StepOutcome outcome) {
        env.stepInto(action, observations, offset, outcome);
        if (onStep()) {
            outcome.truncate();
        }
    }

    private void onReset() {
        elapsedSteps = 0;
    }

    /** Counts a step; returns whether the limit is reached, so that the step is truncated. */
    private boolean onStep() {
        elapsedSteps++;
        return elapsedSteps >= maxEpisodeSteps;
    }
}
