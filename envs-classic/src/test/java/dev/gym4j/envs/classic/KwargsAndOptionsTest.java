package dev.gym4j.envs.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.InvalidArgumentException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Constructor kwargs and reset options: what Gymnasium accepts works, anything else fails with a clear message. */
class KwargsAndOptionsTest {

    private static final String[] IDS = {
        "CartPole-v0", "CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1", "Pendulum-v1",
    };

    @ParameterizedTest
    @ValueSource(strings = {"CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1", "Pendulum-v1"})
    void unknownKwargIsNamedWithTheAcceptedOnes(String id) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> Gym.make(id, Map.of("gravity", 3.0)));
        assertTrue(e.getMessage().contains("'gravity'"), e.getMessage());
        assertTrue(e.getMessage().contains("render_mode"), e.getMessage());
    }

    @Test
    void everyEnvAcceptsItsGymnasiumKwargs() {
        for (String id : IDS) {
            Gym.make(id, Map.of("render_mode", "rgb_array")).close();
        }
        Gym.make("CartPole-v1", Map.of("sutton_barto_reward", true)).close();
        Gym.make("MountainCar-v0", Map.of("goal_velocity", 0.01)).close();
        Gym.make("MountainCarContinuous-v0", Map.of("goal_velocity", 0)).close();
        Gym.make("Pendulum-v1", Map.of("g", 9.81)).close();
        Gym.make("Acrobot-v1", Map.of("book_or_nips", "nips")).close();
    }

    @Test
    void badKwargValuesAreRefusedWithTheKwargsName() {
        assertMessage(() -> Gym.make("CartPole-v1", Map.of("render_mode", "ansi")), "ansi", "render_mode");
        assertMessage(() -> Gym.make("CartPole-v1", Map.of("render_mode", 1)), "render_mode", "String");
        assertMessage(() -> Gym.make("CartPole-v1", Map.of("sutton_barto_reward", "yes")), "sutton_barto_reward",
                "Boolean");
        assertMessage(() -> Gym.make("MountainCar-v0", Map.of("goal_velocity", "fast")), "goal_velocity", "number");
        assertMessage(() -> Gym.make("Pendulum-v1", Map.of("g", Double.NaN)), "'g'", "finite");
        assertMessage(() -> Gym.make("Acrobot-v1", Map.of("book_or_nips", "paper")), "book_or_nips", "\"nips\"");
        assertMessage(() -> new AcrobotEnv(null, "Book"), "book_or_nips", "\"book\"");
    }

    @Test
    void nullKwargValuesMeanTheDefault() {
        Map<String, Object> kwargs = new HashMap<>();
        kwargs.put("render_mode", null);
        kwargs.put("g", null);
        try (PendulumEnv env = PendulumEnv.fromKwargs(kwargs)) {
            assertEquals(null, env.renderMode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1"})
    void lowAboveHighIsRefused(String id) {
        try (Env<float[], Object> env = Gym.make(id)) {
            assertMessage(() -> env.reset(0L, Map.of("low", 0.5, "high", 0.1)), "'low' (0.5)", "'high' (0.1)");
            assertMessage(() -> env.reset(0L, Map.of("low", 0.5)), "'low' (0.5)", "'high'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1"})
    void boundsMustConvertToAFiniteRange(String id) {
        try (Env<float[], Object> env = Gym.make(id)) {
            assertMessage(() -> env.reset(0L, Map.of("low", "abc")), "'low'", "float");
            assertMessage(() -> env.reset(0L, Map.of("high", new Object())), "'high'", "float");
            assertMessage(() -> env.reset(0L, Map.of("low", Double.NEGATIVE_INFINITY)), "not finite");
            assertMessage(() -> env.reset(0L, Map.of("low", 0.0, "high", -0.0)), "non-negative");
        }
    }

    @Test
    void optionsConvertLikePythonsFloat() {
        try (Env<float[], Integer> env = Gym.make("CartPole-v1")) {
            float[] numbers = env.reset(7L, Map.of("low", -0.2, "high", 0.2)).observation();
            assertArrayEquals(numbers, env.reset(7L, Map.of("low", " -0.2 ", "high", "2e-1")).observation());
            assertArrayEquals(env.reset(7L, Map.of("low", 0L, "high", 1L)).observation(),
                    env.reset(7L, Map.of("low", false, "high", true)).observation());
            assertArrayEquals(env.reset(7L, Map.of("low", 0.0, "high", 1000.0)).observation(),
                    env.reset(7L, Map.of("low", "0", "high", "1_000")).observation());
        }
    }

    @Test
    void cartPoleOptionsGiveGymnasiumsDocumentedExample() {
        // Gymnasium's CartPole docstring: reset(seed=123, options={"low": 0, "high": 1}).
        try (Env<float[], Integer> env = Gym.make("CartPole-v1")) {
            assertArrayEquals(new float[] {0.6823519f, 0.05382102f, 0.22035988f, 0.18437181f},
                    env.reset(123L, Map.of("low", 0, "high", 1)).observation());
        }
    }

    @Test
    void missingAndUnknownOptionKeysKeepTheDefaults() {
        try (Env<float[], Integer> env = Gym.make("MountainCar-v0")) {
            float[] plain = env.reset(5L, Map.of()).observation();
            assertArrayEquals(plain, env.reset(5L, Map.of("x_init", 3.0)).observation());
            assertArrayEquals(plain, env.reset(5L, Map.of("low", -0.6)).observation());
            float[] wider = env.reset(5L, Map.of("low", -0.9, "high", -0.1)).observation();
            assertTrue(wider[0] >= -0.9f && wider[0] <= -0.1f);
        }
    }

    @Test
    void pendulumTakesXInitAndYInit() {
        try (Env<float[], float[]> env = Gym.make("Pendulum-v1")) {
            for (long seed = 0; seed < 50; seed++) {
                float[] obs = env.reset(seed, Map.of("x_init", 0.0, "y_init", 0.25)).observation();
                assertEquals(1f, obs[0], "angle 0 means upright: cos = 1");
                assertEquals(0f, obs[1]);
                assertTrue(Math.abs(obs[2]) <= 0.25f);
            }
            assertMessage(() -> env.reset(0L, Map.of("x_init", "pi")), "'x_init'", "float");
            assertMessage(() -> env.reset(0L, Map.of("y_init", Double.POSITIVE_INFINITY)), "'y_init'", "not finite");
            assertMessage(() -> env.reset(0L, Map.of("x_init", -1.0)), "'x_init'", "non-negative");
            // "low"/"high" mean nothing to Pendulum, as in Gymnasium
            assertArrayEquals(env.reset(4L, Map.of()).observation(),
                    env.reset(4L, Map.of("low", 1.0, "high", 0.0)).observation());
        }
    }

    private static void assertMessage(Runnable call, String... parts) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, call::run);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should mention " + part);
        }
    }
}
