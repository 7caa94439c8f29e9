package dev.gym4j.api.vector;

import dev.gym4j.api.Env;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import java.util.Map;
import java.util.Objects;

/**
 * The default {@link BufferedStepEnv} for any env: calls {@code reset} / {@code step} and copies the
 * observation into the batch. Not thread-safe.
 */
final class CopyingStepEnv<B, A> implements BufferedStepEnv<B, A> {

    private final Env<?, A> env;
    private final BatchLayout layout;

    CopyingStepEnv(Env<?, A> env) {
        this.env = Objects.requireNonNull(env, "env");
        this.layout = BatchLayout.of(env.observationSpace());
    }

    @Override
    public Map<String, Object> resetInto(Long seed, Map<String, ?> options, B observations, int offset) {
        ResetResult<?> r = env.reset(seed, options);
        write(r.observation(), observations, offset);
        return r.info();
    }

    @Override
    public void stepInto(A action, B observations, int offset, StepOutcome outcome) {
        StepResult<?> r = env.step(action);
        write(r.observation(), observations, offset);
        outcome.set(r.reward(), r.terminated(), r.truncated(), r.info());
    }

    private void write(Object observation, B observations, int offset) {
        if (offset % layout.rowSize() != 0) {
            throw new IllegalArgumentException("offset " + offset + " is not a multiple of the row size " + layout.rowSize());
        }
        layout.writeRow(observation, observations, offset / layout.rowSize());
    }

    @Override
    public String toString() {
        return "CopyingStepEnv[" + env + "]";
    }
}
