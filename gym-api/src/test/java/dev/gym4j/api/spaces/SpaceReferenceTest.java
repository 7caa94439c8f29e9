package dev.gym4j.api.spaces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gym4j.api.testenvs.JsonFixtures;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * gym4j's spaces against real Gymnasium: samples, seeds, flattening and {@code str()} recorded by
 * {@code src/test/resources/spaces/make_reference.py}, compared bit for bit (floats by their raw bits).
 */
class SpaceReferenceTest {

    private static final Map<?, ?> REFERENCE = (Map<?, ?>) JsonFixtures.bigIntegers(
            JsonFixtures.resource(SpaceReferenceTest.class, "/spaces/reference.json"));

    /**
     * Boxes with unbounded or half-bounded elements sample with NumPy's ziggurat {@code normal} and
     * {@code exponential}: kept in a test of their own, so that a failure there points at the
     * Generator's ziggurat rather than at the spaces.
     */
    static final Set<String> NEEDS_ZIGGURAT = Set.of("box_f32_mixed", "box_f64_mixed", "box_i32_unbounded");

    private static Map<?, ?> entries() {
        return (Map<?, ?>) REFERENCE.get("spaces");
    }

    @Test
    void everyReferenceSpaceIsBuiltInJava() {
        assertEquals(entries().keySet(), ReferenceSpaces.spaces().keySet());
    }

