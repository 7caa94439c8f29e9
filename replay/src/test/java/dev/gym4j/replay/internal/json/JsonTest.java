package dev.gym4j.replay.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesEveryKindOfValue() {
        Object v = Json.parse(" {\"a\": [1, -2, 3.5, 1e3, true, false, null, \"x\\ny\\u00e9\"], \"b\": {}} ");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", Arrays.asList(1L, -2L, 3.5, 1000.0, true, false, null, "x\ny\u00e9"));
        expected.put("b", Map.of());
        assertEquals(expected, v);
    }

    @Test
    void integersAreLongWhenTheyFitElseBigInteger() {
        assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
        assertEquals(new BigInteger("18446744073709551616"), Json.parse("18446744073709551616"));
        assertEquals(1.0, Json.parse("1.0"));
        assertEquals(0L, Json.parse("-0"));
    }

    @Test
    void acceptsPythonsNonFiniteTokens() {
        assertEquals(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY),
                Json.parse("[NaN,Infinity,-Infinity]"));
        assertEquals("[NaN,Infinity,-Infinity]",
                Json.write(new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}));
    }

    @Test
    void keepsKeyOrder() {
        Map<String, Object> m = Json.parseObject("{\"z\":1,\"a\":2,\"m\":3}");
        assertEquals(List.of("z", "a", "m"), List.copyOf(m.keySet()));
        assertEquals("{\"z\":1,\"a\":2,\"m\":3}", Json.write(m));
    }

    @Test
    void rejectsMalformedTextWithPosition() {
        for (String bad : List.of("", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "nul", "\"abc", "[1] 2", "+1", "NaNx",
                "{'a':1}", "\"\\x\"", "[1 2]")) {
            JsonException e = assertThrows(JsonException.class, () -> Json.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("Invalid JSON at line 1, column "), e.getMessage());
        }
        assertThrows(JsonException.class, () -> Json.parse("[".repeat(10_000)));
        assertThrows(JsonException.class, () -> Json.parseObject("[1]"));
    }

    @Test
    void writesLikePythonsJsonDumps() {
        assertEquals("[1.0,0.1,-0.0,0.0,100.0,1e+16,9999999999999998.0,0.0001,1e-05,5e-324,1.7976931348623157e+308]",
                Json.write(new double[] {1.0, 0.1, -0.0, 0.0, 100.0, 1e16, 9999999999999998.0, 1e-4, 1e-5,
                    Double.MIN_VALUE, Double.MAX_VALUE}));
        assertEquals("[0.30000000000000004,0.3333333333333333,2e-07,1.5e+300,123456789.0,1e+22]",
                Json.write(List.of(0.1 + 0.2, 1.0 / 3, 2e-7, 1.5e300, 123456789.0, 1e22)));
        assertEquals("[0.10000000149011612,1,2,true,null,\"a\\\"b\\\\c\\u0001\"]",
                Json.write(Arrays.asList(0.1f, 1, 2L, true, null, "a\"b\\c\u0001")));
        assertEquals("[[1,-1],[0,255]]", Json.write(new Object[] {new byte[] {1, -1}, new int[] {0, 255}}));
    }

    @Test
    void reproducesEveryPythonReprInTheReferenceData() throws IOException {
        int n = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                JsonTest.class.getResourceAsStream("python-float-reprs.txt"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                assertEquals(line, Json.formatDouble(Double.parseDouble(line)));
                n++;
            }
        }
        assertTrue(n > 3000, "read " + n + " reprs");
    }

    @Test
    void writtenDoublesParseBackToTheSameBits() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double d = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : (double) Float.intBitsToFloat(random.nextInt());
            if (Double.isNaN(d)) {
                continue;
            }
            String text = Json.formatDouble(d);
            double back = (Double) Json.parse(text);
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(back), text);
            String java = Double.toString(Math.abs(d));
            assertTrue(significant(text) <= significant(java), text + " longer than " + java);
        }
    }

    private static int significant(String repr) {
        String mantissa = repr.replaceFirst("[eE].*", "").replace("-", "").replace(".", "");
        return mantissa.replaceFirst("^0+(?=.)", "").replaceFirst("(?<=.)0+$", "").length();
    }
}
