package dev.gym4j.api.spaces;

import dev.gym4j.api.InvalidActionException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Properties every space must have, over generated spaces of every kind. */
class SpaceProperties {

    @Provide
    Arbitrary<Space<?>> spaces() {
        return SpaceArbitraries.spaces();
    }

    @Property(tries = 200)
    void samplesAreContainedAndAreValidActions(@ForAll("spaces") Space<?> space, @ForAll @LongRange(min = 0) long seed) {
        space.seed(seed);
        for (int i = 0; i < 3; i++) {
            Object x = space.sample();
            assertTrue(space.contains(x), () -> space + " does not contain its sample " + space.valueToString(x));
            assertNull(space.whyNotContained(x));
            InvalidActionException.requireValid(space, x);
        }
    }

    @Property(tries = 200)
    @SuppressWarnings({"unchecked", "rawtypes"})
    void flattenThenUnflattenGivesTheValueBack(@ForAll("spaces") Space<?> space, @ForAll @LongRange(min = 0) long seed) {
        space.seed(seed);
        Object x = space.sample();
        Object flat = Spaces.flatten(space, x);
        Box<?> flatSpace = Spaces.flattenSpace(space);
        assertEquals(Spaces.flatdim(space), flatSpace.size());
        assertEquals(flatSpace.dtype().arrayType(), flat.getClass());
        assertTrue(flatSpace.contains(flat), () -> flatSpace + " does not contain " + flatSpace.valueToString(flat));
        Object back = Spaces.unflatten(space, flat);
        assertTrue(space.valuesEqual(x, back), () -> space.valueToString(x) + " came back as " + space.valueToString(back));
        assertTrue(space.contains(back));
        Object copy = ((Space) space).copyValue(x);
        assertTrue(space.valuesEqual(x, copy));
    }

