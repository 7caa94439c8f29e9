package dev.gym4j.api.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PCG64Test {

    static final BigInteger MASK_64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    static final BigInteger MASK_128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    static final BigInteger MULTIPLIER = new BigInteger("2360ED051FC65DA44385DF649FCCF645", 16);

    @Test
    void seedZeroMatchesTheWorkedExampleInFacts() {
        PCG64 pcg = new PCG64(new SeedSequence(0));
        assertEquals(new BigInteger("1aa1b5345996452d09585eb7a69561e3", 16), pcg.state());
        assertEquals(new BigInteger("418ddadb3af71a82588133bc447873a9", 16), pcg.increment());
        assertFalse(pcg.hasUint32());
        assertEquals(0, pcg.uinteger());
        assertEquals(0xa30febcfd9c2825fL, pcg.nextLong());
    }

    @Test
    void nextLongStepsThenOutputsXslRrOfTheNewState() {
        PCG64 pcg = new PCG64(new SeedSequence(123));
        for (int i = 0; i < 1000; i++) {
            BigInteger expectedState = pcg.state().multiply(MULTIPLIER).add(pcg.increment()).and(MASK_128);
            long out = pcg.nextLong();
            assertEquals(expectedState, pcg.state());
            assertEquals(xslRr(expectedState), out);
        }
    }

    @Test
    void nextIntReturnsLowHalfThenSavedHighHalf() {
        PCG64 reference = new PCG64(new SeedSequence(7));
        PCG64 pcg = new PCG64(new SeedSequence(7));
        long first = reference.nextLong();
        long second = reference.nextLong();
        assertEquals((int) first, pcg.nextInt());
        assertTrue(pcg.hasUint32());
        assertEquals((int) (first >>> 32), pcg.uinteger());
        assertEquals((int) (first >>> 32), pcg.nextInt());
        assertFalse(pcg.hasUint32());
        assertEquals((int) second, pcg.nextInt());
    }

    @Test
    void savedHalfSurvivesNextLong() {
        PCG64 pcg = new PCG64(new SeedSequence(7));
        PCG64 reference = pcg.copy();
        long first = reference.nextLong();
        long second = reference.nextLong();
        pcg.nextInt();
        assertEquals(second, pcg.nextLong());
        assertTrue(pcg.hasUint32());
        assertEquals((int) (first >>> 32), pcg.nextInt());
    }

    @Test
    void copyIsIndependentAndIncludesTheBuffer() {
        PCG64 pcg = new PCG64(new SeedSequence(99));
        pcg.nextInt();
        PCG64 copy = pcg.copy();
        assertEquals(pcg.state(), copy.state());
        assertEquals(pcg.hasUint32(), copy.hasUint32());
        assertEquals(pcg.uinteger(), copy.uinteger());
        int a = pcg.nextInt();
        long b = pcg.nextLong();
        assertEquals(a, copy.nextInt());
        assertEquals(b, copy.nextLong());
        copy.nextLong();
        assertNotEquals(pcg.state(), copy.state());
    }

    @Test
    void setStateRoundTripsAndRestoresTheStream() {
        PCG64 pcg = new PCG64(new SeedSequence(5));
        pcg.nextInt();
        BigInteger state = pcg.state();
        BigInteger inc = pcg.increment();
        boolean has = pcg.hasUint32();
        int saved = pcg.uinteger();
        long[] expected = {pcg.nextInt(), pcg.nextLong(), pcg.nextLong()};

        PCG64 other = new PCG64(new SeedSequence(6));
        other.setState(state, inc, has, saved);
        assertEquals(state, other.state());
        assertEquals(inc, other.increment());
        long[] actual = {other.nextInt(), other.nextLong(), other.nextLong()};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i]);
        }
    }

    @Test
    void setStateAcceptsTheFull128BitRange() {
        PCG64 pcg = new PCG64(new SeedSequence(1));
        pcg.setState(MASK_128, MASK_128, false, -1);
        assertEquals(MASK_128, pcg.state());
        assertEquals(MASK_128, pcg.increment());
        assertEquals(-1, pcg.uinteger());
        pcg.nextLong();
        assertEquals(MASK_128.multiply(MULTIPLIER).add(MASK_128).and(MASK_128), pcg.state());
    }

    @Test
    void setStateRejectsOutOfRangeValues() {
        PCG64 pcg = new PCG64(new SeedSequence(1));
        BigInteger tooBig = BigInteger.ONE.shiftLeft(128);
        assertThrows(IllegalArgumentException.class, () -> pcg.setState(tooBig, BigInteger.ONE, false, 0));
        assertThrows(IllegalArgumentException.class, () -> pcg.setState(BigInteger.ONE, BigInteger.ONE.negate(), false, 0));
        assertThrows(NullPointerException.class, () -> pcg.setState(null, BigInteger.ONE, false, 0));
    }

    @Test
    void rejectsNullSeedSequence() {
        assertThrows(NullPointerException.class, () -> new PCG64(null));
    }

    @Test
    void unsignedMultiplyHighMatchesBigInteger() {
        long[] values = {0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0x2360ED051FC65DA4L, 0xa30febcfd9c2825fL, 3L};
        for (long a : values) {
            for (long b : values) {
                assertEquals(referenceMultiplyHigh(a, b), PCG64.unsignedMultiplyHigh(a, b), a + " * " + b);
            }
        }
    }

    @Test
    void toStringShowsTheState() {
        String s = new PCG64(new SeedSequence(0)).toString();
        assertTrue(s.contains("1aa1b5345996452d09585eb7a69561e3"), s);
    }

    static long xslRr(BigInteger state) {
        long hi = state.shiftRight(64).longValue();
        long lo = state.longValue();
        return Long.rotateRight(hi ^ lo, (int) (hi >>> 58));
    }

    static long referenceMultiplyHigh(long a, long b) {
        BigInteger ua = new BigInteger(Long.toUnsignedString(a));
        BigInteger ub = new BigInteger(Long.toUnsignedString(b));
        return ua.multiply(ub).shiftRight(64).and(MASK_64).longValue();
    }
}
