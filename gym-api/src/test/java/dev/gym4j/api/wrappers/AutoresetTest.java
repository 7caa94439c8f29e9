package dev.gym4j.api.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.testkit.fixtures.RandomWalkEnv;
import org.junit.jupiter.api.Test;

class AutoresetTest {

    @Test
    void theStepAfterAnEpisodeEndsResetsTheEnv() {
        Autoreset<float[], Integer> env = new Autoreset<>(new RandomWalkEnv());
        RandomWalkEnv twin = new RandomWalkEnv();
        assertArrayEquals(twin.reset(11).observation(), env.reset(11).observation());
        int episodes = 0;
        for (int t = 0; t < 60; t++) {
            StepResult<float[]> s = env.step(1);
            StepResult<float[]> expected = twin.step(1);
            assertArrayEquals(expected.observation(), s.observation());
            assertEquals(expected.reward(), s.reward());
            assertEquals(expected.terminated(), s.terminated());
            if (expected.done()) {
                assertTrue(env.autoresetPending());
                ResetResult<float[]> r = twin.reset();
                StepResult<float[]> next = env.step(0);
                assertArrayEquals(r.observation(), next.observation());
                assertEquals(0.0, next.reward());
                assertFalse(next.terminated());
                assertFalse(next.truncated());
                assertEquals(r.info(), next.info());
                assertFalse(env.autoresetPending());
                episodes++;
            }
        }
        assertTrue(episodes >= 3, "episodes: " + episodes);
    }

    @Test
    void theAutoresetStepIgnoresItsAction() {
        Autoreset<float[], Integer> a = new Autoreset<>(new RandomWalkEnv());
        Autoreset<float[], Integer> b = new Autoreset<>(new RandomWalkEnv());
        a.reset(5);
        b.reset(5);
        StepResult<float[]> sa;
        StepResult<float[]> sb;
        do {
            sa = a.step(1);
            sb = b.step(1);
        } while (!sa.done());
        assertTrue(sb.done());
        assertArrayEquals(a.step(0).observation(), b.step(1).observation());
    }

    @Test
    void anExplicitResetCancelsThePendingAutoreset() {
        Autoreset<float[], Integer> env = new Autoreset<>(new RandomWalkEnv());
        RandomWalkEnv twin = new RandomWalkEnv();
        env.reset(2);
        twin.reset(2);
        StepResult<float[]> s;
        do {
            s = env.step(0);
            twin.step(0);
        } while (!s.done());
        assertArrayEquals(twin.reset(9).observation(), env.reset(9).observation());
        assertFalse(env.autoresetPending());
        StepResult<float[]> next = env.step(1);
        assertArrayEquals(twin.step(1).observation(), next.observation());
    }
}
