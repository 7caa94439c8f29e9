package dev.gym4j.testkit;

import dev.gym4j.api.AbstractEnv;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.Space;
import java.util.List;
import java.util.Map;

/**
 * A test env: walk on a 5x5 grid from a random start to the corner (4, 4). Actions 0-3 move
 * right, up, left, down (clamped at the edges); reward -0.1 a step and 1 on reaching the goal, which
 * terminates the episode. Registered as {@code testkit/GridWalk-v0} by {@link TestkitEnvProvider}.
 */
final class GridWalkEnv extends AbstractEnv<float[], Integer> {
    private final Box<float[]> observationSpace = Box.float32(0f, 4f, 2);
    private final Discrete actionSpace = new Discrete(4);
    private int x;
    private int y;

    GridWalkEnv(Map<String, Object> kwargs) {
        super((String) kwargs.get("render_mode"), List.of());
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
    protected ResetResult<float[]> doReset(Map<String, ?> options) {
        do {
            x = (int) (npRandom().random() * 5);
            y = (int) (npRandom().random() * 5);
        } while (x == 4 && y == 4);
        return ResetResult.of(new float[] {x, y});
    }

    @Override
    protected StepResult<float[]> doStep(Integer action) {
        switch (action) {
            case 0 -> x = Math.min(4, x + 1);
            case 1 -> y = Math.min(4, y + 1);
            case 2 -> x = Math.max(0, x - 1);
            default -> y = Math.max(0, y - 1);
        }
        boolean goal = x == 4 && y == 4;
        return new StepResult<>(new float[] {x, y}, goal ? 1.0 : -0.1, goal, false, Map.of());
    }
}
