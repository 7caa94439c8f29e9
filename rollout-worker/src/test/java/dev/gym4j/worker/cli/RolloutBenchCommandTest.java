package dev.gym4j.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.replay.internal.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RolloutBenchCommandTest {

    @Test
    void rolloutJsonPrintsOneObjectPerEpisodeAndASummary() {
        Cli r = Cli.run("rollout", CliTestEnvProvider.WALK, "--episodes", "4", "--seed", "7", "--json");
        assertEquals(0, r.status(), r.toString());
        assertEquals(5, r.lines().size(), r.toString());
        long steps = 0;
        for (int i = 0; i < 4; i++) {
            Map<String, Object> e = Json.parseObject(r.lines().get(i));
            assertEquals(List.of("episode", "seed", "return", "length", "terminated", "truncated"), List.copyOf(e.keySet()));
            assertEquals((long) i, e.get("episode"));
            assertEquals(7L + i, e.get("seed"));
            long length = (Long) e.get("length");
            assertTrue(length >= 1 && length <= 20, r.toString());
            assertTrue((Boolean) e.get("terminated") || (Boolean) e.get("truncated"), r.toString());
            assertEquals(length == 20 && !(Boolean) e.get("terminated"), e.get("truncated"));
            steps += length;
        }
        Map<String, Object> summary = Json.parseObject(r.lines().get(4));
        assertEquals(true, summary.get("summary"));
        assertEquals(4L, summary.get("episodes"));
        assertEquals(steps, summary.get("total_steps"));
    }

    @Test
    void rolloutWithASeedIsReproducible() {
        Cli a = Cli.run("rollout", CliTestEnvProvider.WALK, "--episodes", "3", "--seed", "11");
        Cli b = Cli.run("rollout", CliTestEnvProvider.WALK, "--episodes", "3", "--seed", "11");
        assertEquals(0, a.status(), a.toString());
        assertEquals(a.out(), b.out());
        assertEquals(4, a.lines().size(), a.toString());
        assertTrue(a.lines().get(0).startsWith("episode 0: return "), a.toString());
        assertTrue(a.lines().get(3).startsWith(CliTestEnvProvider.WALK + ": 3 episodes"), a.toString());
        assertNotEquals(a.out(), Cli.run("rollout", CliTestEnvProvider.WALK, "--episodes", "3", "--seed", "12").out());
    }

    @Test
    void rolloutRejectsBadOptionsWithStatus2() {
        for (String[] extra : List.of(new String[] {"--policy", "ppo"}, new String[] {"--episodes", "0"},
                new String[] {"--seed", "-1"})) {
            String[] args = new String[2 + extra.length];
            args[0] = "rollout";
            args[1] = CliTestEnvProvider.WALK;
            System.arraycopy(extra, 0, args, 2, extra.length);
            Cli r = Cli.run(args);
            assertEquals(2, r.status(), r.toString());
            assertEquals(1, r.err().lines().count(), r.toString());
        }
    }

    @Test
    void benchRejectsBadOptionsWithOneLine() {
        for (String[] extra : List.of(new String[] {"--num-envs", "2147483647"}, new String[] {"--seconds", "1e308"},
                new String[] {"--warmup", "-1"}, new String[] {"--seconds", "NaN"}, new String[] {"--threads", "100000"})) {
            String[] args = new String[2 + extra.length];
            args[0] = "bench";
            args[1] = CliTestEnvProvider.WALK;
            System.arraycopy(extra, 0, args, 2, extra.length);
            Cli r = Cli.run(args);
            assertEquals(2, r.status(), r.toString());
            assertEquals(1, r.err().lines().count(), r.toString());
            assertTrue(r.err().contains(extra[0]), r.toString());
        }
    }

    @Test
    void benchJsonReportsStepsPerSecond() {
        Cli r = Cli.run("bench", CliTestEnvProvider.WALK, "--seconds", "0.2", "--json");
        assertEquals(0, r.status(), r.toString());
        Map<String, Object> o = Json.parseObject(r.lines().get(0));
        assertEquals(CliTestEnvProvider.WALK, o.get("env"));
        assertEquals(1L, o.get("num_envs"));
        assertEquals(1L, o.get("threads"));
        assertTrue((Long) o.get("steps") > 0, r.toString());
        assertTrue((Double) o.get("seconds") >= 0.2, r.toString());
        assertEquals((Long) o.get("steps") / (Double) o.get("seconds"), (Double) o.get("steps_per_second"), 1e-6);
        Cli text = Cli.run("bench", CliTestEnvProvider.WALK, "--seconds", "0.05");
        assertEquals(0, text.status(), text.toString());
        assertTrue(text.out().contains(" steps/s "), text.toString());
    }

    @Test
    void benchRunsVectorEnvsInEveryShape() {
        String[][] shapes = {{"4", "1", "0", "SyncVectorEnv"}, {"4", "2", "0", "ThreadedVectorEnv"},
            {"4", "1", "2", "send/recv"}, {"6", "2", "3", "send/recv"}};
        for (String[] shape : shapes) {
            Cli r = Cli.run("bench", CliTestEnvProvider.WALK, "--seconds", "0.1", "--json", "--num-envs", shape[0],
                    "--threads", shape[1], "--batch-size", shape[2]);
            assertEquals(0, r.status(), r.toString());
            Map<String, Object> o = Json.parseObject(r.lines().get(0));
            assertEquals(Long.valueOf(shape[0]), o.get("num_envs"));
            assertEquals(Long.valueOf(shape[1]), o.get("threads"));
            assertEquals(Long.valueOf("0".equals(shape[2]) ? shape[0] : shape[2]), o.get("batch_size"));
            assertTrue(((String) o.get("loop")).contains(shape[3]), r.toString());
            assertTrue((Long) o.get("steps") > 0, r.toString());
        }
    }

    @Test
    void benchRefusesBadOptionsWithStatus2() {
        for (String[] extra : List.of(new String[] {"--num-envs", "0"}, new String[] {"--threads", "0"},
                new String[] {"--num-envs", "4", "--batch-size", "5"}, new String[] {"--batch-size", "-1"},
                new String[] {"--seconds", "0"}, new String[] {"--seconds", "-1"},
                new String[] {"--warmup", "-2"}, new String[] {"--warmup", "NaN"})) {
            String[] args = new String[2 + extra.length];
            args[0] = "bench";
            args[1] = CliTestEnvProvider.WALK;
            System.arraycopy(extra, 0, args, 2, extra.length);
            Cli r = Cli.run(args);
            assertEquals(2, r.status(), r.toString());
            assertEquals(1, r.err().lines().count(), r.toString());
            assertEquals("", r.out());
        }
        assertTrue(Cli.run("bench", CliTestEnvProvider.WALK, "--num-envs", "4", "--batch-size", "5").err().contains("--batch-size"));
        assertTrue(Cli.run("bench", CliTestEnvProvider.WALK, "--warmup", "-2").err().contains("--warmup"));
    }

    @Test
    void benchTakesAnExplicitWarmup() {
        Cli r = Cli.run("bench", CliTestEnvProvider.WALK, "--seconds", "0.2", "--warmup", "0.1", "--json");
        assertEquals(0, r.status(), r.toString());
        assertTrue(r.out().contains("\"steps_per_second\""), r.out());
    }
}
