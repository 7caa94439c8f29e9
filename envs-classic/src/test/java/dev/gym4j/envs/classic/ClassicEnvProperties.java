package dev.gym4j.envs.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties over arbitrary seeds and action sequences: observations stay finite and inside the observation
 * space until the episode ends, and the same seed with the same actions gives the same trajectory.
 *
 * <p>Raw actions are floats in {@code [-4, 4]}: continuous envs take them as they are (so out-of-range torques
 * and forces are exercised); discrete envs map them onto {@code 0..n-1}.
 */
class ClassicEnvProperties {

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.of("CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1", "Pendulum-v1");
    }

    @Property(tries = 60)
    void observationsStayFiniteAndInsideTheSpace(@ForAll("ids") String id, @ForAll @LongRange(min = 0) long seed,
                                                 @ForAll @Size(max = 300) List<@FloatRange(min = -4, max = 4) Float> raw) {
        try (Env<float[], Object> env = Gym.make(id)) {
            float[] obs = env.reset(seed, Map.of()).observation();
            assertInside(env, obs, "reset");
            for (int i = 0; i < raw.size(); i++) {
                StepResult<float[]> r = env.step(action(env, raw.get(i)));
                assertInside(env, r.observation(), "step " + i);
                assertTrue(Double.isFinite(r.reward()), "finite reward at step " + i);
                if (r.done()) {
                    break;
                }
            }
        }
    }

    @Property(tries = 40)
    void sameSeedSameTrajectory(@ForAll("ids") String id, @ForAll @LongRange(min = 0) long seed,
                                @ForAll @Size(max = 200) List<@FloatRange(min = -4, max = 4) Float> raw) {
        assertEquals(trajectory(id, seed, raw), trajectory(id, seed, raw));
    }

    @Property(tries = 30)
    void reseedingRestartsTheSameEpisode(@ForAll("ids") String id, @ForAll @LongRange(min = 0) long seed) {
        try (Env<float[], Object> env = Gym.make(id)) {
            float[] first = env.reset(seed, Map.of()).observation();
            env.reset();
            assertArrayEquals(first, env.reset(seed, Map.of()).observation());
        }
    }

    private static List<Object> trajectory(String id, long seed, List<Float> raw) {
        List<Object> out = new ArrayList<>();
        try (Env<float[], Object> env = Gym.make(id)) {
            out.add(java.util.Arrays.toString(env.reset(seed, Map.of()).observation()));
            out.add(java.util.Arrays.toString(env.reset().observation()));
            for (Float f : raw) {
                StepResult<float[]> r = env.step(action(env, f));
                out.add(java.util.Arrays.toString(r.observation()) + " " + r.reward() + " " + r.terminated()
                        + " " + r.truncated());
                if (r.done()) {
                    out.add(java.util.Arrays.toString(env.reset().observation()));
                }
            }
        }
        return out;
    }

    private static Object action(Env<float[], Object> env, float raw) {
        if (env.actionSpace().dtype() == DType.INT64 && env.actionSpace().shape().length == 0) {
            int n = 0;
            while (env.actionSpace().contains(n)) {
                n++;
            }
            return Math.min(n - 1, (int) Math.floor((raw + 4f) / 8f * n));
        }
        return new float[] {raw};
    }

    private static void assertInside(Env<float[], Object> env, float[] obs, String where) {
        for (float v : obs) {
            assertTrue(Float.isFinite(v), where + ": finite observation " + java.util.Arrays.toString(obs));
        }
        assertTrue(env.observationSpace().contains(obs), where + ": observation " + java.util.Arrays.toString(obs)
                + " inside the observation space");
    }
}
