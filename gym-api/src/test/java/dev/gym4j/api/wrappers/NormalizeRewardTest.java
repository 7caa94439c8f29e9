package dev.gym4j.api.wrappers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.testenvs.JsonFixtures;
import dev.gym4j.testkit.fixtures.RandomWalkEnv;
import dev.gym4j.testkit.fixtures.ScriptedEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalizeRewardTest {

    @Test
    @SuppressWarnings("unchecked")
    void matchesGymnasiumBitForBit() {
        Map<String, Object> k = (Map<String, Object>) RescaleActionTest.golden().get("normalize_reward");
        double[] rewards = JsonFixtures.doubles(k.get("rewards"));
        List<Object> terminated = (List<Object>) k.get("terminated");
        List<Object> truncated = (List<Object>) k.get("truncated");
        double[] outputs = JsonFixtures.doubles(k.get("outputs"));
        int freezeFrom = ((Number) k.get("freeze_from")).intValue();
        List<ScriptedEnv.Step<float[]>> steps = new ArrayList<>();
        for (int i = 0; i < rewards.length; i++) {
            steps.add(new ScriptedEnv.Step<>(new float[] {0f}, rewards[i], (Boolean) terminated.get(i), (Boolean) truncated.get(i)));
        }
        NormalizeReward<float[], Integer> env = new NormalizeReward<>(
                new ScriptedEnv<>(Box.float32(-1f, 1f, 1), new Discrete(2), new float[] {0f}, steps),
                ((Number) k.get("gamma")).doubleValue(), ((Number) k.get("epsilon")).doubleValue());
        env.reset(0);
        for (int i = 0; i < rewards.length; i++) {
            if (i == freezeFrom) {
                env.setUpdateRunningMean(false);
            }
            assertEquals(outputs[i], env.step(0).reward(), 0.0, "step " + i);
        }
        assertEquals(((Number) k.get("var")).doubleValue(), env.returnVar(), 0.0);
        assertEquals(((Number) k.get("discounted_reward")).doubleValue(), env.discountedReward(), 0.0);
    }

    @Test
    void onlyTerminationClearsTheReturnAccumulator() {
        List<ScriptedEnv.Step<float[]>> steps = List.of(
                new ScriptedEnv.Step<>(new float[] {0f}, 1.0, false, false),
                new ScriptedEnv.Step<>(new float[] {0f}, 2.0, false, true),
                new ScriptedEnv.Step<>(new float[] {0f}, 4.0, false, false),
                new ScriptedEnv.Step<>(new float[] {0f}, 8.0, true, false));
        NormalizeReward<float[], Integer> env = new NormalizeReward<>(
                new ScriptedEnv<>(Box.float32(-1f, 1f, 1), new Discrete(2), new float[] {0f}, steps), 0.5, 1e-8);
        env.reset(0);
        env.step(0);
        assertEquals(1.0, env.discountedReward());
        env.step(0);
        assertEquals(2.5, env.discountedReward());
        env.reset();
        env.step(0);
        assertEquals(5.25, env.discountedReward(), "neither truncation nor reset clears it");
        env.step(0);
        assertEquals(8.0, env.discountedReward(), "termination of the current step drops what came before");
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(InvalidArgumentException.class, () -> new NormalizeReward<>(new RandomWalkEnv(), 1.5, 1e-8));
        assertThrows(InvalidArgumentException.class, () -> new NormalizeReward<>(new RandomWalkEnv(), 0.9, Double.NaN));
    }
}
