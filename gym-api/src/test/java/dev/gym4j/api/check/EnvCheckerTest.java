package dev.gym4j.api.check;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.EnvClosedException;
import dev.gym4j.api.EnvSpec;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.testkit.fixtures.RandomWalkEnv;
import dev.gym4j.testkit.fixtures.RandomWalkEnv.Defect;
import dev.gym4j.testkit.fixtures.ScriptedEnv;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvCheckerTest {

    private static CheckResult result(CheckReport report, String prefix) {
        return report.results().stream().filter(r -> r.name().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no check named " + prefix + " in\n" + report));
    }

    @Test
    void aGoodEnvPassesEveryCheck() {
        CheckReport report = EnvChecker.check(() -> new RandomWalkEnv("rgb_array"));
        assertTrue(report.passed(), report::toString);
        assertEquals(15, report.results().size(), report::toString);
        for (String line : report.toString().split(System.lineSeparator())) {
            assertTrue(line.startsWith("PASS ") || line.startsWith("SKIP "), line);
        }
        assertTrue(report.toString().contains("SKIP every declared render mode renders: the env has no spec"), report::toString);
        assertTrue(report.toString().contains("PASS observation space is well formed"), report::toString);
        assertFalse(result(report, "close()").skipped(), "the factory gives a fresh env for the close check");
        assertTrue(result(report, "every declared render mode").skipped(), "no spec, no other render modes");
    }

    @Test
    void aGivenEnvIsLeftOpenUnlessAsked() {
        RandomWalkEnv env = new RandomWalkEnv();
        CheckReport report = EnvChecker.check(env);
        assertTrue(report.passed(), report::toString);
        assertTrue(result(report, "close()").skipped());
        assertTrue(result(report, "render() returns frames").skipped(), "no render mode");
        assertFalse(env.isClosed());
        assertDoesNotThrow(() -> env.reset(0));

        CheckReport closing = EnvChecker.check(env, EnvChecker.Options.defaults().withCloseEnv(true));
        assertTrue(closing.passed(), closing::toString);
        assertFalse(result(closing, "close()").skipped());
        assertTrue(env.isClosed());
    }

    @Test
    void anObservationOutsideTheSpaceFails() {
        CheckReport report = EnvChecker.check(new RandomWalkEnv(null, Defect.OBSERVATION_OUTSIDE_SPACE));
        assertFalse(report.passed());
        CheckResult step = result(report, "step returns an observation in the space");
        assertFalse(step.passed());
        assertTrue(step.detail().contains("not within the observation space"), step.detail());
        assertFalse(result(report, "observations stay in the space").passed());
        assertTrue(result(report, "reset returns").passed(), "the reset observation is fine");
        assertTrue(report.toString().contains("FAIL step returns an observation in the space and a finite reward: The obs returned by the `step()` method"),
                report::toString);
    }

    @Test
    void aNaNRewardFails() {
        CheckReport report = EnvChecker.check(new RandomWalkEnv(null, Defect.NAN_REWARD));
        CheckResult step = result(report, "step returns an observation in the space");
        assertFalse(step.passed());
        assertTrue(step.detail().startsWith("The reward is a NaN value."), step.detail());
        assertTrue(step.toString().startsWith("FAIL step returns"), step.toString());
    }

    @Test
    void anUnrepeatableResetFails() {
        CheckReport report = EnvChecker.check(new RandomWalkEnv(null, Defect.UNREPEATABLE_RESET));
        CheckResult seeded = result(report, "reset(seed) is repeatable");
        assertFalse(seeded.passed());
        assertTrue(seeded.toString().startsWith("FAIL reset(seed) is repeatable: reset(seed=123) is not deterministic: it gave ["),
                seeded.toString());
        assertTrue(result(report, "different seeds").passed());
    }

    @Test
    void aStartThatIgnoresTheSeedPassesWithANote() {
        CheckReport report = EnvChecker.check(new RandomWalkEnv(null, Defect.FIXED_START));
        CheckResult differ = result(report, "different seeds");
        assertTrue(differ.passed());
        assertTrue(differ.detail().startsWith("deterministic reset"), differ.detail());
        assertTrue(report.passed(), report::toString);
    }

    @Test
    void aDegenerateSpaceFails() {
        ScriptedEnv<float[], Integer> env = new ScriptedEnv<>(Box.float32(2f, 2f, 1), new Discrete(2), new float[] {2f}, List.of());
        CheckResult space = result(EnvChecker.check(env), "observation space is well formed");
        assertFalse(space.passed());
        assertTrue(space.detail().contains("degenerate"), space.detail());
    }

    @Test
    void infiniteBoundsAreANoteNotAFailure() {
        ScriptedEnv<float[], Integer> env = new ScriptedEnv<>(Box.float32(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 1),
                new Discrete(2), new float[] {0f}, List.of());
        CheckResult space = result(EnvChecker.check(env), "observation space is well formed");
        assertTrue(space.passed());
        assertTrue(space.detail().contains("-infinity"), space.detail());
    }

    @Test
    void exceptionsInsideAChecksAreReportedNotThrown() {
        // the scripted env has no steps, so every step throws IllegalStateException
        ScriptedEnv<float[], Integer> env = new ScriptedEnv<>(Box.float32(-1f, 1f, 1), new Discrete(2), new float[] {0f}, List.of());
        CheckReport report = assertDoesNotThrow(() -> EnvChecker.check(env));
        CheckResult step = result(report, "step returns an observation in the space");
        assertFalse(step.passed());
        assertEquals("IllegalStateException: the script has only 0 steps", step.detail());
        assertTrue(result(report, "reset(seed) is repeatable").passed());
    }

    @Test
    void aCloseThatThrowsTheSecondTimeFails() {
        CheckReport report = EnvChecker.check(() -> new RandomWalkEnv() {
            private int closes;

            @Override
            protected void onClose() {
                closes++;
            }

            @Override
            public StepResult<float[]> doStep(Integer action) {
                return super.doStep(action);
            }
        });
        assertTrue(result(report, "close()").passed(), report::toString);

        CheckReport broken = EnvChecker.check(() -> new dev.gym4j.api.wrappers.RewardWrapper<float[], Integer>(new RandomWalkEnv()) {
            @Override
            protected double reward(double r) {
                return r;
            }

            private boolean closed;

            @Override
            public void close() {
                if (closed) {
                    throw new IllegalStateException("already closed");
                }
                closed = true;
                super.close();
            }
        });
        CheckResult close = result(broken, "close()");
        assertFalse(close.passed());
        assertTrue(close.detail().contains("already closed"), close.detail());
    }

    @Test
    void anEnvWithASpecIsMadeAgainForRenderModesAndTheCloseCheck() {
        int[] made = {0};
        EnvSpec spec = EnvSpec.of("test/RandomWalk-v0", RandomWalkEnv.class.getName(), kwargs -> {
            made[0]++;
            RandomWalkEnv env = new RandomWalkEnv((String) kwargs.get("render_mode"));
            return env;
        }, null, null);
        RandomWalkEnv env = new RandomWalkEnv();
        env.setSpec(spec);
        CheckReport report = EnvChecker.check(env);
        assertTrue(report.passed(), report::toString);
        assertFalse(result(report, "every declared render mode").skipped());
        assertFalse(result(report, "close()").skipped());
        assertEquals(2, made[0], "one env for rgb_array, one for the close check");
        assertFalse(env.isClosed());
    }

    @Test
    void anEnvFromGymMakePassesWithItsWrappers() {
        String id = "wrappers-test/RandomWalk-v0";
        if (!Gym.registry().containsKey(id)) {
            Gym.register(EnvSpec.of(id, RandomWalkEnv.class.getName(),
                    kwargs -> new RandomWalkEnv((String) kwargs.get("render_mode")), 50, null));
        }
        Env<float[], Integer> env = Gym.make(id, Map.of("render_mode", "rgb_array"));
        assertEquals("<TimeLimit<OrderEnforcing<PassiveEnvChecker<RandomWalkEnv<" + id + ">>>>>", env.toString());
        CheckReport report = EnvChecker.check(env);
        assertTrue(report.passed(), report::toString);
        assertFalse(result(report, "every declared render mode").skipped());
        assertFalse(result(report, "close()").skipped());
        assertDoesNotThrow(() -> env.reset(1));
        env.close();
    }

    @Test
    void skippingRenderChecks() {
        CheckReport report = EnvChecker.checkEnv(new RandomWalkEnv("rgb_array"), true);
        assertTrue(result(report, "render metadata").skipped());
        assertTrue(result(report, "render() returns frames").skipped());
    }

    @Test
    void aNullEnvOrFactoryResultIsAFailure() {
        assertFalse(EnvChecker.check((dev.gym4j.api.Env<?, ?>) null).passed());
        assertFalse(EnvChecker.check(() -> null).passed());
        assertFalse(EnvChecker.check(() -> {
            throw new IllegalArgumentException("cannot make");
        }).passed());
    }

    @Test
    void theCloseCheckDemandsEnvClosedException() {
        RandomWalkEnv env = new RandomWalkEnv();
        env.close();
        assertThrows(EnvClosedException.class, env::reset);
        CheckReport report = EnvChecker.check(() -> new dev.gym4j.api.wrappers.RewardWrapper<float[], Integer>(new RandomWalkEnv()) {
            @Override
            protected double reward(double r) {
                return r;
            }

            private boolean closed;

            @Override
            public void close() {
                closed = true;
            }

            @Override
            public dev.gym4j.api.ResetResult<float[]> reset(Long seed, Map<String, ?> options) {
                return closed ? dev.gym4j.api.ResetResult.of(new float[] {0f}) : super.reset(seed, options);
            }
        });
        CheckResult close = result(report, "close()");
        assertFalse(close.passed());
        assertEquals("reset() after close() returned normally; expected EnvClosedException", close.detail());
    }
}
