package dev.gym4j.api.vector;

import dev.gym4j.api.Env;
import dev.gym4j.api.ResetNeededException;
import dev.gym4j.api.StepOutcome;
import dev.gym4j.api.internal.BatchLayout;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sub-env and its row of the vector env's staging arrays, with the autoreset rule. The only code
 * that steps sub-envs, whichever thread runs it, so sync and threaded vector envs behave alike.
 * Not thread-safe: one thread at a time, with a happens-before edge between threads.
 */
final class SubEnvSlot {

    private final int index;
    private final Env<?, Object> env;
    private final BatchLayout observationLayout;
    private final BatchLayout actionLayout;
    private final Object actionScratch;
    private final AutoresetMode mode;
    private final VectorBatch<?> staging;
    private final Object observations;
    private final int observationOffset;
    private final StepOutcome outcome = new StepOutcome();
    private boolean hasReset;
    private boolean needsReset;

    SubEnvSlot(int index, Env<?, ?> env, BatchLayout observationLayout, BatchLayout actionLayout, AutoresetMode mode,
               VectorBatch<?> staging) {
        this.index = index;
        @SuppressWarnings("unchecked")
        Env<?, Object> typed = (Env<?, Object>) env;
        this.env = typed;
        this.observationLayout = observationLayout;
        this.actionLayout = actionLayout;
        this.actionScratch = actionLayout.newScratch();
        this.mode = mode;
        this.staging = staging;
        this.observations = staging.observations();
        this.observationOffset = index * observationLayout.rowSize();
    }

    int index() {
        return index;
    }

    Env<?, ?> env() {
        return env;
    }

    /** Resets the sub-env into its staging row: reward 0, flags false, the reset info. */
    void reset(Long seed, Map<String, ?> options) {
        Map<String, Object> info = env.resetInto(seed, options, observations, observationOffset);
        writeResetRow(info);
        hasReset = true;
    }

    /**
     * Steps the sub-env with row {@code actionRow} of {@code actions}, applying the autoreset mode.
     *
     * @throws ResetNeededException if the sub-env was never reset
     */
    void step(Object actions, int actionRow) {
        if (!hasReset) {
            throw new ResetNeededException("Cannot step sub-env " + index + " before reset(): call reset() on the vector env first");
        }
        if (needsReset) {
            writeResetRow(env.resetInto(null, Map.of(), observations, observationOffset));
            return;
        }
        Object action = actionLayout.readRow(actions, actionRow, actionScratch);
        env.stepInto(action, observations, observationOffset, outcome);
        boolean done = outcome.terminated() || outcome.truncated();
        staging.rewards()[index] = outcome.reward();
        staging.terminations()[index] = outcome.terminated();
        staging.truncations()[index] = outcome.truncated();
        if (done && mode == AutoresetMode.SAME_STEP) {
            Object finalObservation = observationLayout.copyRowValue(observations, index);
            Map<String, Object> finalInfo = outcome.info();
            Map<String, Object> resetInfo = env.resetInto(null, Map.of(), observations, observationOffset);
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("final_obs", finalObservation);
            info.put("final_info", finalInfo);
            info.putAll(resetInfo);
            staging.rowInfos()[index] = info;
        } else {
            staging.rowInfos()[index] = outcome.info();
            needsReset = done && mode == AutoresetMode.NEXT_STEP;
        }
    }

    private void writeResetRow(Map<String, Object> info) {
        staging.rewards()[index] = 0;
        staging.terminations()[index] = false;
        staging.truncations()[index] = false;
        staging.rowInfos()[index] = info;
        needsReset = false;
    }

    @Override
    public String toString() {
        return "sub-env " + index + " (" + env + ")";
    }
}
