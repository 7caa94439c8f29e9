package dev.gym4j.envs.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.registry.EnvProvider;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.Space;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The registered specs, spaces and metadata agree with the header line Gymnasium wrote at the top of each
 * reference file.
 */
class RegistrationTest {

    @Test
    void providerIsFoundByServiceLoader() {
        List<EnvProvider> providers = StreamSupport.stream(ServiceLoader.load(EnvProvider.class).spliterator(), false)
                .filter(p -> p instanceof ClassicControlProvider)
                .collect(Collectors.toList());
        assertEquals(1, providers.size());
        assertEquals(List.of("CartPole-v0", "CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Pendulum-v1",
                "Acrobot-v1"), providers.get(0).specs().stream().map(EnvSpec::id).collect(Collectors.toList()));
    }

    @Test
    void cartPoleV0Spec() {
        EnvSpec spec = Gym.spec("CartPole-v0");
        assertEquals(200, spec.maxEpisodeSteps());
        assertEquals(195.0, spec.rewardThreshold());
        assertEquals(CartPoleEnv.class.getName(), spec.entryPoint());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Acrobot-v1", "Pendulum-v1"})
    @SuppressWarnings("unchecked")
    void specSpacesAndMetadataMatchTheReferenceHeader(String id) throws IOException {
        Map<String, Object> header = GymrefReplayTest.header(id);
        Map<String, Object> spec = (Map<String, Object>) header.get("spec");
        EnvSpec ours = Gym.spec(id);
        assertEquals(spec.get("id"), ours.id());
        assertEquals(((Number) spec.get("max_episode_steps")).intValue(), ours.maxEpisodeSteps());
        Object threshold = spec.get("reward_threshold");
        if (threshold == null) {
            assertNull(ours.rewardThreshold());
        } else {
            assertEquals(((Number) threshold).doubleValue(), ours.rewardThreshold());
        }
        assertEquals(spec.get("nondeterministic"), ours.nondeterministic());
        assertEquals(spec.get("order_enforce"), ours.orderEnforce());
        assertEquals(spec.get("disable_env_checker"), ours.disableEnvChecker());
        String className = ((String) spec.get("entry_point")).replaceAll(".*:", "");
        String ourClass = className.equals("Continuous_MountainCarEnv") ? "MountainCarContinuousEnv" : className;
        assertEquals("dev.gym4j.envs.classic." + ourClass, ours.entryPoint());

        try (Env<float[], Object> env = Gym.make(id)) {
            Map<String, Object> metadata = (Map<String, Object>) header.get("metadata");
            assertEquals(metadata.get("render_modes"), env.metadata().get("render_modes"));
            assertEquals(((Number) metadata.get("render_fps")).intValue(), env.metadata().get("render_fps"));
            assertEquals(List.of("render_modes", "render_fps"), List.copyOf(env.metadata().keySet()));
            assertBox((Map<String, Object>) header.get("observation_space"), env.observationSpace(), id + " observations");
            Map<String, Object> action = (Map<String, Object>) header.get("action_space");
            if ("Discrete".equals(action.get("type"))) {
                int n = ((Number) action.get("n")).intValue();
                assertTrue(env.actionSpace().contains(0));
                assertTrue(env.actionSpace().contains(n - 1));
                assertFalse(env.actionSpace().contains(n));
                assertFalse(env.actionSpace().contains(-1));
                assertArrayEquals(new int[0], env.actionSpace().shape());
            } else {
                assertBox(action, env.actionSpace(), id + " actions");
            }
            String wrappers = ((String) header.get("wrappers")).replace("Continuous_MountainCarEnv",
                    "MountainCarContinuousEnv");
            assertEquals(wrappers, env.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean[] booleans(Object list) {
        List<Object> l = (List<Object>) list;
        boolean[] out = new boolean[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Boolean) l.get(i);
        }
        return out;
    }

    /** Shape, dtype, the bounds, and every finite bound, probed through {@code contains} one element at a time. */
    @SuppressWarnings("unchecked")
    private static void assertBox(Map<String, Object> box, Space<?> space, String what) {
        assertEquals("Box", box.get("type"), what);
        List<Object> shape = (List<Object>) box.get("shape");
        assertArrayEquals(shape.stream().mapToInt(o -> ((Number) o).intValue()).toArray(), space.shape(), what);
        assertEquals(DType.fromNumpyName((String) box.get("dtype")), space.dtype(), what);
        double[] low = GymrefReplayTest.doubles(box.get("low"));
        double[] high = GymrefReplayTest.doubles(box.get("high"));
        Box<?> ours = (Box<?>) space;
        assertArrayEquals(low, ours.low(), what + " low");
        assertArrayEquals(high, ours.high(), what + " high");
        assertArrayEquals(booleans(box.get("bounded_below")), ours.boundedBelow(), what + " bounded_below");
        assertArrayEquals(booleans(box.get("bounded_above")), ours.boundedAbove(), what + " bounded_above");
        for (int i = 0; i < low.length; i++) {
            for (double[] bound : List.of(low, high)) {
                float b = (float) bound[i];
                if (Float.isInfinite(b)) {
                    continue;
                }
                float[] x = new float[low.length];
                x[i] = b;
                assertTrue(space.contains(x), what + ": element " + i + " may be " + b);
                x[i] = bound == low ? Math.nextDown(b) : Math.nextUp(b);
                assertFalse(space.contains(x), what + ": element " + i + " may not be " + x[i]);
            }
        }
    }
}
