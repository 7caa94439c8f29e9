package dev.gym4j.api.vector;

import dev.gym4j.api.StepOutcome;
import java.util.Map;

/** {@link WalkEnv} with the allocation-free {@code doResetInto} / {@code doStepInto} path, written as CartPole's is. */
final class BufferedWalkEnv extends WalkEnv {

    BufferedWalkEnv(boolean infos) {
        super(infos);
    }

    @Override
    protected Map<String, Object> doResetInto(Map<String, ?> options, Object observations, int offset) {
        Map<String, Object> info = resetState(options);
        writeObservation((float[]) observations, offset);
        return info;
    }

    @Override
    protected void doStepInto(Integer action, Object observations, int offset, StepOutcome outcome) {
        advance(action);
        writeObservation((float[]) observations, offset);
        outcome.set(reward(), terminated(), false, stepInfo());
    }
}
