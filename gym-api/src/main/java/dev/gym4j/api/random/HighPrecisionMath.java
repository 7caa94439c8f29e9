package dev.gym4j.api.random;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * {@code exp} and {@code log} in binary fixed point with {@value #FRACTION_BITS} fraction bits, and
 * their correctly rounded double versions. Only the ziggurat table construction uses them, once per
 * JVM. They are deterministic on every platform, unlike {@link Math#exp} (which HotSpot may replace
 * by a CPU-specific intrinsic), and correctly rounded, unlike {@link StrictMath#exp} (good to one
 * ulp only, where the tables need the correctly rounded value).
 *
 * <p>A fixed-point value is a {@link BigInteger} {@code n} standing for {@code n / 2^FRACTION_BITS}.
 * Results are accurate to far more bits than a double holds; rounding them to double is therefore
 * the correctly rounded result unless the exact value lies within about {@code 2^-150} (relative)
 * of a rounding boundary, which none of the table entries does (the tests would show it).
 *
 * <p>Stateless; safe to use from any thread.
 */
final class HighPrecisionMath {

    /** Fraction bits of the fixed-point representation. */
    static final int FRACTION_BITS = 128;

    /** Fixed-point 1. */
    static final BigInteger ONE = BigInteger.ONE.shiftLeft(FRACTION_BITS);

    /** ln 2 in fixed point, from {@code ln 2 = sum 1 / (k 2^k)}, carried with guard bits. */
    private static final BigInteger LN2 = computeLn2();

    /** exp halves its reduced argument this many times and squares the result back. */
    private static final int EXP_HALVINGS = 8;
    /**
     * Halley steps for log. The error of each step is about the cube of the previous one over 12, so
     * one step from the double logarithm (error below {@code 2^-52}, relative) reaches {@code 2^-159},
     * beyond the fixed-point resolution.
     */
    private static final int LOG_ITERATIONS = 1;

    private HighPrecisionMath() {
    }

    /** {@code e^x} for a fixed-point {@code x} with {@code |x| < 700}. */
    static BigInteger exp(BigInteger x) {
        // x = k ln2 + r with |r| <= ln2 / 2, then e^r = (e^(r / 2^h))^(2^h).
        BigInteger[] qr = x.add(LN2.shiftRight(1)).divideAndRemainder(LN2);
        long k = qr[0].longValueExact();
        BigInteger r = qr[1].subtract(LN2.shiftRight(1));
        if (qr[1].signum() < 0) { // divideAndRemainder truncates toward zero; we want floor
            k -= 1;
            r = r.add(LN2);
        }
        BigInteger reduced = r.shiftRight(EXP_HALVINGS);
        BigInteger sum = ONE;
        BigInteger term = ONE;
        for (int n = 1; term.signum() != 0; n++) {
            term = multiply(term, reduced).divide(BigInteger.valueOf(n));
            sum = sum.add(term);
        }
        for (int i = 0; i < EXP_HALVINGS; i++) {
            sum = multiply(sum, sum);
        }
        return k >= 0 ? sum.shiftLeft((int) k) : sum.shiftRight((int) -k);
    }

    /**
     * {@code ln(y)} for a positive fixed-point {@code y}, by Halley's iteration on {@code e^z = y}:
     * {@code z += 2 (y - e^z) / (y + e^z)}, starting from the double logarithm.
     *
     * @throws ArithmeticException if {@code y <= 0}
     */
    static BigInteger log(BigInteger y) {
        if (y.signum() <= 0) {
            throw new ArithmeticException("log of a non-positive number");
        }
        BigInteger z = fromDouble(Math.log(toDouble(y)));
        for (int i = 0; i < LOG_ITERATIONS; i++) {
            BigInteger e = exp(z);
            z = z.add(y.subtract(e).shiftLeft(FRACTION_BITS + 1).divide(y.add(e)));
        }
        return z;
    }

    /** Correctly rounded {@code e^x} for a double argument ({@code |x| < 700}). */
    static double exp(double x) {
        return toDouble(exp(fromDouble(x)));
    }

    /** Correctly rounded {@code ln(y)} for a positive double argument. */
    static double log(double y) {
        return toDouble(log(fromDouble(y)));
    }

    /** Fixed-point product. */
    static BigInteger multiply(BigInteger a, BigInteger b) {
        return a.multiply(b).shiftRight(FRACTION_BITS);
    }

    /** Fixed-point quotient {@code a / b}, truncated. */
    static BigInteger divide(BigInteger a, BigInteger b) {
        return a.shiftLeft(FRACTION_BITS).divide(b);
    }

    /** A decimal literal in fixed point (truncated to {@value #FRACTION_BITS} fraction bits). */
    static BigInteger fromDecimal(String digits) {
        return new BigDecimal(digits).multiply(new BigDecimal(ONE)).toBigInteger();
    }

    /** A double in fixed point: exact for every double with magnitude at least {@code 2^-139}. */
    static BigInteger fromDouble(double d) {
        return new BigDecimal(d).multiply(new BigDecimal(ONE)).toBigInteger();
    }

    /** The fixed-point value rounded to the nearest double, ties to even. */
    static double toDouble(BigInteger n) {
        int sign = n.signum();
        BigInteger magnitude = n.abs();
        int excess = magnitude.bitLength() - 53;
        if (excess <= 0) {
            return sign * Math.scalb(magnitude.doubleValue(), -FRACTION_BITS);
        }
        BigInteger mantissa = magnitude.shiftRight(excess);
        BigInteger remainder = magnitude.subtract(mantissa.shiftLeft(excess));
        int cmp = remainder.compareTo(BigInteger.ONE.shiftLeft(excess - 1));
        if (cmp > 0 || (cmp == 0 && mantissa.testBit(0))) {
            mantissa = mantissa.add(BigInteger.ONE);
        }
        // mantissa <= 2^53 is exact as a double; scaling by a power of two is exact in normal range.
        return sign * Math.scalb(mantissa.doubleValue(), excess - FRACTION_BITS);
    }

    private static BigInteger computeLn2() {
        int guard = 32;
        BigInteger one = BigInteger.ONE.shiftLeft(FRACTION_BITS + guard);
        BigInteger sum = BigInteger.ZERO;
        for (int k = 1; k <= FRACTION_BITS + guard; k++) {
            sum = sum.add(one.shiftRight(k).divide(BigInteger.valueOf(k)));
        }
        return sum.shiftRight(guard);
    }
}
