package dev.gym4j.testkit;

import dev.gym4j.api.Env;
import dev.gym4j.api.EnvClosedException;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.random.Generator;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.Space;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** An env with one deliberate flaw, to show that each contract check can fail. */
final class BrokenEnv implements Env<float[], Integer> {

    enum Flaw {
        NONE, OBSERVATION_OUT_OF_SPACE, NAN_OBSERVATION, INFINITE_REWARD, IGNORES_SEED, CLOSE_NOT_IDEMPOTENT,
        USABLE_AFTER_CLOSE, CRASHES_AFTER_EPISODE_END
    }

    /** Shared across instances on purpose: the IGNORES_SEED flaw draws from it. */
    private static final AtomicLong GLOBAL = new AtomicLong();

    private final Flaw flaw;
    private final Box<float[]> observationSpace = Box.float32(-1f, 1f, 1);
    private final Discrete actionSpace = new Discrete(2);
    private Generator random = Generator.fromSeed(0);
    private boolean closed;
    private boolean ended;
    private int t;

    BrokenEnv(Flaw flaw) {
        this.flaw = flaw;
    }

    @Override
    public Space<float[]> observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<Integer> actionSpace() {
        return actionSpace;
    }

    @Override
    public ResetResult<float[]> reset(Long seed, Map<String, ?> options) {
        if (closed && flaw != Flaw.USABLE_AFTER_CLOSE) {
            throw new EnvClosedException("closed");
        }
        if (seed != null) {
            random = Generator.fromSeed(flaw == Flaw.IGNORES_SEED ? GLOBAL.incrementAndGet() : seed);
        }
        t = 0;
        ended = false;
        return ResetResult.of(new float[] {(float) random.random()});
    }

    @Override
    public StepResult<float[]> step(Integer action) {
        if (closed && flaw != Flaw.USABLE_AFTER_CLOSE) {
            throw new EnvClosedException("closed");
        }
        if (ended && flaw == Flaw.CRASHES_AFTER_EPISODE_END) {
            throw new IllegalStateException("internal state corrupted");
        }
        t++;
        float x = (float) random.random();
        if (flaw == Flaw.OBSERVATION_OUT_OF_SPACE && t == 3) {
            x = 7f;
        }
        if (flaw == Flaw.NAN_OBSERVATION && t == 3) {
            x = Float.NaN;
        }
        double reward = flaw == Flaw.INFINITE_REWARD && t == 2 ? Double.POSITIVE_INFINITY : x;
        ended = t >= 5;
        return new StepResult<>(new float[] {x}, reward, ended, false, Map.of());
    }

    @Override
    public void close() {
        if (closed && flaw == Flaw.CLOSE_NOT_IDEMPOTENT) {
            throw new IllegalStateException("already closed");
        }
        closed = true;
    }
}
