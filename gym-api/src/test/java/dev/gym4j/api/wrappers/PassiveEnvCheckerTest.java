package dev.gym4j.api.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.Env;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.testkit.fixtures.RandomWalkEnv;
import dev.gym4j.testkit.fixtures.RandomWalkEnv.Defect;
import dev.gym4j.testkit.fixtures.ScriptedEnv;
import java.lang.System.Logger.Level;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class PassiveEnvCheckerTest {

    private final List<String> warnings = new ArrayList<>();

    /** A logger that keeps the warnings. */
    private final System.Logger logger = new System.Logger() {
        @Override
        public String getName() {
            return "test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (level == Level.WARNING) {
                warnings.add(msg);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            log(level, bundle, params == null || params.length == 0 ? format : MessageFormat.format(format, params), (Throwable) null);
        }
    };

    private <O, A> PassiveEnvChecker<O, A> checker(Env<O, A> env) {
        return new PassiveEnvChecker<>(env, logger);
    }

    @Test
    void aGoodEnvPassesSilentlyAndValuesPassThroughUnchanged() {
        RandomWalkEnv inner = new RandomWalkEnv("rgb_array");
        PassiveEnvChecker<float[], Integer> env = checker(inner);
        RandomWalkEnv twin = new RandomWalkEnv("rgb_array");
        ResetResult<float[]> r = env.reset(7);
        assertArrayEquals(twin.reset(7).observation(), r.observation());
        for (int t = 0; t < 5; t++) {
            StepResult<float[]> s = env.step(1);
            StepResult<float[]> expected = twin.step(1);
            assertArrayEquals(expected.observation(), s.observation());
            assertEquals(expected.reward(), s.reward());
        }
        assertEquals(twin.render(), env.render());
        assertEquals(List.of(), warnings);
        assertEquals("<PassiveEnvChecker<RandomWalkEnv instance>>", env.toString());
    }

    @Test
    void aStepOutsideTheSpaceIsLoggedOnceAndNeverThrown() {
        PassiveEnvChecker<float[], Integer> env = checker(new RandomWalkEnv(null, Defect.OBSERVATION_OUTSIDE_SPACE));
        env.reset(0);
        StepResult<float[]> first = assertDoesNotThrow(() -> env.step(0));
        assertEquals(RandomWalkEnv.BOUND + 100, first.observation()[0]);
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("step()") && warnings.get(0).contains("not within the observation space"), warnings::toString);
        env.step(0);
        assertEquals(1, warnings.size(), "after the first step the checker is a pass-through");
    }

    @Test
    void aNaNRewardIsLogged() {
        PassiveEnvChecker<float[], Integer> env = checker(new RandomWalkEnv(null, Defect.NAN_REWARD));
        env.reset(0);
        assertTrue(Double.isNaN(env.step(1).reward()));
        assertEquals(List.of("The reward is a NaN value."), warnings);
    }

    @Test
    void badSpacesAreLoggedAtConstruction() {
        Box<float[]> point = Box.float32(1f, 1f, 2);
        Env<float[], float[]> bad = new ScriptedEnv<>(point, Box.float32(new float[] {-1f, 0f}, new float[] {1f, 0f}),
                new float[] {1, 1}, List.of());
        checker(bad);
        assertEquals(2, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("A Box action space maximum and minimum values are equal in 1 of 2 elements"), warnings::toString);
        assertTrue(warnings.get(1).contains("degenerate"), warnings::toString);
    }

    @Test
    void aResetOutsideTheSpaceIsLogged() {
        Env<float[], Integer> bad = new ScriptedEnv<>(Box.float32(-1f, 1f, 1), new Discrete(2), new float[] {3f}, List.of());
        PassiveEnvChecker<float[], Integer> env = checker(bad);
        ResetResult<float[]> r = env.reset(0);
        assertEquals(3f, r.observation()[0]);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("reset()"), warnings::toString);
    }

    @Test
    void renderChecksTheMetadataAndTheFrameOnce() {
        PassiveEnvChecker<float[], Integer> env = checker(new RandomWalkEnv(null));
        env.reset(0);
        assertTrue(env.render().isEmpty());
        assertEquals(List.of(), warnings);
    }

    @Test
    void returnsTheWrappedEnvsResultsThemselves() {
        ScriptedEnv<float[], Integer> inner = new ScriptedEnv<>(Box.float32(-1f, 1f, 1), new Discrete(2), new float[] {0f},
                List.of(ScriptedEnv.Step.of(new float[] {0.5f}, 1.0)));
        PassiveEnvChecker<float[], Integer> env = checker(inner);
        env.reset(0);
        env.step(1);
        assertEquals(List.of(1), inner.actions());
        assertSame(inner, env.env());
    }

    @Test
    void closingTwiceIsForwarded() {
        RandomWalkEnv inner = new RandomWalkEnv();
        PassiveEnvChecker<float[], Integer> env = checker(inner);
        env.close();
        env.close();
        assertTrue(inner.isClosed());
        assertEquals(List.of(), warnings);
    }
}
