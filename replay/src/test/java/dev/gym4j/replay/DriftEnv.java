package dev.gym4j.replay;

import dev.gym4j.api.AbstractEnv;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Space;
import java.util.List;
import java.util.Map;

/** A one-dimensional drift with a continuous action, for replay tests: x += action, ends beyond |x| > 2. */
final class DriftEnv extends AbstractEnv<float[], float[]> {
    private final Box<float[]> observationSpace = Box.float32(-10f, 10f, 2);
    private final Box<float[]> actionSpace = Box.float32(-1f, 1f, 1);
    private float x;
    private int t;

    DriftEnv() {
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

    @Override
    protected ResetResult<float[]> doReset(Map<String, ?> options) {
        Object scale = options.get("scale");
        x = (float) ((npRandom().random() - 0.5) * (scale == null ? 1.0 : ((Number) scale).doubleValue()));
        t = 0;
        return ResetResult.of(new float[] {x, t});
    }

    @Override
    protected StepResult<float[]> doStep(float[] action) {
        x += action[0];
        t++;
        return new StepResult<>(new float[] {x, t}, -Math.abs((double) x) / 3.0, Math.abs(x) > 2f, false, Map.of());
    }
}
