package dev.gym4j.envs.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.InvalidActionException;
import dev.gym4j.api.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** What is special about each env beyond the reference replays. */
class ClassicDynamicsTest {

    @Test
    void cartPoleStepsBeyondTerminationGiveZeroAndWarnOncePerEpisode() {
        List<LogRecord> records = new ArrayList<>();
        Logger jul = Logger.getLogger(CartPoleEnv.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(handler);
        try (Env<float[], Integer> env = Gym.make("CartPole-v1")) {
            for (int episode = 0; episode < 2; episode++) {
                env.reset(11L, Map.of());
                StepResult<float[]> r;
                do {
                    r = env.step(1);
                    assertEquals(1.0, r.reward());
                } while (!r.terminated());
                CartPoleEnv cartPole = (CartPoleEnv) env.unwrapped();
                assertEquals(0, cartPole.stepsBeyondTerminated());
                double[] stateAtEnd = cartPole.state();
                for (int k = 1; k <= 3; k++) {
                    r = env.step(0);
                    assertEquals(0.0, r.reward(), "reward after termination");
                    assertTrue(r.terminated());
                    assertEquals(k, cartPole.stepsBeyondTerminated());
                }
                assertFalse(java.util.Arrays.equals(stateAtEnd, cartPole.state()), "the state keeps evolving");
                assertEquals(episode + 1, records.size(), "one warning per episode");
                assertEquals(Level.WARNING, records.get(episode).getLevel());
            }
        } finally {
            jul.removeHandler(handler);
        }
    }

    @Test
    void cartPoleSuttonBartoRewards() {
        try (Env<float[], Integer> env = Gym.make("CartPole-v1", Map.of("sutton_barto_reward", true))) {
            env.reset(11L, Map.of());
            StepResult<float[]> r = env.step(1);
            while (!r.terminated()) {
                assertEquals(0.0, r.reward());
                r = env.step(1);
            }
            assertEquals(-1.0, r.reward(), "the terminating step");
            assertEquals(-1.0, env.step(1).reward(), "after termination");
        }
    }

    @Test
    void cartPoleReturnsAFreshObservationEveryCall() {
        try (Env<float[], Integer> env = Gym.make("CartPole-v1")) {
            float[] first = env.reset(0L, Map.of()).observation();
            float[] copy = first.clone();
            float[] second = env.step(0).observation();
            assertNotSame(first, second);
            second[0] = 99f;
            assertArrayEquals(copy, first);
            assertNotEquals(99f, env.step(0).observation()[0]);
            assertEquals(Map.of(), env.step(1).info());
        }
    }

    @Test
    void cartPoleV0TruncatesAt200AndV1At500() {
        assertEquals(200, episodeLengthWithController("CartPole-v0"));
        assertEquals(500, episodeLengthWithController("CartPole-v1"));
    }

    private static int episodeLengthWithController(String id) {
        try (Env<float[], Integer> env = Gym.make(id)) {
            float[] o = env.reset(0L, Map.of()).observation();
            int n = 0;
            StepResult<float[]> r;
            do {
                r = env.step(3.0 * o[2] + o[3] > 0.0 ? 1 : 0);
                o = r.observation();
                n++;
            } while (!r.done());
            assertTrue(r.truncated() && !r.terminated());
            return n;
        }
    }

    @Test
    void discreteActionsOutsideTheSpaceAreRefused() {
        try (Env<float[], Integer> env = Gym.make("MountainCar-v0")) {
            env.reset(0L, Map.of());
            assertThrows(InvalidActionException.class, () -> env.step(3));
            assertThrows(InvalidActionException.class, () -> env.step(-1));
        }
        try (Env<float[], Integer> env = Gym.make("Acrobot-v1")) {
            env.reset(0L, Map.of());
            assertThrows(InvalidActionException.class, () -> env.step(-1));
        }
    }

    @Test
    void pendulumClipsTorqueToTwo() {
        assertArrayEquals(pendulumRun(2f), pendulumRun(5f));
        assertArrayEquals(pendulumRun(2f), pendulumRun(Float.MAX_VALUE));
        assertArrayEquals(pendulumRun(-2f), pendulumRun(-7.5f));
        assertFalse(java.util.Arrays.equals(pendulumRun(1.5f), pendulumRun(2f)));
    }

    /** Ten steps with a constant torque: the observations and rewards, flattened. */
    private static double[] pendulumRun(float torque) {
        try (Env<float[], float[]> env = Gym.make("Pendulum-v1")) {
            env.reset(9L, Map.of());
            double[] out = new double[40];
            for (int i = 0; i < 10; i++) {
                StepResult<float[]> r = env.step(new float[] {torque});
                for (int j = 0; j < 3; j++) {
                    out[4 * i + j] = r.observation()[j];
                }
                out[4 * i + 3] = r.reward();
                assertFalse(r.terminated());
            }
            return out;
        }
    }

    @Test
    void pendulumRewardIsMinusTheCost() {
        try (PendulumEnv env = new PendulumEnv()) {
            env.reset(0L, Map.of("x_init", 0.0, "y_init", 0.0));
            StepResult<float[]> r = env.step(new float[] {0f});
            assertEquals(-0.0, r.reward(), "upright, still, no torque: cost 0");
            assertEquals(0.0, r.observation()[2]);
            env.reset(0L, Map.of("x_init", 0.0, "y_init", 0.0));
            double reward = env.step(new float[] {2f}).reward();
            // NumPy 2 keeps the cost of a float32 action in float32 (NEP 50): .001 * u**2 is 0.004f, widened.
            assertEquals(-(double) (0.001f * (2f * 2f)), reward, "only the torque costs: 0.001 * 2^2, exactly as Gymnasium computes it");
        }
    }

    @Test
    void pendulumGravityKwargChangesTheSwing() {
        try (PendulumEnv earth = new PendulumEnv(null, 10.0); PendulumEnv moon = PendulumEnv.fromKwargs(Map.of("g", 1.62))) {
            earth.reset(3L, Map.of());
            moon.reset(3L, Map.of());
            float[] e = earth.step(new float[] {0f}).observation();
            float[] m = moon.step(new float[] {0f}).observation();
            assertNotEquals(e[2], m[2]);
        }
    }

    @Test
    void mountainCarContinuousAcceptsOutOfRangeActionsAndPenalisesThemUnclipped() {
        try (Env<float[], float[]> env = Gym.make("MountainCarContinuous-v0")) {
            env.reset(0L, Map.of());
            StepResult<float[]> wide = env.step(new float[] {3f});
            assertEquals(-(Math.pow(3.0, 2) * 0.1), wide.reward(), "Gymnasium's -pow(a, 2) * 0.1, unclipped, exactly");
            env.reset(0L, Map.of());
            StepResult<float[]> alsoClipped = env.step(new float[] {1.5f});
            assertArrayEquals(alsoClipped.observation(), wide.observation(), "the force is clipped to 1");
            assertEquals(-(Math.pow(1.5, 2) * 0.1), alsoClipped.reward(), "the penalty is on the unclipped action, exactly");
        }
    }

    @Test
    void mountainCarGoalVelocityIsRequiredAtTheFlag() {
        assertTrue(reachesGoal(0.0));
        assertFalse(reachesGoal(0.08), "the speed is capped at 0.07, so 0.08 is never reached");
    }

    private static boolean reachesGoal(double goalVelocity) {
        try (Env<float[], Integer> env = Gym.make("MountainCar-v0", Map.of("goal_velocity", goalVelocity))) {
            float[] o = env.reset(0L, Map.of()).observation();
            StepResult<float[]> r;
            do {
                r = env.step(o[1] >= 0.0 ? 2 : 0);
                o = r.observation();
            } while (!r.done());
            return r.terminated();
        }
    }

    @Test
    void acrobotNipsDynamicsDifferFromTheBook() {
        try (AcrobotEnv book = new AcrobotEnv(); AcrobotEnv nips = AcrobotEnv.fromKwargs(Map.of("book_or_nips", "nips"))) {
            assertEquals("book", book.bookOrNips());
            assertEquals("nips", nips.bookOrNips());
            book.reset(1L, Map.of("low", -1.0, "high", 1.0));
            nips.reset(1L, Map.of("low", -1.0, "high", 1.0));
            assertFalse(java.util.Arrays.equals(book.step(2).observation(), nips.step(2).observation()));
        }
    }

    @Test
    void acrobotControllerReachesTheTarget() {
        try (Env<float[], Integer> env = Gym.make("Acrobot-v1")) {
            float[] o = env.reset(0L, Map.of()).observation();
            StepResult<float[]> r;
            double total = 0;
            do {
                r = env.step(o[5] >= 0.0 ? 2 : 0);
                o = r.observation();
                total += r.reward();
            } while (!r.done());
            assertTrue(r.terminated(), "Gymnasium's controller reaches the target from seed 0 in 122 steps");
            assertEquals(0.0, r.reward());
            assertEquals(-121.0, total);
        }
    }
}