    @TestFactory
    List<DynamicTest> reprAndFlatteningMatchGymnasium() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Supplier<Space<?>>> e : ReferenceSpaces.spaces().entrySet()) {
            Map<?, ?> ref = (Map<?, ?>) entries().get(e.getKey());
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
                Space<?> space = e.getValue().get();
                assertEquals(ref.get("str"), space.toString());
                assertEquals(((BigInteger) ref.get("flatdim")).intValue(), Spaces.flatdim(space));
                assertEquals(ref.get("flatten_space_str"), Spaces.flattenSpace(space).toString());
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> samplesMatchGymnasiumBitForBit() {
        return sampleTests(false);
    }

    /** Apart from the others: these depend on the Generator's ziggurat normal/exponential being NumPy's. */
    @TestFactory
    List<DynamicTest> unboundedBoxSamplesMatchGymnasiumBitForBit() {
        return sampleTests(true);
    }

    private List<DynamicTest> sampleTests(boolean ziggurat) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Supplier<Space<?>>> e : ReferenceSpaces.spaces().entrySet()) {
            if (NEEDS_ZIGGURAT.contains(e.getKey()) != ziggurat) {
                continue;
            }
            Map<?, ?> ref = (Map<?, ?>) entries().get(e.getKey());
            for (Object r : (List<?>) ref.get("runs")) {
                Map<?, ?> run = (Map<?, ?>) r;
                BigInteger seed = new BigInteger((String) run.get("seed"));
                tests.add(DynamicTest.dynamicTest(e.getKey() + " seed " + seed, () -> checkRun(e.getValue().get(), seed, run)));
            }
        }
        return tests;
    }

    private static void checkRun(Space<?> space, BigInteger seed, Map<?, ?> run) {
        if (seed.bitLength() < 63) {
            List<Long> used = space.seed(seed.longValue());
            checkSeeds(seed, run.get("seed_result"), toBig(used).iterator(), space);
        } else {
            List<BigInteger> used = space.seed(seed);
            checkSeeds(seed, run.get("seed_result"), used.iterator(), space);
        }
        List<Object> samples = new ArrayList<>();
        List<?> expected = (List<?>) run.get("samples");
        for (int i = 0; i < expected.size(); i++) {
            Object sample = space.sample();
            samples.add(sample);
            assertEquals(expected.get(i), encode(space, sample), "sample " + i);
            assertEquals(null, space.whyNotContained(sample));
        }
        List<?> flattened = (List<?>) run.get("flattened");
        for (int i = 0; i < flattened.size(); i++) {
            Map<?, ?> flat = (Map<?, ?>) flattened.get(i);
            Box<?> flatSpace = Spaces.flattenSpace(space);
            assertEquals(flat.get("dtype"), flatSpace.dtype().numpyName());
            assertEquals(flat.get("values"), encode(flatSpace, Spaces.flatten(space, samples.get(i))), "flattened " + i);
        }
    }

    private static List<BigInteger> toBig(List<Long> seeds) {
        List<BigInteger> out = new ArrayList<>();
        for (long s : seeds) {
            out.add(BigInteger.valueOf(s));
        }
        return out;
    }

    /**
     * Gymnasium returns the seed for a simple space, and the subspaces' results (a tuple or dict) for a
     * composite one; gym4j returns the seed first, then the subspaces' results flattened.
     */
    private static void checkSeeds(BigInteger seed, Object expected, Iterator<BigInteger> actual, Space<?> space) {
        assertEquals(seed, actual.next());
        checkSubseeds(expected, actual, space);
    }

    /** After a space's own seed: nothing for a simple space, each subspace's seeds for a composite one. */
    private static void checkSubseeds(Object expected, Iterator<BigInteger> actual, Space<?> space) {
        List<Space<?>> children = space instanceof TupleSpace ? ((TupleSpace) space).spaces()
                : space instanceof DictSpace ? new ArrayList<>(((DictSpace) space).spaces().values()) : List.of();
        if (children.isEmpty()) {
            return;
        }
        List<?> expectedChildren = expected instanceof Map ? new ArrayList<>(((Map<?, ?>) expected).values()) : (List<?>) expected;
        for (int i = 0; i < children.size(); i++) {
            Space<?> child = children.get(i);
            Object childExpected = expectedChildren.get(i);
            if (child instanceof TupleSpace || child instanceof DictSpace) {
                actual.next(); // the composite child's own seed, which Gymnasium does not return
                checkSubseeds(childExpected, actual, child);
            } else {
                assertEquals(childExpected, actual.next());
            }
        }
    }

    /** A value in make_reference.py's encoding: floats as raw bits, integers as integers. */
    static Object encode(Space<?> space, Object value) {
        if (space instanceof TupleSpace) {
            List<Object> out = new ArrayList<>();
            List<Space<?>> spaces = ((TupleSpace) space).spaces();
            for (int i = 0; i < spaces.size(); i++) {
                out.add(encode(spaces.get(i), ((List<?>) value).get(i)));
            }
            return out;
        }
        if (space instanceof DictSpace) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Space<?>> e : ((DictSpace) space).spaces().entrySet()) {
                out.put(e.getKey(), encode(e.getValue(), ((Map<?, ?>) value).get(e.getKey())));
            }
            return out;
        }
        if (space instanceof Discrete) {
            return BigInteger.valueOf((Integer) value);
        }
        List<Object> out = new ArrayList<>();
        if (value instanceof float[]) {
            for (float f : (float[]) value) {
                out.add(BigInteger.valueOf(Float.floatToRawIntBits(f) & 0xffffffffL));
            }
        } else if (value instanceof double[]) {
            for (double d : (double[]) value) {
                out.add(new BigInteger(Long.toUnsignedString(Double.doubleToRawLongBits(d))));
            }
        } else {
            DType dtype = space.dtype();
            int n = java.lang.reflect.Array.getLength(value);
            for (int i = 0; i < n; i++) {
                out.add(BigInteger.valueOf(PrimitiveArrays.getLong(dtype, value, i)));
            }
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> maskedDiscreteSamplesMatchGymnasium() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Object o : (List<?>) REFERENCE.get("masked_discrete")) {
            Map<?, ?> entry = (Map<?, ?>) o;
            List<?> mask = (List<?>) entry.get("mask");
            BigInteger seed = new BigInteger((String) entry.get("seed"));
            tests.add(DynamicTest.dynamicTest("mask " + mask + " seed " + seed, () -> {
                Discrete space = new Discrete(6, 3);
                space.seed(seed);
                byte[] m = new byte[mask.size()];
                for (int i = 0; i < m.length; i++) {
                    m[i] = ((BigInteger) mask.get(i)).byteValue();
                }
                List<BigInteger> actual = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    actual.add(BigInteger.valueOf(space.sample(m)));
                }
                assertEquals(entry.get("samples"), actual);
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> boxReprsMatchGymnasium() {
        Map<?, ?> expected = (Map<?, ?>) REFERENCE.get("box_reprs");
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("every repr case is built", () ->
                assertEquals(expected.keySet(), ReferenceSpaces.reprBoxes().keySet())));
        for (Map.Entry<String, Box<?>> e : ReferenceSpaces.reprBoxes().entrySet()) {
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> assertEquals(expected.get(e.getKey()), e.getValue().toString())));
        }
        return tests;
    }
}
