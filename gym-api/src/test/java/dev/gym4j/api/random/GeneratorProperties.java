package dev.gym4j.api.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Properties of {@link Generator} that hold for every seed and every valid argument. */
class GeneratorProperties {

    @Property(tries = 200)
    void integersStayInRange(@ForAll @LongRange(min = 0) long seed, @ForAll("bounds") Tuple2<Long, Long> bounds) {
        long low = bounds.get1();
        long high = bounds.get2();
        Generator g = Generator.fromSeed(seed);
        for (int i = 0; i < 20; i++) {
            long v = g.integers(low, high);
            assertTrue(v >= low && v < high, v + " not in [" + low + ", " + high + ")");
        }
        long[] out = new long[20];
        g.integers(low, high, out);
        for (long v : out) {
            assertTrue(v >= low && v < high, v + " not in [" + low + ", " + high + ")");
        }
    }

    @Property(tries = 200)
    void int8StaysInRange(@ForAll @LongRange(min = 0) long seed,
                          @ForAll @IntRange(min = -128, max = 127) int low,
                          @ForAll @IntRange(min = 1, max = 256) int width) {
        int high = Math.min(128, low + width);
        Generator g = Generator.fromSeed(seed);
        byte[] out = new byte[33];
        g.integersInt8(low, high, out);
        for (byte v : out) {
            assertTrue(v >= low && v < high, v + " not in [" + low + ", " + high + ")");
        }
        byte one = g.integersInt8(low, high);
        assertTrue(one >= low && one < high);
    }

    @Property(tries = 200)
    void uniformStaysWithinClosedBounds(@ForAll @LongRange(min = 0) long seed,
                                        @ForAll @DoubleRange(min = -1e6, max = 1e6) double low,
                                        @ForAll @DoubleRange(min = 0, max = 1e6) double width) {
        double high = low + width;
        Generator g = Generator.fromSeed(seed);
        for (int i = 0; i < 20; i++) {
            double u = g.uniform(low, high);
            // low + range * r with r < 1 can still round up to high.
            assertTrue(u >= low && u <= high, u + " not in [" + low + ", " + high + "]");
        }
        double r = g.random();
        assertTrue(r >= 0.0 && r < 1.0);
    }

    @Property(tries = 100)
    void sameSeedSameStream(@ForAll @LongRange(min = 0) long seed) {
        Generator a = Generator.fromSeed(seed);
        Generator b = Generator.fromSeed(seed);
        assertArrayEquals(mixedDraws(a), mixedDraws(b));
        assertEquals(a.bitGenerator().state(), b.bitGenerator().state());
    }

    @Property(tries = 100)
    void copyGivesTheSameStream(@ForAll @LongRange(min = 0) long seed, @ForAll @IntRange(max = 50) int warmUp) {
        Generator original = Generator.fromSeed(seed);
        for (int i = 0; i < warmUp; i++) {
            original.integers(3); // leaves the 32-bit half pending on odd counts
        }
        Generator copy = new Generator(original.bitGenerator().copy());
        assertArrayEquals(mixedDraws(original), mixedDraws(copy));
    }

    @Provide
    Arbitrary<Tuple2<Long, Long>> bounds() {
        Arbitrary<Long> anyLong = Arbitraries.longs();
        Arbitrary<Long> width = Arbitraries.oneOf(
                Arbitraries.longs().between(1, 10),
                Arbitraries.longs().between(1, 1L << 32),
                Arbitraries.longs().between(1, Long.MAX_VALUE));
        return Combinators.combine(anyLong, width).as((low, w) -> {
            long high = low + w;
            if (high <= low) { // overflow: shift the interval down instead
                return Tuple.of(Long.MAX_VALUE - w, Long.MAX_VALUE);
            }
            return Tuple.of(low, high);
        });
    }

    /** A mix of every method, as raw bits, so streams can be compared exactly. */
    private static long[] mixedDraws(Generator g) {
        long[] out = new long[60];
        for (int i = 0; i < out.length; i += 6) {
            out[i] = Double.doubleToRawLongBits(g.random());
            out[i + 1] = g.integers(0, 7);
            out[i + 2] = Double.doubleToRawLongBits(g.standardNormal());
            out[i + 3] = g.integers(-5, 1L << 40);
            out[i + 4] = Double.doubleToRawLongBits(g.standardExponential());
            out[i + 5] = g.integersInt8(0, 2);
        }
        return out;
    }
}
