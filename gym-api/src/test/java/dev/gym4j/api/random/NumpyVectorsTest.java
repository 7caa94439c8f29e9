package dev.gym4j.api.random;

import static dev.gym4j.api.random.SeedingVectorsTest.assertBitsEqual;
import static dev.gym4j.api.random.SeedingVectorsTest.hex;
import static dev.gym4j.api.testenvs.JsonFixtures.doubleValue;
import static dev.gym4j.api.testenvs.JsonFixtures.doubles;
import static dev.gym4j.api.testenvs.JsonFixtures.list;
import static dev.gym4j.api.testenvs.JsonFixtures.longValue;
import static dev.gym4j.api.testenvs.JsonFixtures.longs;
import static dev.gym4j.api.testenvs.JsonFixtures.obj;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.testenvs.JsonFixtures;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks {@link Generator} against {@code gymref/numpy_generator_vectors.json}, recorded from
 * NumPy 2.4.6 and identical under NumPy 1.24.2 (see {@code gen_numpy_vectors.py} next to it):
 * ziggurat normals and exponentials (explicit values, and SHA-256 digests of 100,000 draws per
 * seed, which pass through the rare tail and wedge branches a few hundred times), int8 and wide
 * int64 ranges, and a script mixing all methods. After every case the PCG64 state, including the
 * saved 32-bit half, must match too.
 */
class NumpyVectorsTest {

    private static final Map<String, Object> DATA = obj(JsonFixtures.resource(NumpyVectorsTest.class, "/gymref/numpy_generator_vectors.json"));
    private static final int BULK_N = 100_000;

    /** Each case of the JSON file, as the same calls on a fresh generator; results are double[] or long[]. */
    private static final Map<String, Function<Generator, Object>> CASES = new LinkedHashMap<>();

    static {
        CASES.put("standard_normal(1000)", g -> fill(1000, g::standardNormal));
        CASES.put("standard_exponential(1000)", g -> fill(1000, g::standardExponential));
        CASES.put("normal(1.5,2.5,size=200)", g -> repeat(200, () -> g.normal(1.5, 2.5)));
        CASES.put("exponential(3.0,size=200)", g -> repeat(200, () -> g.exponential(3.0)));
        CASES.put("normal(-1.0,0.5) x50 scalar", g -> repeat(50, () -> g.normal(-1.0, 0.5)));
        CASES.put("integers(0,2,size=64,dtype=int8)", g -> int8Fill(g, 0, 2, 64));
        CASES.put("integers(-128,128,size=40,dtype=int8)", g -> int8Fill(g, -128, 128, 40));
        CASES.put("integers(-5,7,size=40,dtype=int8)", g -> int8Fill(g, -5, 7, 40));
        CASES.put("integers(0,3,dtype=int8) x20 scalar", g -> repeatLong(20, () -> g.integersInt8(0, 3)));
        CASES.put("integers(4,5,size=10,dtype=int8)", g -> int8Fill(g, 4, 5, 10));
        CASES.put("integers(0,2**40,size=100)", g -> int64Fill(g, 0, 1L << 40, 100));
        CASES.put("integers(-2**62,2**62,size=100)", g -> int64Fill(g, -(1L << 62), 1L << 62, 100));
        CASES.put("integers(-2**63,2**63-1,size=50)", g -> int64Fill(g, Long.MIN_VALUE, Long.MAX_VALUE, 50));
        CASES.put("integers(0,2**32,size=50)", g -> int64Fill(g, 0, 1L << 32, 50));
        CASES.put("integers(0,2**32+1,size=50)", g -> int64Fill(g, 0, (1L << 32) + 1, 50));
        CASES.put("integers(10,2**31+10,size=50)", g -> int64Fill(g, 10, (1L << 31) + 10, 50));
        CASES.put("integers(7,8,size=10)", g -> int64Fill(g, 7, 8, 10));
        CASES.put("integers(-3,1000) x30 scalar", g -> repeatLong(30, () -> g.integers(-3, 1000)));
    }

    @Test
    void fileWasMadeByNumpyAndCoversSevenSeeds() {
        assertTrue(((String) DATA.get("numpy_version")).matches("\\d+\\.\\d+.*"));
        assertEquals(7, obj(DATA.get("seeds")).size());
    }

    @TestFactory
    Stream<DynamicTest> cases() {
        return seeds().flatMap(e -> {
            BigInteger seed = new BigInteger(e.getKey());
            Map<String, Object> entry = obj(e.getValue());
            return entry.entrySet().stream()
                    .filter(c -> c.getKey().indexOf("sha256") < 0 && !c.getKey().equals("mixed_ops"))
                    .map(c -> DynamicTest.dynamicTest("seed " + seed + ": " + c.getKey(), () -> {
                        Function<Generator, Object> call = CASES.get(c.getKey());
                        if (call == null) {
                            throw new AssertionError("no Java counterpart for case " + c.getKey());
                        }
                        Map<String, Object> expected = obj(c.getValue());
                        Generator g = Generator.fromSeed(seed);
                        assertResult(expected.get("values"), call.apply(g), c.getKey());
                        assertState(obj(expected.get("state_after")), g.bitGenerator());
                    }));
        });
    }

