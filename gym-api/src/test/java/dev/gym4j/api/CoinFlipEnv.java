package dev.gym4j.api;

import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.Space;
import java.util.List;
import java.util.Map;

/** A tiny seeded env for registry tests: guess a coin; the episode ends after {@code length} steps. */
final class CoinFlipEnv extends AbstractEnv<float[], Integer> {
    private final Box<float[]> obsSpace = Box.float32(0f, 1f, 1);
    private final Discrete actSpace = new Discrete(2);
    private final int length;
    private int t;
    private float coin;

    CoinFlipEnv(Map<String, Object> kwargs) {
        super((String) kwargs.get("render_mode"), List.of());
        Object len = kwargs.getOrDefault("length", 1000);
        if (!(len instanceof Integer)) {
            throw new InvalidArgumentException("length must be an Integer, got " + len);
        }
        this.length = (Integer) len;
    }

    @Override
    public Space<float[]> observationSpace() {
        return obsSpace;
    }

    @Override
    public Space<Integer> actionSpace() {
        return actSpace;
    }

    @Override
    protected ResetResult<float[]> doReset(Map<String, ?> options) {
        t = 0;
        coin = (float) npRandom().random();
        return ResetResult.of(new float[] {coin});
    }

    @Override
    protected StepResult<float[]> doStep(Integer action) {
        t++;
        double reward = (coin >= 0.5f) == (action == 1) ? 1.0 : 0.0;
        coin = (float) npRandom().random();
        return new StepResult<>(new float[] {coin}, reward, t >= length, false, Map.of());
    }
}