    @Property(tries = 200)
    void theSameSeedGivesTheSameSamples(@ForAll("spaces") Space<?> space, @ForAll @LongRange(min = 0) long seed) {
        List<Long> firstSeeds = space.seed(seed);
        List<Object> first = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            first.add(space.sample());
        }
        assertEquals(firstSeeds, space.seed(seed));
        for (int i = 0; i < 3; i++) {
            Object again = space.sample();
            Object expected = first.get(i);
            assertTrue(space.valuesEqual(expected, again), () -> space.valueToString(expected) + " vs " + space.valueToString(again));
        }
    }

    @Property(tries = 200)
    void containsRejectsWrongShapeDtypeBoundsAndNaN(@ForAll("spaces") Space<?> space, @ForAll @LongRange(min = 0) long seed) {
        space.seed(seed);
        Object x = space.sample();
        Map<String, Object> invalid = invalidVariants(space, x);
        assertFalse(invalid.isEmpty());
        for (Map.Entry<String, Object> e : invalid.entrySet()) {
            assertFalse(space.contains(e.getValue()), () -> space + " accepts " + e.getKey());
            assertNotNull(space.whyNotContained(e.getValue()), () -> space + " has no reason to refuse " + e.getKey());
        }
        assertFalse(space.contains(null));
    }

    /** Values that differ from a valid one in one way only, each named for what is wrong. */
    static Map<String, Object> invalidVariants(Space<?> space, Object valid) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (space instanceof Box) {
            boxVariants((Box<?>) space, valid, out);
        } else if (space instanceof Discrete) {
            Discrete d = (Discrete) space;
            out.put("above the range", d.start() + d.n());
            out.put("below the range", d.start() - 1);
            out.put("a Double", (double) d.start());
            out.put("a String", "0");
        } else if (space instanceof MultiDiscrete) {
            long[] v = (long[]) valid;
            long[] nvec = ((MultiDiscrete) space).nvec();
            long[] start = ((MultiDiscrete) space).start();
            out.put("wrong shape", new long[v.length + 1]);
            out.put("wrong dtype", new int[v.length]);
            long[] above = v.clone();
            above[0] = start[0] + nvec[0];
            out.put("out of range", above);
        } else if (space instanceof MultiBinary) {
            byte[] v = (byte[]) valid;
            out.put("wrong shape", new byte[v.length + 1]);
            out.put("wrong dtype", new int[v.length]);
            byte[] two = v.clone();
            two[0] = 2;
            out.put("not a bit", two);
        } else if (space instanceof TupleSpace) {
            List<?> v = (List<?>) valid;
            List<Space<?>> spaces = ((TupleSpace) space).spaces();
            List<Object> longer = new ArrayList<>(v);
            longer.add(0);
            out.put("wrong length", longer);
            for (Map.Entry<String, Object> e : invalidVariants(spaces.get(0), v.get(0)).entrySet()) {
                List<Object> bad = new ArrayList<>(v);
                bad.set(0, e.getValue());
                out.put("element 0 " + e.getKey(), bad);
            }
        } else if (space instanceof DictSpace) {
            Map<?, ?> v = (Map<?, ?>) valid;
            Map<String, Space<?>> spaces = ((DictSpace) space).spaces();
            String key = spaces.keySet().iterator().next();
            Map<Object, Object> missing = new LinkedHashMap<>(v);
            missing.remove(key);
            out.put("missing key", missing);
            Map<Object, Object> extra = new LinkedHashMap<>(v);
            extra.put("zzz-extra", 0);
            out.put("extra key", extra);
            for (Map.Entry<String, Object> e : invalidVariants(spaces.get(key), v.get(key)).entrySet()) {
                Map<Object, Object> bad = new LinkedHashMap<>(v);
                bad.put(key, e.getValue());
                out.put("key " + key + " " + e.getKey(), bad);
            }
        } else {
            throw new AssertionError(space);
        }
        return out;
    }

    private static void boxVariants(Box<?> box, Object valid, Map<String, Object> out) {
        DType dtype = box.dtype();
        out.put("wrong shape", PrimitiveArrays.newArray(dtype, box.size() + 1));
        DType other = dtype == DType.FLOAT32 ? DType.FLOAT64 : dtype == DType.INT64 ? DType.INT32
                : dtype == DType.FLOAT64 ? DType.FLOAT32 : DType.INT64;
        out.put("wrong dtype", PrimitiveArrays.newArray(other, box.size()));
        double[] low = box.low();
        double[] high = box.high();
        boolean[] above = box.boundedAbove();
        boolean[] below = box.boundedBelow();
        for (int i = 0; i < box.size(); i++) {
            long max = dtype.isFloat() ? Long.MAX_VALUE : BoxBounds.maxOf(dtype);
            long min = dtype.isFloat() ? Long.MIN_VALUE : BoxBounds.minOf(dtype);
            Object bad = PrimitiveArrays.copy(valid);
            if (above[i] && high[i] + 1 <= max) {
                PrimitiveArrays.setFromDouble(dtype, bad, i, high[i] + 1);
                out.put("above the bound at " + i, bad);
                break;
            }
            if (below[i] && low[i] - 1 >= min) {
                PrimitiveArrays.setFromDouble(dtype, bad, i, low[i] - 1);
                out.put("below the bound at " + i, bad);
                break;
            }
        }
        if (dtype.isFloat() && box.size() > 0) {
            Object nan = PrimitiveArrays.copy(valid);
            PrimitiveArrays.setFromDouble(dtype, nan, box.size() - 1, Double.NaN);
            out.put("NaN", nan);
        }
    }

    @Property(tries = 100)
    @SuppressWarnings({"unchecked", "rawtypes"})
    void checkActionAcceptsFiniteBoxValuesOutsideTheBoundsButNotNaN(@ForAll("spaces") Space<?> space, @ForAll @LongRange(min = 0) long seed) {
        if (!(space instanceof Box) || !space.dtype().isFloat() || ((Box<?>) space).size() == 0) {
            return;
        }
        Box<?> box = (Box<?>) space;
        box.seed(seed);
        Object x = box.sample();
        Object far = PrimitiveArrays.copy(x);
        PrimitiveArrays.setFromDouble(box.dtype(), far, 0, box.high()[0] + 1e3);
        InvalidActionException.requireValid(box, far);
        Object nan = PrimitiveArrays.copy(x);
        PrimitiveArrays.setFromDouble(box.dtype(), nan, 0, Double.NaN);
        dev.gym4j.api.InvalidActionException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.gym4j.api.InvalidActionException.class, () -> InvalidActionException.requireValid(box, nan));
        assertTrue(e.getMessage().contains(box.toString()), e.getMessage());
        Object clipped = ((Box) box).clip(far);
        assertTrue(box.contains(clipped), () -> box + " does not contain the clipped " + box.valueToString(clipped));
    }
}
