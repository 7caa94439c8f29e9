package dev.gym4j.api.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class HighPrecisionMathTest {

    /** Fixed-point values agree when they differ by at most this many units of 2^-128. */
    private static final BigInteger TOLERANCE = BigInteger.ONE.shiftLeft(16);

    @Test
    void expOfOneIsE() {
        BigInteger e = HighPrecisionMath.fromDecimal("2.71828182845904523536028747135266249775724709369995957496696762772");
        assertClose(e, HighPrecisionMath.exp(HighPrecisionMath.ONE));
    }

    @Test
    void logOfTwoIsLn2() {
        BigInteger ln2 = HighPrecisionMath.fromDecimal("0.693147180559945309417232121458176568075500134360255254120680009493");
        assertClose(ln2, HighPrecisionMath.log(HighPrecisionMath.ONE.shiftLeft(1)));
        assertClose(ln2.negate(), HighPrecisionMath.log(HighPrecisionMath.ONE.shiftRight(1)));
    }

    @Test
    void logInvertsExpAcrossTheTableRange() {
        for (double x = -9.0; x <= 2.0; x += 0.37) {
            BigInteger fx = HighPrecisionMath.fromDouble(x);
            assertClose(fx, HighPrecisionMath.log(HighPrecisionMath.exp(fx)));
        }
    }

    @Test
    void correctlyRoundedDoublesAgreeWithStrictMathWithinOneUlp() {
        for (double x = -7.5; x < 1.0; x += 0.0123) {
            double cr = HighPrecisionMath.exp(x);
            assertTrue(Math.abs(cr - StrictMath.exp(x)) <= Math.ulp(cr), "exp " + x);
            double y = Math.abs(x) + 0.01;
            double lr = HighPrecisionMath.log(y);
            assertTrue(Math.abs(lr - StrictMath.log(y)) <= Math.ulp(lr), "log " + y);
        }
        assertEquals(1.0, HighPrecisionMath.exp(0.0));
        assertEquals(0.0, HighPrecisionMath.log(1.0));
    }

    @Test
    void toDoubleRoundsHalfToEven() {
        int shift = HighPrecisionMath.FRACTION_BITS - 1; // n << shift stands for n / 2
        BigInteger tieToEvenBelow = BigInteger.ONE.shiftLeft(53).add(BigInteger.ONE);        // 2^52 + 0.5
        BigInteger tieToEvenAbove = BigInteger.ONE.shiftLeft(53).add(BigInteger.valueOf(3)); // 2^52 + 1.5
        assertEquals(0x1.0p52, HighPrecisionMath.toDouble(tieToEvenBelow.shiftLeft(shift)));
        assertEquals(0x1.0p52 + 2, HighPrecisionMath.toDouble(tieToEvenAbove.shiftLeft(shift)));
        assertEquals(-(0x1.0p52 + 2), HighPrecisionMath.toDouble(tieToEvenAbove.shiftLeft(shift).negate()));
        assertEquals(0x1.0p52 + 1, HighPrecisionMath.toDouble(tieToEvenBelow.shiftLeft(shift).add(BigInteger.ONE)));
        assertEquals(-0.75, HighPrecisionMath.toDouble(HighPrecisionMath.fromDouble(-0.75)));
        assertEquals(Math.PI, HighPrecisionMath.toDouble(HighPrecisionMath.fromDouble(Math.PI)));
    }

    @Test
    void logRejectsNonPositiveArguments() {
        assertThrows(ArithmeticException.class, () -> HighPrecisionMath.log(BigInteger.ZERO));
        assertThrows(ArithmeticException.class, () -> HighPrecisionMath.log(BigInteger.ONE.negate()));
    }

    private static void assertClose(BigInteger expected, BigInteger actual) {
        assertTrue(expected.subtract(actual).abs().compareTo(TOLERANCE) <= 0,
                "expected " + expected + " but was " + actual);
    }
}
