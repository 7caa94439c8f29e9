package dev.gym4j.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.Env;
import dev.gym4j.api.Frame;
import dev.gym4j.api.InvalidActionException;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.testkit.EnvContractTest;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Java to Python: a Python env served by {@code gym4j_bridge.serve()}, driven by Java's RemoteEnv under the testkit
 * contract. Without the Python packages every test and inherited property is skipped before it runs
 * ({@link PythonServer.SkipWithoutPython}), so jqwik does not count 20 rejected tries as a failure.
 */
@AddLifecycleHook(value = PythonServer.SkipWithoutPython.class, propagateTo = PropagationMode.ALL_DESCENDANTS)
class PythonServedEnvContractTest extends EnvContractTest {

    @BeforeEach
    void needsPython() {
        PythonServer.requirePython();
    }

    @Override
    protected Supplier<Env<?, ?>> envFactory() {
        return () -> RemoteEnv.connect(PythonServer.endpoint(), null, Map.of(), TestServers.fast());
    }

    /** Left out: the Python env has no spec, so there is no TimeLimit to check (jqwik would reject every try). */
    @Override
    public void timeLimitTruncatesExactlyAtMaxEpisodeSteps(int limit, long seed, java.util.List<Long> actionSeeds) {
    }

    @Test
    void spacesAndMetadataCrossTheWire() {
        try (RemoteEnv<float[], Integer> env = RemoteEnv.connect(PythonServer.endpoint(), null, Map.of("render_mode", "rgb_array"),
                TestServers.fast())) {
            assertEquals(new Discrete(3), env.actionSpace());
            assertTrue(env.observationSpace() instanceof Box<?>);
            assertEquals(10, env.metadata().get("render_fps"));
            assertNull(env.spec());
            env.reset(3L);
            assertEquals(1, env.step(2).info().get("t"));
            Frame frame = env.render().orElseThrow();
            assertEquals(16, frame.width());
            assertEquals(8, frame.height());
        }
    }

    @Test
    void anInvalidActionIsRefusedBeforeItLeaves() {
        try (RemoteEnv<float[], Integer> env = RemoteEnv.connect(PythonServer.endpoint(), null, Map.of(), TestServers.fast())) {
            env.reset(0L);
            assertThrows(InvalidActionException.class, () -> env.step(7));
        }
    }
}
