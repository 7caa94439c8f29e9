package dev.gym4j.api.testenvs;

import dev.gym4j.api.AbstractEnv;
import dev.gym4j.api.Frame;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.Space;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A one-dimensional random walk for wrapper and checker tests: the position starts uniformly in
 * {@code [-0.5, 0.5)}, action 1 moves it right and 0 left by {@code 0.25 + U[0, 1)}, and the episode
 * terminates when {@code |x| >= 5} (the position is clipped to the bounds). The reward is
 * {@code 1 - |x| / 5}. Every random number comes from the env's seeded generator.
 *
 * <p>A {@link Defect} breaks it on purpose, for the env checker's tests.
 */
public class RandomWalkEnv extends AbstractEnv<float[], Integer> {

    /** Where the walk ends. */
    public static final float BOUND = 5f;

    /** Deliberate defects. */
    public enum Defect {
        /** A well-behaved env. */
        NONE,
        /** Every step returns an observation 100 beyond the bound. */
        OBSERVATION_OUTSIDE_SPACE,
        /** Every step returns a NaN reward. */
        NAN_REWARD,
        /** reset ignores the seed and starts from a position that changes on every reset. */
        UNREPEATABLE_RESET,
        /** reset always starts at 0 whatever the seed (legal, but deterministic). */
        FIXED_START
    }

    private final Box<float[]> observationSpace = Box.float32(-BOUND, BOUND, 1);
    private final Discrete actionSpace = new Discrete(2);
    private final Defect defect;
    private float x;
    private int resets;

    /** A well-behaved env without rendering. */
    public RandomWalkEnv() {
        this(null, Defect.NONE);
    }

    /** @param renderMode null or {@code "rgb_array"} */
    public RandomWalkEnv(String renderMode) {
        this(renderMode, Defect.NONE);
    }

    /**
     * @param renderMode null or {@code "rgb_array"}
     * @param defect the defect to build in
     */
    public RandomWalkEnv(String renderMode, Defect defect) {
        super(renderMode, List.of("rgb_array"));
        this.defect = defect;
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
        return Map.of("render_modes", List.of("rgb_array"), "render_fps", 10);
    }

    @Override
    protected ResetResult<float[]> doReset(Map<String, ?> options) {
        resets++;
        if (defect == Defect.UNREPEATABLE_RESET) {
            x = (resets % 7) * 0.1f - 0.3f;
        } else if (defect == Defect.FIXED_START) {
            x = 0f;
        } else {
            x = (float) (npRandom().random() - 0.5);
        }
        return new ResetResult<>(new float[] {x}, Map.of("resets", resets));
    }

    @Override
    protected StepResult<float[]> doStep(Integer action) {
        float move = (float) (0.25 + npRandom().random());
        x += action == 1 ? move : -move;
        boolean terminated = Math.abs(x) >= BOUND;
        x = Math.max(-BOUND, Math.min(BOUND, x));
        double reward = defect == Defect.NAN_REWARD ? Double.NaN : 1.0 - Math.abs(x) / BOUND;
        float shown = defect == Defect.OBSERVATION_OUTSIDE_SPACE ? BOUND + 100 : x;
        return new StepResult<>(new float[] {shown}, reward, terminated, false, Map.of("x", (double) x));
    }

    @Override
    protected Optional<Frame> doRender() {
        int width = 2 * (int) BOUND + 1;
        byte[] rgb = new byte[width * 3];
        int column = Math.round(x) + (int) BOUND;
        rgb[column * 3] = (byte) 255;
        return Optional.of(new Frame(width, 1, rgb));
    }

    /** @return the current position */
    public float position() {
        return x;
    }
}
