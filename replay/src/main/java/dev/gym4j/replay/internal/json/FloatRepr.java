package dev.gym4j.replay.internal.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr} of a float64: the shortest decimal that parses back to the same double, laid out
 * as Python lays it out ({@code 1.0}, {@code 0.0001}, {@code 1e-05}, {@code 1e+16}).
 *
 * <p>{@code Double.toString} only became shortest-round-trip in JDK 19; on JDK 17 it is sometimes one
 * digit too long. Here the exact binary value is rounded to p significant digits for the smallest p
 * that still parses back to the same double, starting the search at the length {@code Double.toString}
 * gives so that the usual case costs one or two roundings.
 */
final class FloatRepr {

    private static final int MAX_DIGITS = 17;

    private FloatRepr() {
    }

    /**
     * @param d any double
     * @return its JSON text as Python's {@code json.dumps} writes it ({@code NaN}, {@code Infinity},
     *     {@code -Infinity} for the non-finite values)
     */
    static String repr(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0.0) {
            return (Double.doubleToRawLongBits(d) < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(d)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int decimalPoint = digits.length() - shortest.scale();
        String body = (decimalPoint <= -4 || decimalPoint > 16)
                ? scientific(digits, decimalPoint - 1)
                : positional(digits, decimalPoint);
        return d < 0 ? "-" + body : body;
    }

    /** @return the shortest decimal, nearest to {@code d} among those of its length, that reads back as {@code d} */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        int p = Math.min(MAX_DIGITS, significantDigits(Double.toString(d)));
        BigDecimal best = roundTrips(exact, p, d);
        while (best == null && p < MAX_DIGITS) {
            p++;
            best = roundTrips(exact, p, d);
        }
        if (best == null) {
            throw new AssertionError("17 significant digits always round-trip a double: " + d);
        }
        while (p > 1) {
            BigDecimal shorter = roundTrips(exact, p - 1, d);
            if (shorter == null) {
                break;
            }
            best = shorter;
            p--;
        }
        return best;
    }

    private static BigDecimal roundTrips(BigDecimal exact, int precision, double d) {
        BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        return Double.parseDouble(rounded.toString()) == d ? rounded : null;
    }

    /** Counts the significant digits of a {@code Double.toString} result such as {@code 1.25E-5}. */
    private static int significantDigits(String javaRepr) {
        int e = javaRepr.indexOf('E');
        String mantissa = (e < 0 ? javaRepr : javaRepr.substring(0, e)).replace(".", "").replace("-", "");
        int start = 0;
        while (start < mantissa.length() - 1 && mantissa.charAt(start) == '0') {
            start++;
        }
        int end = mantissa.length();
        while (end > start + 1 && mantissa.charAt(end - 1) == '0') {
            end--;
        }
        return end - start;
    }

    private static String scientific(String digits, int exponent) {
        StringBuilder sb = new StringBuilder(digits.length() + 6);
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            sb.append('0');
        }
        return sb.append(abs).toString();
    }

    private static String positional(String digits, int decimalPoint) {
        StringBuilder sb = new StringBuilder(digits.length() + 20);
        if (decimalPoint <= 0) {
            sb.append("0.");
            sb.append("0".repeat(-decimalPoint));
            sb.append(digits);
        } else if (decimalPoint < digits.length()) {
            sb.append(digits, 0, decimalPoint).append('.').append(digits, decimalPoint, digits.length());
        } else {
            sb.append(digits).append("0".repeat(decimalPoint - digits.length())).append(".0");
        }
        return sb.toString();
    }
}
