package dev.gym4j.api.random;

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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every value in the shared reference file {@code gymref/seeding.json} (made with NumPy 1.24.2 and
 * Gymnasium 1.4.0; seeds of {@code 2^64} and more with NumPy 2.4.6), reproduced bit for bit.
 */
class SeedingVectorsTest {

    private static final Map<String, Object> DATA = obj(JsonFixtures.resource(SeedingVectorsTest.class, "/gymref/seeding.json"));

    @TestFactory
    Stream<DynamicTest> everySeed() {
        Map<String, Object> seeds = obj(DATA.get("seeds"));
        assertTrue(seeds.size() >= 11, "expected the 11 seeds of seeding.json, got " + seeds.keySet());
        return seeds.entrySet().stream().flatMap(e -> {
            BigInteger seed = new BigInteger(e.getKey());
            Map<String, Object> v = obj(e.getValue());
            String name = "seed " + e.getKey();
            return Stream.of(
                    DynamicTest.dynamicTest(name + ": SeedSequence", () -> checkSeedSequence(seed, v)),
                    DynamicTest.dynamicTest(name + ": PCG64", () -> checkPcg64(seed, v)),
                    DynamicTest.dynamicTest(name + ": Generator", () -> checkGenerator(seed, v)),
                    DynamicTest.dynamicTest(name + ": spaces", () -> checkSpaceSamples(seed, v)));
        });
    }

    private static void checkSeedSequence(BigInteger seed, Map<String, Object> v) {
        SeedSequence seq = new SeedSequence(seed);
        Object returned = v.get("np_random_returned_seed"); // a number, or a decimal string past 2^63
        String returnedText = returned instanceof Number ? returned.toString() : (String) returned;
        assertEquals(new BigInteger(returnedText), seq.entropy(), "returned seed");
        assertArrayEquals(ints(v.get("seedsequence_entropy_words_u32")), seq.entropyWords(), "entropy words");
        assertArrayEquals(hexInts(v.get("seedsequence_pool_u32")), seq.pool(), "pool");
        long[] state = seq.generateState64(4);
        assertArrayEquals(hexLongs(v.get("generate_state_4_uint64")), state, "generate_state(4, uint64)");
        int[] words = seq.generateState32(8);
        for (int k = 0; k < 4; k++) {
            assertEquals(state[k], Integer.toUnsignedLong(words[2 * k]) | ((long) words[2 * k + 1] << 32));
        }
    }

