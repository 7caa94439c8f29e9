package dev.gym4j.api.vector;

import java.util.Map;

/** {@link WalkEnv} with the allocation-free {@link BufferedStepEnv} path, written as CartPole's is. */
final class BufferedWalkEnv extends WalkEnv implements BufferedStepEnv<float[], Integer> {

    BufferedWalkEnv(boolean infos) {
        super(infos);
    }

    @Override
    public Map<String, Object> resetInto(Long seed, Map<String, ?> options, float[] observations, int offset) {
        prepareReset(seed);
        Map<String, Object> info = resetState(options);
        markReset();
        writeObservation(observations, offset);
        return info;
    }

    @Override
    public void stepInto(Integer action, float[] observations, int offset, StepOutcome outcome) {
        prepareStep(action);
        advance(action);
        writeObservation(observations, offset);
        outcome.set(reward(), terminated(), false, stepInfo());
    }
}
