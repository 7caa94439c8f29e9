package dev.gym4j.api.vector;

import dev.gym4j.api.AbstractEnv;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Space;
import java.util.List;
import java.util.Map;

/** A test env with a float32 Box action in [-1, 1]^2 that reports the action it received. */
final class PushEnv extends AbstractEnv<float[], float[]> {

    private final Space<float[]> observationSpace = Box.float32(-1e6f, 1e6f, 2);
    private final Space<float[]> actionSpace = Box.float32(-1f, 1f, 2);
    private final float[] position = new float[2];
    private float[] lastAction = new float[2];

    PushEnv() {
        super(null, List.of());
    }

    @Override
    public Space<float[]> observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<float[]> actionSpace() {
        return actionSpace;
    }

    float[] lastAction() {
        return lastAction;
    }

    @Override
    protected ResetResult<float[]> doReset(Map<String, ?> options) {
        position[0] = (float) npRandom().uniform(-1, 1);
        position[1] = (float) npRandom().uniform(-1, 1);
        return ResetResult.of(position.clone());
    }

    @Override
    protected StepResult<float[]> doStep(float[] action) {
        lastAction = action.clone();
        position[0] += action[0];
        position[1] += action[1];
        return new StepResult<>(position.clone(), -Math.abs(position[0]), false, false, Map.of());
    }
}
