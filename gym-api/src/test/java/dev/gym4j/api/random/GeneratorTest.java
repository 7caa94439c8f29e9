package dev.gym4j.api.random;

import static dev.gym4j.api.random.SeedingVectorsTest.assertBitsEqual;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class GeneratorTest {

    @Test
    void fromSeedIsGeneratorOverPcg64OverSeedSequence() {
        Generator a = Generator.fromSeed(11);
        Generator b = new Generator(new PCG64(new SeedSequence(11)));
        Generator c = Generator.fromSeed(BigInteger.valueOf(11));
        for (int i = 0; i < 10; i++) {
            double x = a.random();
            assertEquals(x, b.random());
            assertEquals(x, c.random());
        }
        assertThrows(IllegalArgumentException.class, () -> Generator.fromSeed(-1));
        assertThrows(NullPointerException.class, () -> new Generator(null));
    }

    @Test
    void bitGeneratorIsSharedNotCopied() {
        PCG64 pcg = new PCG64(new SeedSequence(1));
        Generator g = new Generator(pcg);
        assertSame(pcg, g.bitGenerator());
        PCG64 twin = pcg.copy();
        g.random();
        twin.nextLong();
        assertEquals(twin.state(), pcg.state());
    }

    @Test
    void randomUsesTheTop53Bits() {
        Generator g = Generator.fromSeed(0);
        PCG64 reference = new PCG64(new SeedSequence(0));
        for (int i = 0; i < 100; i++) {
            assertEquals((reference.nextLong() >>> 11) * 0x1.0p-53, g.random());
        }
    }

    @Test
    void arrayFillsMatchScalarCalls() {
        double[] filled = new double[7];
        Generator.fromSeed(8).random(filled);
        Generator g = Generator.fromSeed(8);
        for (double v : filled) {
            assertEquals(v, g.random());
        }

        Generator.fromSeed(8).standardNormal(filled);
        g = Generator.fromSeed(8);
        for (double v : filled) {
            assertEquals(v, g.standardNormal());
        }

        Generator.fromSeed(8).standardExponential(filled);
        g = Generator.fromSeed(8);
        for (double v : filled) {
            assertEquals(v, g.standardExponential());
        }

        long[] ints = new long[9];
        Generator.fromSeed(8).integers(-4, 9, ints);
        g = Generator.fromSeed(8);
        for (long v : ints) {
            assertEquals(v, g.integers(-4, 9));
        }
    }

    @Test
    void uniformKeepsTheRoundedRange() {
        Generator g = Generator.fromSeed(3);
        PCG64 reference = new PCG64(new SeedSequence(3));
        double range = -0.4 - (-0.6);
        assertEquals(0.19999999999999996, range);
        double u = (reference.nextLong() >>> 11) * 0x1.0p-53;
        assertBitsEqual(new double[] {-0.6 + range * u}, new double[] {g.uniform(-0.6, -0.4)}, "uniform(-0.6, -0.4)");
        assertEquals(5.0, Generator.fromSeed(1).uniform(5.0, 5.0));
    }

    @Test
    void uniformRejectsWhatNumpyRejects() {
        Generator g = Generator.fromSeed(0);
        assertThrows(IllegalArgumentException.class, () -> g.uniform(1.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> g.uniform(0.0, -0.0));
        assertThrows(IllegalArgumentException.class, () -> g.uniform(-Double.MAX_VALUE, Double.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> g.uniform(0.0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> g.uniform(Double.NaN, 1.0));
        assertThrows(IllegalArgumentException.class, () -> g.uniform(1.0, 0.0, new double[2]));
        assertThrows(NullPointerException.class, () -> g.uniform(0.0, 1.0, null));
        PCG64 untouched = new PCG64(new SeedSequence(0));
        assertEquals(untouched.state(), g.bitGenerator().state(), "a rejected call draws nothing");
    }

    @Test
    void singleValueRangesDrawNothing() {
        Generator g = Generator.fromSeed(4);
        BigInteger before = g.bitGenerator().state();
        assertEquals(17L, g.integers(17, 18));
        assertEquals(0L, g.integers(1));
        long[] out = new long[5];
        g.integers(-9, -8, out);
        assertArrayEquals(new long[] {-9, -9, -9, -9, -9}, out);
        byte[] bytes = new byte[6];
        g.integersInt8(127, 128, bytes);
        assertArrayEquals(new byte[] {127, 127, 127, 127, 127, 127}, bytes);
        assertEquals(-128, g.integersInt8(-128, -127));
        assertEquals(before, g.bitGenerator().state());
        assertFalse(g.bitGenerator().hasUint32());
    }

    @Test
    void smallRangesShareOne64BitOutputBetweenTwoDraws() {
        Generator g = Generator.fromSeed(0);
        g.integers(2);
        assertTrue(g.bitGenerator().hasUint32());
        g.integers(2);
        assertFalse(g.bitGenerator().hasUint32());
        PCG64 reference = new PCG64(new SeedSequence(0));
        reference.nextLong();
        assertEquals(reference.state(), g.bitGenerator().state(), "two draws, one step");
    }

    @Test
    void fullUnsigned32BitRangeIsARawNextInt() {
        Generator g = Generator.fromSeed(12);
        PCG64 reference = new PCG64(new SeedSequence(12));
        for (int i = 0; i < 10; i++) {
            assertEquals(Integer.toUnsignedLong(reference.nextInt()) + 5, g.integers(5, (1L << 32) + 5));
        }
    }

    @Test
    void integersRejectsEmptyRanges() {
        Generator g = Generator.fromSeed(0);
        assertThrows(IllegalArgumentException.class, () -> g.integers(0));
        assertThrows(IllegalArgumentException.class, () -> g.integers(-3));
        assertThrows(IllegalArgumentException.class, () -> g.integers(5, 5));
        assertThrows(IllegalArgumentException.class, () -> g.integers(6, 5, new long[1]));
        assertThrows(NullPointerException.class, () -> g.integers(0, 5, null));
    }

    @Test
    void int8RejectsOutOfRangeBounds() {
        Generator g = Generator.fromSeed(0);
        assertThrows(IllegalArgumentException.class, () -> g.integersInt8(-129, 0));
        assertThrows(IllegalArgumentException.class, () -> g.integersInt8(0, 129));
        assertThrows(IllegalArgumentException.class, () -> g.integersInt8(3, 3));
        assertThrows(NullPointerException.class, () -> g.integersInt8(0, 2, null));
        g.integersInt8(-128, 128, new byte[3]);
    }

    @Test
    void int8FillTakesFourBytesPerNextInt() {
        Generator g = Generator.fromSeed(21);
        PCG64 reference = new PCG64(new SeedSequence(21));
        byte[] out = new byte[8];
        g.integersInt8(-128, 128, out);
        int w0 = reference.nextInt();
        int w1 = reference.nextInt();
        for (int i = 0; i < 4; i++) {
            // rng = 255: each byte is used as is, plus the offset (byte) -128
            assertEquals((byte) ((w0 >>> (8 * i)) - 128), out[i]);
            assertEquals((byte) ((w1 >>> (8 * i)) - 128), out[4 + i]);
        }
        assertEquals(reference.state(), g.bitGenerator().state());
        assertEquals(reference.hasUint32(), g.bitGenerator().hasUint32());
    }

    @Test
    void normalAndExponentialScaleTheStandardDraws() {
        Generator a = Generator.fromSeed(30);
        Generator b = Generator.fromSeed(30);
        assertEquals(2.0 + 3.0 * b.standardNormal(), a.normal(2.0, 3.0));
        assertEquals(4.0 * b.standardExponential(), a.exponential(4.0));
        assertEquals(2.0, a.normal(2.0, 0.0));
        assertTrue(Double.isNaN(a.normal(0.0, Double.NaN)));
        assertTrue(Double.isNaN(a.exponential(Double.NaN)));
    }

    @Test
    void negativeScalesAreRejected() {
        Generator g = Generator.fromSeed(0);
        assertThrows(IllegalArgumentException.class, () -> g.normal(0.0, -1.0));
        assertThrows(IllegalArgumentException.class, () -> g.normal(0.0, -0.0));
        assertThrows(IllegalArgumentException.class, () -> g.exponential(-2.0));
    }

    @Test
    void nullArraysAreRejected() {
        Generator g = Generator.fromSeed(0);
        assertThrows(NullPointerException.class, () -> g.random(null));
        assertThrows(NullPointerException.class, () -> g.standardNormal(null));
        assertThrows(NullPointerException.class, () -> g.standardExponential(null));
    }

    @Test
    void toStringShowsTheBitGenerator() {
        assertTrue(Generator.fromSeed(0).toString().startsWith("Generator(PCG64[state=0x1aa1b5345996452d09585eb7a69561e3"));
    }
}
