package dev.gym4j.envs.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.StepResult;
import dev.gym4j.envs.tracker.internal.TrackerReward;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * The reward and termination are the original's: a line-by-line port of {@code infer_reward_state} from the
 * RoboMaker sample's {@code object_tracker_env.py} (below, as the Python reads), fed the same distances as the env's
 * code, gives identical rewards and dones.
 */
class RewardFaithfulnessProperties {

    /** {@code object_tracker_env.py}, {@code reset} and {@code infer_reward_state}, with Python's values. */
    static final class OriginalPort {
        static final double REWARD_CONSTANT = 10.0;
        // last_distance_of_turtlebot = sys.maxsize  (an int; float < int compares exactly in Python)
        java.math.BigDecimal lastDistance = new java.math.BigDecimal(Long.MAX_VALUE);
        double reward;
        boolean done;

        void inferRewardState(double distanceOfTurtlebot) {
            done = false;
            reward = 0;
            if (new java.math.BigDecimal(distanceOfTurtlebot).compareTo(lastDistance) < 0) {
                lastDistance = new java.math.BigDecimal(distanceOfTurtlebot);
                reward = REWARD_CONSTANT / (distanceOfTurtlebot * distanceOfTurtlebot);
                if (distanceOfTurtlebot < 0.2) {
                    done = true;
                }
            }
            if (distanceOfTurtlebot > 5) {
                done = true;
            }
        }
    }

    @Provide
    Arbitrary<List<Double>> distanceSequences() {
        Arbitrary<Double> near = Arbitraries.doubles().between(0.05, 0.4);
        Arbitrary<Double> far = Arbitraries.doubles().between(4.5, 6.0);
        Arbitrary<Double> any = Arbitraries.doubles().between(0.01, 8.0);
        Arbitrary<Double> edges = Arbitraries.of(0.2, 5.0, Math.nextDown(0.2), Math.nextUp(5.0), 3.5);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, any), net.jqwik.api.Tuple.of(2, near), net.jqwik.api.Tuple.of(2, far),
                net.jqwik.api.Tuple.of(1, edges)).list().ofMinSize(1).ofMaxSize(80)
                .flatMap(l -> Arbitraries.integers().between(0, l.size() - 1).list().ofMaxSize(10)
                        .map(repeats -> { // repeat some distances: ties must not count as improvements
                            List<Double> out = new ArrayList<>(l);
                            for (int i : repeats) {
                                out.add(Math.min(out.size(), i + 1), out.get(i));
                            }
                            return out;
                        }));
    }

    @Property(tries = 300)
    void theRewardPortGivesTheOriginalsRewardsAndDones(@ForAll("distanceSequences") List<Double> distances) {
        OriginalPort original = new OriginalPort();
        TrackerReward ours = new TrackerReward();
        ours.reset();
        for (int t = 0; t < distances.size(); t++) {
            double d = distances.get(t);
            original.inferRewardState(d);
            ours.evaluate(d);
            assertEquals(original.reward, ours.reward(), 0.0, "reward at step " + t + ", d = " + d);
            assertEquals(original.done, ours.done(), "done at step " + t + ", d = " + d);
        }
    }

    /** End to end: the env's rewards and terminations are the port's on the distances the env reports. */
    @Property(tries = 25)
    void theEnvsRewardsAreTheOriginalsOnItsOwnDistances(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                                        @ForAll("biasedActions") List<Integer> actions) {
        try (Env<Object, Object> env = Gym.make("tracker/ObjectTracker-v0", Map.of("observation", "state"))) {
            env.reset(seed);
            OriginalPort original = new OriginalPort();
            for (int a : actions) {
                StepResult<?> r = env.step(a);
                double d = (Double) r.info().get("distance");
                original.inferRewardState(d);
                assertEquals(original.reward, r.reward(), 0.0);
                assertEquals(original.done, r.terminated());
                assertEquals(original.lastDistance.doubleValue(), (Double) r.info().get("best_distance"), 0.0);
                if (r.terminated() || r.truncated()) {
                    break;
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Integer>> biasedActions() {
        return Arbitraries.frequency(net.jqwik.api.Tuple.of(6, 2), net.jqwik.api.Tuple.of(1, 0), net.jqwik.api.Tuple.of(1, 1),
                net.jqwik.api.Tuple.of(1, 3), net.jqwik.api.Tuple.of(1, 4)).list().ofMinSize(50).ofMaxSize(500);
    }
}