    private static void checkPcg64(BigInteger seed, Map<String, Object> v) {
        PCG64 pcg = new PCG64(new SeedSequence(seed));
        Map<String, Object> after = obj(v.get("pcg64_after_seeding"));
        assertEquals(hex(after.get("state")), pcg.state(), "state");
        assertEquals(hex(after.get("inc")), pcg.increment(), "inc");
        assertEquals(longValue(after.get("has_uint32")) != 0, pcg.hasUint32(), "has_uint32");
        assertEquals(longValue(after.get("uinteger")), Integer.toUnsignedLong(pcg.uinteger()), "uinteger");
        long[] expected = hexLongs(v.get("random_raw_first8"));
        long[] actual = new long[expected.length];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = pcg.nextLong();
        }
        assertArrayEquals(expected, actual, "random_raw()");
    }

    private static void checkGenerator(BigInteger seed, Map<String, Object> v) {
        Generator g = Generator.fromSeed(seed);
        assertBitsEqual(doubles(v.get("default_rng_random_first8")), draw(8, g::random), "random()");

        g = Generator.fromSeed(seed);
        double[] uniform = new double[8];
        double[] first = new double[4];
        double[] second = new double[4];
        g.uniform(-0.05, 0.05, first);
        g.uniform(-0.05, 0.05, second);
        System.arraycopy(first, 0, uniform, 0, 4);
        System.arraycopy(second, 0, uniform, 4, 4);
        assertBitsEqual(doubles(v.get("np_random_uniform(-0.05,0.05,size=(4,))_twice")), uniform, "uniform(size=4) twice");

        g = Generator.fromSeed(seed);
        long[] ints = new long[8];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = g.integers(2);
        }
        assertArrayEquals(longs(v.get("np_random_integers(2)_first8")), ints, "integers(2)");
    }

    private static void checkSpaceSamples(BigInteger seed, Map<String, Object> v) {
        Object discrete = v.get("space_seed_then_sample10:Discrete(3)");
        if (discrete != null) {
            assertArrayEquals(longs(discrete), discreteSamples(seed, 3, 10), "Discrete(3)");
        }
        Object box = v.get("space_seed_then_sample10:Box(-2,2,(1,),float32)");
        if (box != null) {
            assertBitsEqual(doubles(box), boxSamples(seed, -2.0f, 2.0f, 10), "Box(-2,2,(1,),float32)");
        }
    }

    @Test
    void spaceSamples() {
        Map<String, Object> spaces = obj(DATA.get("space_samples"));
        for (int n : new int[] {2, 3}) {
            for (Map.Entry<String, Object> e : obj(spaces.get("Discrete(" + n + ")")).entrySet()) {
                BigInteger seed = new BigInteger(e.getKey());
                Map<String, Object> s = obj(e.getValue());
                assertEquals(seed, new BigInteger(s.get("seed_returned").toString()));
                assertArrayEquals(longs(s.get("first10")), discreteSamples(seed, n, 10), "Discrete(" + n + ") seed " + seed);
            }
        }
        for (Map.Entry<String, Object> e : obj(spaces.get("Box(-2.0,2.0,(1,),float32)")).entrySet()) {
            BigInteger seed = new BigInteger(e.getKey());
            List<Object> rows = list(obj(e.getValue()).get("first10"));
            double[] expected = new double[rows.size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = doubleValue(list(rows.get(i)).get(0));
            }
            assertBitsEqual(expected, boxSamples(seed, -2.0f, 2.0f, 10), "Box seed " + seed);
        }
    }

    @Test
    void cartPoleResetObservation() {
        Map<String, Object> reset = obj(DATA.get("cartpole_reset_seed42"));
        double[] uniform = new double[4];
        Generator.fromSeed(42).uniform(-0.05, 0.05, uniform);
        double[] asFloat32 = new double[4];
        for (int i = 0; i < 4; i++) {
            asFloat32[i] = (float) uniform[i];
        }
        assertBitsEqual(doubles(reset.get("obs")), asFloat32, "CartPole reset(seed=42) observation");
        assertBitsEqual(doubles(reset.get("np_random(42).uniform(-0.05,0.05,(4,)) as float32")), asFloat32, "as float32");
    }

    /** {@code Discrete(n)} seeded with {@code seed}, sampled: {@code start + integers(n)} with start 0. */
    private static long[] discreteSamples(BigInteger seed, int n, int count) {
        Generator g = Generator.fromSeed(seed);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = g.integers(n);
        }
        return out;
    }

    /** A bounded float32 {@code Box} of shape (1,): {@code (float) uniform(low, high)} per sample. */
    private static double[] boxSamples(BigInteger seed, float low, float high, int count) {
        Generator g = Generator.fromSeed(seed);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = (float) g.uniform(low, high);
        }
        return out;
    }

    static void assertBitsEqual(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            long e = Double.doubleToRawLongBits(expected[i]);
            long a = Double.doubleToRawLongBits(actual[i]);
            if (e != a) {
                throw new AssertionError(what + ": element " + i + " expected " + expected[i] + " (0x"
                        + Long.toHexString(e) + ") but was " + actual[i] + " (0x" + Long.toHexString(a) + ")");
            }
        }
    }

    private interface DoubleDraw {
        double next();
    }

    private static double[] draw(int n, DoubleDraw d) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = d.next();
        }
        return out;
    }

    static BigInteger hex(Object value) {
        String s = (String) value;
        if (!s.startsWith("0x")) {
            throw new IllegalArgumentException("not a hex string: " + s);
        }
        return new BigInteger(s.substring(2), 16);
    }

    static long[] hexLongs(Object value) {
        List<Object> items = list(value);
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = hex(items.get(i)).longValue();
        }
        return out;
    }

    private static int[] hexInts(Object value) {
        List<Object> items = list(value);
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = hex(items.get(i)).intValue();
        }
        return out;
    }

    private static int[] ints(Object value) {
        List<Object> items = list(value);
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) longValue(items.get(i));
        }
        return out;
    }
}
