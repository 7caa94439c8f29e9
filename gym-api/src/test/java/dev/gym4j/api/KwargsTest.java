package dev.gym4j.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KwargsTest {

    @Test
    void absentAndNullKwargsGiveTheDefaults() {
        Map<String, Object> kwargs = new HashMap<>();
        kwargs.put("g", null);
        Kwargs k = Kwargs.of("TestEnv", kwargs);
        assertNull(k.renderMode());
        assertEquals(10.0, k.finiteNumber("g", 10.0));
        assertEquals(true, k.bool("flag", true));
        assertEquals(4, k.intInRange("frame_skip", 4, 1, 1000));
        assertArrayEquals(new double[] {-1, 1}, k.range("r", -1, 1));
        assertEquals("book", k.choice("book_or_nips", "book", "book", "nips"));
        k.rejectUnknown();
        Kwargs.of("TestEnv", null).rejectUnknown();
    }

    @Test
    void presentKwargsAreRead() {
        Kwargs k = Kwargs.of("TestEnv", Map.of("render_mode", "rgb_array", "g", 3, "w", Double.POSITIVE_INFINITY,
                "n", 7L, "r", List.of(0, 2.5), "c", "nips", "b", false));
        assertEquals("rgb_array", k.renderMode());
        assertEquals(3.0, k.finiteNumber("g", 10.0));
        assertEquals(Double.POSITIVE_INFINITY, k.nonNegative("w", 0));
        assertEquals(7, k.intInRange("n", 1, 1, 10));
        assertArrayEquals(new double[] {0, 2.5}, k.range("r", -1, 1));
        assertEquals("nips", k.choice("c", "book", "book", "nips"));
        assertEquals(false, k.bool("b", true));
        k.rejectUnknown();
    }

    @Test
    void badValuesNameTheKwargTheOwnerAndWhatIsExpected() {
        assertMessage(() -> Kwargs.of("TestEnv", Map.of("render_mode", 1)).renderMode(), "'render_mode'", "TestEnv", "String", "1 (Integer)");
        assertMessage(() -> Kwargs.of("TestEnv", Map.of("b", "yes")).bool("b", false), "'b'", "Boolean", "\"yes\" (String)");
        assertMessage(() -> Kwargs.of("TestEnv", Map.of("g", Double.NaN)).finiteNumber("g", 0), "'g'", "finite");
        assertMessage(() -> Kwargs.of("TestEnv", Map.of("g", Double.NaN)).number("g", 0), "'g'", "NaN");
        assertMessage(() -> Kwargs.of("TestEnv", Map.of("w", -0.5)).nonNegative("w", 0), "'w'", ">= 0", "-0.5");
        assertMessage(() -> Kwargs.of("TestEnv", Map.of("n", 0)).intInRange("n", 1, 1, 1000), "'n'", "[1, 1000]");
        assertMessage(() -> Kwargs.of("TestEnv", Map.of("n", 2.0)).intInRange("n", 1, 1, 1000), "'n'", "integer");
        assertMessage(() -> Kwargs.of("TestEnv", Map.of("r", List.of(2, 1))).range("r", 0, 1), "'r'", "low <= high");
        assertMessage(() -> Kwargs.of("TestEnv", Map.of("c", "paper")).choice("c", "book", "book", "nips"), "'c'", "\"nips\"");
    }

    @Test
    void unknownKwargsAreRefusedAfterTheReadsListingTheAcceptedOnes() {
        Kwargs k = Kwargs.of("TestEnv", Map.of("gravity", 9.8, "g", 1.0));
        k.renderMode();
        k.finiteNumber("g", 10.0);
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, k::rejectUnknown);
        assertTrue(e.getMessage().contains("'gravity'") && e.getMessage().contains("render_mode, g"), e.getMessage());
    }

    private static void assertMessage(Runnable call, String... parts) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, call::run);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' should mention " + part);
        }
    }
}
