package dev.gym4j.worker.cli;

import dev.gym4j.api.AbstractEnv;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.Space;
import java.util.List;
import java.util.Map;

/**
 * A random walk for command-line tests: the action (0, 1, 2) moves left, stays or moves right, plus noise;
 * reward is the position; the episode terminates beyond |x| > 3. With {@code broken = true} the reset
 * observation lies outside the observation space, so the env checker fails. With {@code fatal = true} the
 * env starts a thread of its own that fails with an {@code Error} (as a simulator's native thread may),
 * outside any request a server answers.
 */
final class WalkEnv extends AbstractEnv<float[], Integer> {
    private final Box<float[]> observationSpace = Box.float32(-4f, 4f, 1);
    private final Discrete actionSpace = new Discrete(3);
    private final boolean broken;
    private float x;

    WalkEnv(Map<String, Object> kwargs) {
        super((String) kwargs.get("render_mode"), List.of());
        this.broken = Boolean.TRUE.equals(kwargs.get("broken"));
        if (Boolean.TRUE.equals(kwargs.get("fatal"))) {
            new Thread(() -> {
                throw new InternalError("the simulator's physics thread failed");
            }, "walk-physics").start();
        }
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
    public Map<String, Object> metadata() {
        return Map.of("render_modes", List.of());
    }

    @Override
    protected ResetResult<float[]> doReset(Map<String, ?> options) {
        x = (float) (npRandom().random() - 0.5);
        return ResetResult.of(new float[] {broken ? 100f : x});
    }

    @Override
    protected StepResult<float[]> doStep(Integer action) {
        x += (action - 1) + (float) (npRandom().random() - 0.5);
        boolean out = Math.abs(x) > 3f;
        x = Math.max(-4f, Math.min(4f, x));
        return new StepResult<>(new float[] {x}, x, out, false, Map.of());
    }
}
