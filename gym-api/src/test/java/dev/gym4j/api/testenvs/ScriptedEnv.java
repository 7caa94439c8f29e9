package dev.gym4j.api.testenvs;

import dev.gym4j.api.AbstractEnv;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Space;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An env that replays a script, for wrapper tests: every reset returns the same observation, and step
 * {@code i} (counted over the env's life, not per episode) returns {@code steps.get(i)}. It records the
 * actions it receives.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public class ScriptedEnv<O, A> extends AbstractEnv<O, A> {

    /**
     * One scripted step.
     *
     * @param observation the observation
     * @param reward the reward
     * @param terminated the terminated flag
     * @param truncated the truncated flag
     * @param <O> the observation type
     */
    public record Step<O>(O observation, double reward, boolean terminated, boolean truncated) {
        /**
         * @param observation the observation
         * @param reward the reward
         * @param <O> the observation type
         * @return a step that does not end the episode
         */
        public static <O> Step<O> of(O observation, double reward) {
            return new Step<>(observation, reward, false, false);
        }
    }

    private final Space<O> observationSpace;
    private final Space<A> actionSpace;
    private final O resetObservation;
    private final List<Step<O>> steps;
    private final List<A> actions = new ArrayList<>();
    private int next;

    /**
     * @param observationSpace the observation space
     * @param actionSpace the action space
     * @param resetObservation what every reset returns
     * @param steps what the steps return, in order
     */
    public ScriptedEnv(Space<O> observationSpace, Space<A> actionSpace, O resetObservation, List<Step<O>> steps) {
        super(null, List.of());
        this.observationSpace = observationSpace;
        this.actionSpace = actionSpace;
        this.resetObservation = resetObservation;
        this.steps = List.copyOf(steps);
    }

    @Override
    public Space<O> observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<A> actionSpace() {
        return actionSpace;
    }

    @Override
    protected ResetResult<O> doReset(Map<String, ?> options) {
        return new ResetResult<>(observationSpace.copyValue(resetObservation), Map.of("reset", true));
    }

    @Override
    protected StepResult<O> doStep(A action) {
        if (next >= steps.size()) {
            throw new IllegalStateException("the script has only " + steps.size() + " steps");
        }
        actions.add(action);
        Step<O> s = steps.get(next++);
        return new StepResult<>(observationSpace.copyValue(s.observation()), s.reward(), s.terminated(), s.truncated(), Map.of());
    }

    /** @return the actions received so far, in order */
    public List<A> actions() {
        return actions;
    }
}
