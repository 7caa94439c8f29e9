package dev.gym4j.api.wrappers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.spaces.Box;
import dev.gym4j.testkit.fixtures.ScriptedEnv;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ClipActionProperties {

    private static final Box<float[]> BOUNDS = Box.float32(new float[] {-1f, 0f, -3.5f}, new float[] {1f, 2f, -1.25f});

    @Provide
    Arbitrary<float[]> actions() {
        return Arbitraries.floats().between(-1e6f, 1e6f).array(float[].class).ofSize(3);
    }

    @Property(tries = 200)
    void theEnvAlwaysReceivesAnActionWithinItsBounds(@ForAll("actions") float[] action) {
        ScriptedEnv<float[], float[]> inner = ClipActionTest.envWithActions(BOUNDS, 1);
        ClipAction<float[], float[]> env = new ClipAction<>(inner);
        env.reset(0);
        assertTrue(env.actionSpace().contains(action));
        env.step(action);
        float[] received = inner.actions().get(0);
        assertTrue(BOUNDS.contains(received), () -> java.util.Arrays.toString(received));
        for (int i = 0; i < 3; i++) {
            boolean inside = action[i] >= BOUNDS.low()[i] && action[i] <= BOUNDS.high()[i];
            if (inside) {
                assertTrue(received[i] == action[i], "an action inside the bounds is unchanged");
            }
        }
    }
}
