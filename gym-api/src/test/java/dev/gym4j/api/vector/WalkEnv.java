package dev.gym4j.api.vector;

import dev.gym4j.api.AbstractEnv;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.Space;
import java.util.List;
import java.util.Map;

/**
 * A small seeded test env: a noisy random walk with a float32 Box observation of 3 elements and a
 * Discrete(3) action, episodes of random length, and infos that are sometimes empty, sometimes flat,
 * sometimes nested. Every number comes from the env's generator, so a trajectory depends only on the
 * seed and the actions.
 */
class WalkEnv extends AbstractEnv<float[], Integer> {

    static final double LIMIT = 2.0;

    private final Space<float[]> observationSpace = Box.float32(-100f, 100f, 3);
    private final Space<Integer> actionSpace = new Discrete(3, 0);
    private final boolean infos;
    private final double[] state = new double[3];
    private int t;
    /** When set, the next step throws: for the failure tests. */
    volatile boolean failNextStep;

    WalkEnv(boolean infos) {
        super(null, List.of());
        this.infos = infos;
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
        Map<String, Object> info = resetState(options);
        float[] obs = new float[3];
        writeObservation(obs, 0);
        return new ResetResult<>(obs, info);
    }

    @Override
    protected StepResult<float[]> doStep(Integer action) {
        advance(action);
        float[] obs = new float[3];
        writeObservation(obs, 0);
        return new StepResult<>(obs, reward(), terminated(), false, stepInfo());
    }

    final Map<String, Object> resetState(Map<String, ?> options) {
        double scale = options.containsKey("scale") ? ((Number) options.get("scale")).doubleValue() : 1.0;
        for (int i = 0; i < 3; i++) {
            state[i] = scale * npRandom().uniform(-1, 1);
        }
        t = 0;
        return infos ? Map.of("start", state[0]) : Map.of();
    }

    final void advance(int action) {
        if (failNextStep) {
            failNextStep = false;
            throw new IllegalStateException("walk env failed on purpose");
        }
        t++;
        state[0] += (action - 1) * 0.5 + npRandom().uniform(-0.2, 0.2);
        state[1] = npRandom().uniform(0, 1);
        state[2] = t;
    }

    final double reward() {
        return state[1] - 0.25;
    }

    final boolean terminated() {
        return Math.abs(state[0]) > LIMIT;
    }

    final Map<String, Object> stepInfo() {
        if (!infos || t % 3 == 1) {
            return Map.of();
        }
        if (t % 3 == 2) {
            return Map.of("t", t);
        }
        return Map.of("t", t, "detail", Map.of("x", state[0]));
    }

    final void writeObservation(float[] out, int offset) {
        for (int i = 0; i < 3; i++) {
            out[offset + i] = (float) state[i];
        }
    }
}
