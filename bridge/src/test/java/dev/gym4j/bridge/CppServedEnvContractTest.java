package dev.gym4j.bridge;

import dev.gym4j.Gym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.Env;
import dev.gym4j.api.EnvNotFoundException;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.ResetNeededException;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.testkit.EnvContractTest;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Java to C++: the example env of {@code bridge/cpp} ({@code cartpole_server}, built by
 * {@code cmake -S bridge/cpp -B bridge/cpp/build && cmake --build bridge/cpp/build}) driven by Java's
 * RemoteEnv under the testkit contract. Skipped when the binary is not built, except under {@code CI=true},
 * where it fails. System property {@code gym4j.cppServer} names another binary.
 */
class CppServedEnvContractTest extends EnvContractTest {

    private static String endpoint;

    static synchronized String endpoint() {
        if (endpoint != null) {
            return endpoint;
        }
        File binary = new File(System.getProperty("gym4j.cppServer", "cpp/build/cartpole_server"));
        if (!binary.canExecute()) {
            String message = binary.getAbsolutePath() + " is not built: cmake -S bridge/cpp -B bridge/cpp/build && cmake --build bridge/cpp/build";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        try {
            Process process = new ProcessBuilder(binary.getPath(), "tcp://127.0.0.1:0").redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.contains(" on ")) {
                process.destroyForcibly();
                throw new AssertionError("cartpole_server did not start: " + line);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            endpoint = line.substring(line.indexOf(" on ") + 4).strip();
            return endpoint;
        } catch (IOException e) {
            throw new AssertionError("cannot start " + binary + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected Supplier<Env<?, ?>> envFactory() {
        return () -> RemoteEnv.connect(endpoint(), null, Map.of(), TestServers.fast());
    }

    /**
     * The C++ env's id is not in this JVM's registry, so the testkit's Gym.make-based check does not apply;
     * the same property instead: made with {@code max_episode_steps = limit}, an episode that has not
     * terminated is truncated exactly at step {@code limit}.
     */
    @Override
    @Property(tries = 10)
    public void timeLimitTruncatesExactlyAtMaxEpisodeSteps(@ForAll @IntRange(min = 1, max = 10) int limit,
                                                           @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seed,
                                                           @ForAll List<@LongRange(min = 0, max = 1) Long> actions) {
        try (RemoteEnv<float[], Integer> env = RemoteEnv.connect(endpoint(), null, Map.of("max_episode_steps", limit), TestServers.fast())) {
            assertEquals(limit, env.spec().maxEpisodeSteps());
            env.reset(seed);
            for (int step = 1; step <= limit; step++) {
                int action = actions.isEmpty() ? step % 2 : actions.get(step % actions.size()).intValue();
                StepResult<float[]> r = env.step(action);
                if (r.terminated()) {
                    return; // CartPole cannot fall within 10 steps from its start; kept for safety
                }
                assertEquals(step == limit, r.truncated(), "truncated at step " + step + " of " + limit);
            }
        }
    }

    @Test
    void spacesSpecAndErrorsCrossTheWire() {
        try (RemoteEnv<float[], Integer> env = RemoteEnv.connect(endpoint(), null, Map.of(), TestServers.fast())) {
            assertEquals(new Discrete(2), env.actionSpace());
            assertTrue(env.observationSpace() instanceof Box<?>);
            assertEquals("cpp/CartPole-v1", env.spec().id());
            assertEquals(500, env.spec().maxEpisodeSteps());
            assertEquals(50, env.metadata().get("render_fps"));
            assertThrows(ResetNeededException.class, () -> env.step(0));
            float[] first = env.reset(7L).observation();
            float[] again = env.reset(7L).observation();
            assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(again));
            int steps = 0;
            StepResult<float[]> r;
            do {
                r = env.step(1);
                steps++;
            } while (!r.terminated() && !r.truncated());
            assertTrue(r.terminated() && steps < 100, "always pushing right drops the pole soon, took " + steps);
            assertFalse(r.truncated());
            assertThrows(ResetNeededException.class, () -> env.step(0));
        }
        assertThrows(EnvNotFoundException.class, () -> RemoteEnv.connect(endpoint(), "Pendulum-v1", Map.of(), TestServers.fast()));
        assertThrows(InvalidArgumentException.class, () -> RemoteEnv.connect(endpoint(), null, Map.of("gravity", 3), TestServers.fast()));
    }
}
