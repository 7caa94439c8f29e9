package dev.gym4j.video;

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
 * A CartPole-like test env: a square pushed left or right along a track; episodes end after a seeded random
 * number of steps within {@code [minLength, maxLength]}; renders the square into a frame of the chosen size.
 * Can be told to throw from {@code step} at a given step of a given episode.
 */
final class SquareEnv extends AbstractEnv<float[], Integer> {

    private final Box<float[]> observationSpace = Box.float32(-1f, 1f, 1);
    private final Discrete actionSpace = new Discrete(2);
    private final int width;
    private final int height;
    private final int minLength;
    private final int maxLength;
    private int failEpisode = -1;
    private int failStep = -1;
    private int episode = -1;
    private int length;
    private int t;
    private float x;

    SquareEnv(String renderMode, int width, int height, int minLength, int maxLength) {
        super(renderMode, List.of("rgb_array"));
        this.width = width;
        this.height = height;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /** A 600x400 env with CartPole-like episode lengths (10 to 40 steps). */
    static SquareEnv cartPoleLike() {
        return new SquareEnv("rgb_array", 600, 400, 10, 40);
    }

    /** Makes {@code step} number {@code step} (from 1) of episode {@code episode} (from 0) throw. */
    SquareEnv failAt(int episode, int step) {
        this.failEpisode = episode;
        this.failStep = step;
        return this;
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
        return Map.of("render_modes", List.of("rgb_array"), "render_fps", 50);
    }

    @Override
    protected ResetResult<float[]> doReset(Map<String, ?> options) {
        episode++;
        t = 0;
        x = 0;
        length = minLength + (int) npRandom().integers(0, maxLength - minLength + 1);
        return new ResetResult<>(new float[] {x}, Map.of("length", length));
    }

    @Override
    protected StepResult<float[]> doStep(Integer action) {
        t++;
        if (episode == failEpisode && t == failStep) {
            throw new IllegalStateException("simulated failure at step " + t + " of episode " + episode);
        }
        x = Math.max(-1f, Math.min(1f, x + (action == 1 ? 0.05f : -0.05f)));
        return new StepResult<>(new float[] {x}, 1.0, t >= length, false, Map.of());
    }

    @Override
    protected Optional<Frame> doRender() {
        byte[] rgb = new byte[width * height * 3];
        java.util.Arrays.fill(rgb, (byte) 255);
        int side = Math.max(2, Math.min(width, height) / 8);
        int left = (int) ((x + 1) / 2 * (width - side));
        int top = (height - side) / 2;
        for (int y = top; y < top + side; y++) {
            for (int px = left; px < left + side; px++) {
                int i = (y * width + px) * 3;
                rgb[i] = (byte) 30;
                rgb[i + 1] = (byte) 60;
                rgb[i + 2] = (byte) 200;
            }
        }
        return Optional.of(new Frame(width, height, rgb));
    }
}
