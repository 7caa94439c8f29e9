package dev.gym4j.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.replay.internal.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListInfoCheckCommandTest {

    @Test
    void listPrintsEveryIdWithItsSpaces() {
        Cli r = Cli.run("list");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.lines().stream().anyMatch(l -> l.startsWith(CliTestEnvProvider.WALK + "\tBox(")
                && l.endsWith("\tDiscrete(3)")), r.toString());
        assertEquals("", r.err());
    }

    @Test
    void infoPrintsOneJsonObjectInTheReferenceHeaderFormat() {
        Cli r = Cli.run("info", CliTestEnvProvider.WALK);
        assertEquals(0, r.status(), r.toString());
        assertEquals(1, r.lines().size(), r.toString());
        Map<String, Object> info = Json.parseObject(r.lines().get(0));
        assertEquals(List.of("id", "observation_space", "action_space", "spec", "metadata"), List.copyOf(info.keySet()));
        assertEquals(CliTestEnvProvider.WALK, info.get("id"));
        Map<?, ?> obs = (Map<?, ?>) info.get("observation_space");
        assertEquals("Box", obs.get("type"));
        assertEquals(List.of(1L), obs.get("shape"));
        assertEquals("float32", obs.get("dtype"));
        assertEquals(List.of(-4.0), obs.get("low"));
        assertEquals(List.of(4.0), obs.get("high"));
        assertEquals(List.of(true), obs.get("bounded_below"));
        assertEquals(List.of(true), obs.get("bounded_above"));
        assertEquals(Map.of("type", "Discrete", "n", 3L, "start", 0L, "shape", List.of(), "dtype", "int64"),
                info.get("action_space"));
        Map<?, ?> spec = (Map<?, ?>) info.get("spec");
        assertEquals(List.of("id", "entry_point", "max_episode_steps", "reward_threshold", "nondeterministic", "order_enforce",
                "disable_env_checker", "kwargs"), List.copyOf(spec.keySet()));
        assertEquals(20L, spec.get("max_episode_steps"));
        assertEquals(10.0, spec.get("reward_threshold"));
        assertEquals(Map.of("render_modes", List.of()), info.get("metadata"));
    }

    @Test
    void unknownEnvIsOneLineOnStandardErrorWithStatus2() {
        for (String command : List.of("info", "check", "rollout", "bench")) {
            Cli r = Cli.run(command, "clitest/Walkk-v0");
            assertEquals(2, r.status(), r.toString());
            assertEquals("", r.out());
            assertEquals(1, r.err().lines().count(), r.toString());
            assertTrue(r.err().startsWith("gym4j " + command + ": "), r.err());
            assertTrue(r.err().contains(CliTestEnvProvider.WALK), "should suggest the close id: " + r.err());
        }
    }

    @Test
    void checkPassesWithStatus0AndFailsWithStatus1() {
        Cli ok = Cli.run("check", CliTestEnvProvider.WALK);
        assertEquals(0, ok.status(), ok.toString());
        assertTrue(ok.out().contains("all checks passed"), ok.toString());
        Cli bad = Cli.run("check", CliTestEnvProvider.BROKEN);
        assertEquals(1, bad.status(), bad.toString());
        assertTrue(bad.out().contains("FAIL"), bad.toString());
    }

    @Test
    void badOptionsAndMissingArgumentsAreOneLineWithStatus2() {
        for (String[] args : List.of(new String[] {"info"}, new String[] {"rollout", CliTestEnvProvider.WALK, "--episodes", "x"},
                new String[] {"list", "--bogus"}, new String[] {"frobnicate"}, new String[0])) {
            Cli r = Cli.run(args);
            assertEquals(2, r.status(), r.toString());
            assertEquals(1, r.err().lines().count(), r.toString());
            assertTrue(r.err().startsWith("gym4j"), r.err());
        }
    }

    @Test
    void helpAndVersionExitWith0() {
        assertEquals(0, Cli.run("--help").status());
        assertEquals(0, Cli.run("replay", "--help").status());
        Cli v = Cli.run("--version");
        assertEquals(0, v.status());
        assertTrue(v.out().startsWith("gym4j "), v.out());
    }
}
