package dev.gym4j.api.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.testkit.fixtures.RandomWalkEnv;
import dev.gym4j.testkit.fixtures.ScriptedEnv;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransformWrappersTest {

    @Test
    void transformObservationAppliesTheFunctionOnResetAndStep() {
        Box<double[]> scaled = Box.float64(-10, 10, 1);
        TransformObservation<double[], float[], Integer> env =
                new TransformObservation<>(new RandomWalkEnv(), obs -> new double[] {obs[0] * 2.0}, scaled);
        RandomWalkEnv twin = new RandomWalkEnv();
        assertEquals(twin.reset(4).observation()[0] * 2.0, env.reset(4).observation()[0]);
        assertEquals(twin.step(1).observation()[0] * 2.0, env.step(1).observation()[0]);
        assertSame(scaled, env.observationSpace());
        assertEquals("<TransformObservation<RandomWalkEnv instance>>", env.toString());
    }

    @Test
    void aNullSpaceKeepsTheEnvsSpace() {
        RandomWalkEnv inner = new RandomWalkEnv();
        TransformObservation<float[], float[], Integer> obs = new TransformObservation<>(inner, o -> o, null);
        assertSame(inner.observationSpace(), obs.observationSpace());
        TransformAction<float[], Integer, Integer> act = new TransformAction<>(inner, a -> 1 - a, null);
        assertSame(inner.actionSpace(), act.actionSpace());
    }

    @Test
    void transformActionMapsTheWrappersActionsToTheEnvs() {
        ScriptedEnv<float[], Integer> inner = new ScriptedEnv<>(Box.float32(-1f, 1f, 1), new Discrete(2), new float[] {0f},
                List.of(ScriptedEnv.Step.of(new float[] {0f}, 0.0), ScriptedEnv.Step.of(new float[] {0f}, 0.0)));
        Discrete three = new Discrete(3, -1);
        TransformAction<float[], Integer, Integer> env = new TransformAction<>(inner, a -> a > 0 ? 1 : 0, three);
        env.reset(0);
        env.step(-1);
        env.step(1);
        assertEquals(List.of(0, 1), inner.actions());
        assertSame(three, env.actionSpace());
    }

    @Test
    void transformRewardAppliesTheFunctionToEveryReward() {
        TransformReward<float[], Integer> env = new TransformReward<>(new RandomWalkEnv(), r -> -3 * r);
        RandomWalkEnv twin = new RandomWalkEnv();
        env.reset(8);
        twin.reset(8);
        for (int t = 0; t < 5; t++) {
            StepResult<float[]> s = env.step(t % 2);
            StepResult<float[]> expected = twin.step(t % 2);
            assertEquals(-3 * expected.reward(), s.reward());
            assertArrayEquals(expected.observation(), s.observation());
        }
    }
}
