package dev.gym4j.api.wrappers;

import dev.gym4j.api.Env;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import java.util.Map;

/**
 * A wrapper that resets the env by itself once an episode ends, with Gymnasium 1.x's next-step
 * semantics (Gymnasium's {@code Autoreset}).
 *
 * <p>A step that ends an episode ({@code terminated || truncated}) is returned unchanged. The next call
 * to {@link #step} ignores its action, calls the wrapped env's {@code reset()} without a seed (so the
 * env's random stream continues) and returns the reset observation with reward 0, {@code terminated}
 * and {@code truncated} false and the reset's info. Calling {@link #reset} yourself cancels a pending
 * autoreset. There is no {@code final_observation} or {@code final_info}: the last observation of an
 * episode is the one the ending step returned.
 *
 * <p>Thread safety: not thread-safe, like the env it wraps.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public final class Autoreset<O, A> extends Wrapper<O, A, O, A> {

    private boolean autoreset;

    /** @param env the env to wrap; not null */
    public Autoreset(Env<O, A> env) {
        super(env);
    }

    @Override
    public ResetResult<O> reset(Long seed, Map<String, ?> options) {
        autoreset = false;
        return resetInner(seed, options);
    }

    @Override
    public StepResult<O> step(A action) {
        StepResult<O> result;
        if (autoreset) {
            ResetResult<O> r = env.reset();
            result = new StepResult<>(r.observation(), 0.0, false, false, r.info());
        } else {
            result = env.step(action);
        }
        autoreset = result.done();
        return result;
    }

    /** @return whether the next {@link #step} will reset the env instead of stepping it */
    public boolean autoresetPending() {
        return autoreset;
    }
}
