package dev.gym4j.worker.cli;

import dev.gym4j.Gym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --kwarg NAME=VALUE}: how values read, and {@code check} / {@code bench} passing them to {@code Gym.make}. */
class KwargOptionsTest {

    @Test
    void valuesReadAsBooleansNumbersListsOrText() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", true);
        expected.put("b", 3);
        expected.put("c", 5_000_000_000L);
        expected.put("d", 0.25);
        expected.put("e", List.of(160, 120));
        expected.put("f", "rgb");
        expected.put("g", null);
        expected.put("h", Double.NEGATIVE_INFINITY);
        assertEquals(expected, KwargOptions.parse(Arrays.asList("a=true", "b=3", "c=5000000000", "d=0.25", "e=[160, 120]", "f=rgb",
                "g=null", "h=-inf")));
        assertEquals(Map.of(), KwargOptions.parse(null));
    }

    @Test
    void malformedOrRepeatedKwargsAreRefused() {
        assertTrue(assertThrows(CliException.class, () -> KwargOptions.parse(List.of("observation"))).getMessage()
                .contains("NAME=VALUE"));
        assertThrows(CliException.class, () -> KwargOptions.parse(List.of("=3")));
        assertTrue(assertThrows(CliException.class, () -> KwargOptions.parse(List.of("a=1", "a=2"))).getMessage().contains("twice"));
    }

    @Test
    void checkAndBenchPassKwargsToGymMake() {
        Cli check = Cli.run("check", "tracker/ObjectTracker-v0", "--kwarg", "observation=state", "--kwarg", "continuous=true");
        assertEquals(0, check.status(), check.toString());
        assertTrue(check.out().contains("tracker/ObjectTracker-v0: all checks passed"), check.toString());
        Cli bench = Cli.run("bench", "tracker/ObjectTracker-v0", "--kwarg", "observation=state", "--seconds", "0.2", "--json");
        assertEquals(0, bench.status(), bench.toString());
        Cli bad = Cli.run("check", "tracker/ObjectTracker-v0", "--kwarg", "observation=depth");
        assertEquals(2, bad.status(), bad.toString());
        assertTrue(bad.err().contains("kwarg 'observation' of ObjectTrackerEnv must be one of"), bad.toString());
    }
}
