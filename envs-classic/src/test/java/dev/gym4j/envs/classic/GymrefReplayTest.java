package dev.gym4j.envs.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.random.Generator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays every reference file Gymnasium 1.4.0 recorded ({@code src/test/resources/gymref/public}) through
 * {@code Gym.make(id)}, so the checker, order-enforcing and time-limit wrappers are in the path.
 *
 * <p>All five envs must agree bit for bit, with no tolerance, at every reset and step (observation, reward,
 * terminated, truncated) and in the internal state after each reset and at each episode's end; Acrobot-v1 and
 * Pendulum-v1 can, because their sin/cos/pow/powf are glibc's to the last bit ({@code dev.gym4j.api.math.Libm}).
 * Every episode also checks the PCG64 state after reset.
 */
class GymrefReplayTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** One JSON-lines record: objects as maps, integers as Integer, Long or BigInteger, other numbers as doubles (NaN allowed). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String line) throws JsonProcessingException {
        return JSON.readValue(line, Map.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1", "Pendulum-v1"})
    void matchesGymnasiumExactly(String id) throws IOException {
        Deviation d = replay(id, true);
        assertEquals(0.0, d.maxObs, id + ": observations must match exactly");
        assertEquals(0.0, d.maxReward, id + ": rewards must match exactly");
        assertEquals(d.steps, d.exactSteps, id + ": every step must match exactly");
    }

    /** What a replay found; the deviations are absolute, over all steps of the file. */
    static final class Deviation {
        int runs;
        int episodes;
        int steps;
        int exactSteps;
        double maxObs;
        double maxReward;

        @Override
        public String toString() {
            return runs + " runs, " + episodes + " episodes, " + steps + " steps, " + exactSteps
                    + " bit-exact steps, max |obs diff| " + maxObs + ", max |reward diff| " + maxReward;
        }
    }

    static List<String> lines(String id) throws IOException {
        String resource = "/gymref/public/" + id + ".jsonl";
        try (InputStream in = GymrefReplayTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                fail("missing test resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .collect(Collectors.toList());
        }
    }

    static Map<String, Object> header(String id) throws IOException {
        return parseObject(lines(id).get(0));
    }

    @SuppressWarnings("unchecked")
    private static Deviation replay(String id, boolean exact) throws IOException {
        List<String> lines = lines(id);
        Map<String, Object> header = parseObject(lines.get(0));
        assertEquals(id, header.get("env_id"));
        boolean discrete = "Discrete".equals(((Map<String, Object>) header.get("action_space")).get("type"));
        Deviation d = new Deviation();
        for (String line : lines.subList(1, lines.size())) {
            Map<String, Object> run = parseObject(line);
            d.runs++;
            Env<float[], Object> env = Gym.make(id);
            List<Map<String, Object>> episodes = (List<Map<String, Object>>) run.get("episodes");
            for (int e = 0; e < episodes.size(); e++) {
                String where = id + " seed " + run.get("seed") + " (" + run.get("pattern") + ", " + run.get("policy")
                        + ") episode " + e;
                replayEpisode(env, episodes.get(e), discrete, exact, where, d);
                d.episodes++;
            }
            env.close();
        }
        System.out.println("[gymref] " + id + ": " + d);
        return d;
    }

    @SuppressWarnings("unchecked")
    private static void replayEpisode(Env<float[], Object> env, Map<String, Object> ep, boolean discrete,
                                      boolean exact, String where, Deviation d) {
        Map<String, Object> reset = (Map<String, Object>) ep.get("reset");
        Object seed = reset.get("seed");
        Map<String, Object> options = (Map<String, Object>) reset.get("options");
        ResetResult<float[]> r = env.reset(seed == null ? null : ((Number) seed).longValue(),
                options == null ? Map.of() : options);
        assertFloatsExact(doubles(ep.get("reset_obs")), r.observation(), where + " reset observation");
        assertEquals(Map.of(), r.info(), where + " reset info");
        assertStateExact(doubles(ep.get("reset_state")), env, where + " state after reset");
        assertRngState((Map<String, Object>) ep.get("rng_after_reset"), env, where);

        List<List<Object>> steps = (List<List<Object>>) ep.get("steps");
        for (int s = 0; s < steps.size(); s++) {
            List<Object> st = steps.get(s);
            Object action = discrete
                    ? (Object) Integer.valueOf(((Number) st.get(0)).intValue())
                    : (Object) new float[] {(float) ((Number) ((List<Object>) st.get(0)).get(0)).doubleValue()};
            StepResult<float[]> res = env.step(action);
            String at = where + " step " + s;
            double[] expectedObs = doubles(st.get(1));
            double expectedReward = ((Number) st.get(2)).doubleValue();
            assertEquals(((Number) st.get(3)).intValue() == 1, res.terminated(), at + " terminated");
            assertEquals(((Number) st.get(4)).intValue() == 1, res.truncated(), at + " truncated");
            boolean bitExact = Double.doubleToLongBits(expectedReward) == Double.doubleToLongBits(res.reward());
            double obsDev = 0;
            for (int i = 0; i < expectedObs.length; i++) {
                float want = (float) expectedObs[i];
                float got = res.observation()[i];
                bitExact &= Float.floatToIntBits(want) == Float.floatToIntBits(got);
                obsDev = Math.max(obsDev, Math.abs((double) want - got));
            }
            assertEquals(expectedObs.length, res.observation().length, at + " observation length");
            d.steps++;
            d.exactSteps += bitExact ? 1 : 0;
            d.maxObs = Math.max(d.maxObs, obsDev);
            d.maxReward = Math.max(d.maxReward, Math.abs(expectedReward - res.reward()));
            if (exact && !bitExact) {
                fail(at + ": expected obs " + java.util.Arrays.toString(expectedObs) + " reward " + expectedReward
                        + ", got " + java.util.Arrays.toString(res.observation()) + " reward " + res.reward());
            }
        }
        if (exact) {
            assertStateExact(doubles(ep.get("end_state")), env, where + " state at the end");
        }
    }

    private static void assertFloatsExact(double[] expected, float[] actual, String what) {
        float[] want = new float[expected.length];
        for (int i = 0; i < expected.length; i++) {
            want[i] = (float) expected[i];
        }
        if (!java.util.Arrays.equals(want, actual)) {
            fail(what + ": expected " + java.util.Arrays.toString(want) + ", got " + java.util.Arrays.toString(actual));
        }
    }

    private static void assertStateExact(double[] expected, Env<?, ?> env, String what) {
        double[] state = state(env.unwrapped());
        if (!java.util.Arrays.equals(expected, state)) {
            fail(what + ": expected " + java.util.Arrays.toString(expected) + ", got " + java.util.Arrays.toString(state));
        }
    }

    private static void assertRngState(Map<String, Object> expected, Env<?, ?> env, String where) {
        Generator g = rng(env.unwrapped());
        Map<String, Object> actual = RngState.of(g);
        assertEquals(expected.get("state"), actual.get("state"), where + " PCG64 state after reset");
        assertEquals(expected.get("inc"), actual.get("inc"), where + " PCG64 inc after reset");
        assertEquals(((Number) expected.get("has_uint32")).longValue(), actual.get("has_uint32"),
                where + " PCG64 has_uint32 after reset");
        assertEquals(((Number) expected.get("uinteger")).longValue(), actual.get("uinteger"),
                where + " PCG64 uinteger after reset");
    }

    static double[] state(Env<?, ?> env) {
        if (env instanceof CartPoleEnv e) {
            return e.state();
        } else if (env instanceof MountainCarEnv e) {
            return e.state();
        } else if (env instanceof MountainCarContinuousEnv e) {
            return e.state();
        } else if (env instanceof PendulumEnv e) {
            return e.state();
        } else if (env instanceof AcrobotEnv e) {
            return e.state();
        }
        throw new AssertionError(env);
    }

    static Generator rng(Env<?, ?> env) {
        if (env instanceof CartPoleEnv e) {
            return e.rngForTests();
        } else if (env instanceof MountainCarEnv e) {
            return e.rngForTests();
        } else if (env instanceof MountainCarContinuousEnv e) {
            return e.rngForTests();
        } else if (env instanceof PendulumEnv e) {
            return e.rngForTests();
        } else if (env instanceof AcrobotEnv e) {
            return e.rngForTests();
        }
        throw new AssertionError(env);
    }

    @SuppressWarnings("unchecked")
    static double[] doubles(Object list) {
        List<Object> l = (List<Object>) list;
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) l.get(i)).doubleValue();
        }
        return out;
    }
}