    @TestFactory
    Stream<DynamicTest> mixedOperations() {
        return seeds().map(e -> DynamicTest.dynamicTest("seed " + e.getKey() + ": mixed_ops", () -> {
            Map<String, Object> mixed = obj(obj(e.getValue()).get("mixed_ops"));
            List<Object> ops = list(mixed.get("ops"));
            List<Object> results = list(mixed.get("results"));
            Generator g = Generator.fromSeed(new BigInteger(e.getKey()));
            for (int i = 0; i < ops.size(); i++) {
                List<Object> op = list(ops.get(i));
                assertResult(results.get(i), apply(g, op), "op " + i + " " + op.get(0));
            }
            assertState(obj(mixed.get("state_after")), g.bitGenerator());
        }));
    }

    @TestFactory
    Stream<DynamicTest> bulkDigests() {
        return seeds().flatMap(e -> {
            BigInteger seed = new BigInteger(e.getKey());
            Map<String, Object> entry = obj(e.getValue());
            return Stream.of(
                    DynamicTest.dynamicTest("seed " + seed + ": standard_normal(" + BULK_N + ")", () -> {
                        Generator g = Generator.fromSeed(seed);
                        double[] out = new double[BULK_N];
                        g.standardNormal(out);
                        Map<String, Object> expected = obj(entry.get("standard_normal(" + BULK_N + ") sha256"));
                        assertEquals(expected.get("sha256"), sha256(out));
                        assertState(obj(expected.get("state_after")), g.bitGenerator());
                    }),
                    DynamicTest.dynamicTest("seed " + seed + ": standard_exponential(" + BULK_N + ")", () -> {
                        Generator g = Generator.fromSeed(seed);
                        double[] out = new double[BULK_N];
                        g.standardExponential(out);
                        Map<String, Object> expected = obj(entry.get("standard_exponential(" + BULK_N + ") sha256"));
                        assertEquals(expected.get("sha256"), sha256(out));
                        assertState(obj(expected.get("state_after")), g.bitGenerator());
                    }));
        });
    }

    private static Object apply(Generator g, List<Object> op) {
        String name = (String) op.get(0);
        switch (name) {
            case "random":
                return g.random();
            case "integers":
                return g.integers(longValue(op.get(1)), longValue(op.get(2)));
            case "integers_int8":
                return int8Fill(g, (int) longValue(op.get(1)), (int) longValue(op.get(2)), (int) longValue(op.get(3)));
            case "standard_normal":
                return g.standardNormal();
            case "standard_exponential":
                return g.standardExponential();
            case "uniform":
                return g.uniform(doubleValue(op.get(1)), doubleValue(op.get(2)));
            case "normal":
                return g.normal(doubleValue(op.get(1)), doubleValue(op.get(2)));
            case "exponential":
                return g.exponential(doubleValue(op.get(1)));
            default:
                throw new AssertionError("unknown op " + name);
        }
    }

    private static void assertResult(Object expected, Object actual, String what) {
        if (actual instanceof double[] d) {
            assertBitsEqual(doubles(expected), d, what);
        } else if (actual instanceof long[] l) {
            assertArrayEquals(longs(expected), l, what);
        } else if (actual instanceof Double d) {
            assertBitsEqual(new double[] {doubleValue(expected)}, new double[] {d}, what);
        } else if (actual instanceof Long l) {
            assertEquals(longValue(expected), l, what);
        } else {
            throw new AssertionError("unexpected result type " + actual);
        }
    }

    private static void assertState(Map<String, Object> expected, PCG64 pcg) {
        assertEquals(hex(expected.get("state")), pcg.state(), "state");
        assertEquals(hex(expected.get("inc")), pcg.increment(), "inc");
        assertEquals(longValue(expected.get("has_uint32")) != 0, pcg.hasUint32(), "has_uint32");
        assertEquals(longValue(expected.get("uinteger")), Integer.toUnsignedLong(pcg.uinteger()), "uinteger");
    }

    private static Stream<Map.Entry<String, Object>> seeds() {
        return obj(DATA.get("seeds")).entrySet().stream();
    }

    private interface DoubleDraw {
        double next();
    }

    private interface LongDraw {
        long next();
    }

    private static double[] fill(int n, java.util.function.Consumer<double[]> filler) {
        double[] out = new double[n];
        filler.accept(out);
        return out;
    }

    private static double[] repeat(int n, DoubleDraw draw) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = draw.next();
        }
        return out;
    }

    private static long[] repeatLong(int n, LongDraw draw) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = draw.next();
        }
        return out;
    }

    private static long[] int8Fill(Generator g, int low, int high, int n) {
        byte[] bytes = new byte[n];
        g.integersInt8(low, high, bytes);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = bytes[i];
        }
        return out;
    }

    private static long[] int64Fill(Generator g, long low, long high, int n) {
        long[] out = new long[n];
        g.integers(low, high, out);
        return out;
    }

    private static String sha256(double[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            bytes.putDouble(v);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
