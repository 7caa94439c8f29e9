package dev.gym4j.worker.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.vector.VectorBatch;
import dev.gym4j.api.vector.VectorEnv;
import org.junit.jupiter.api.Test;

/** The README's Java snippets, as written there, so the front page never shows code that does not run. */
class ReadmeExamplesTest {

    @Test
    void quickStartRunsAnEpisodeFromGymnasiumsFirstObservation() {
        double episodeReturn = 0;
        try (Env<float[], Integer> env = Gym.make("CartPole-v1")) {
            ResetResult<float[]> first = env.reset(42);
            // gymnasium.make("CartPole-v1").reset(seed=42)[0] (shared/gymref/seeding.json, cartpole_reset_seed42)
            assertArrayEquals(new float[] {0.02739560417830944f, -0.006112155970185995f, 0.03585979342460632f,
                    0.019736802205443382f}, first.observation());
            env.actionSpace().seed(42);
            while (true) {
                StepResult<float[]> r = env.step(env.actionSpace().sample());
                episodeReturn += r.reward();
                if (r.terminated() || r.truncated()) {
                    break;
                }
            }
        }
        assertTrue(episodeReturn >= 1 && episodeReturn <= 500, "return " + episodeReturn);
    }

    @Test
    void vectorSnippetStepsSixtyFourCartPolesInOneFlatBatch() {
        try (VectorEnv<float[], long[]> envs = Gym.makeVec("CartPole-v1", 64)) {
            VectorBatch<float[]> batch = envs.reset(42);
            long[] actions = new long[64];
            batch = envs.step(actions);
            assertEquals(64 * 4, batch.observations().length);
            assertEquals(64, batch.rewards().length);
            assertEquals(64, batch.terminations().length);
        }
    }
}
