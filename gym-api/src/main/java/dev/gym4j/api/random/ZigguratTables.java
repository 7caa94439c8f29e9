package dev.gym4j.api.random;

import java.math.BigInteger;

/**
 * The 256-layer ziggurat tables NumPy's {@code random_standard_normal} and
 * {@code random_standard_exponential} use, computed here from the Marsaglia-Tsang construction
 * rather than copied. They are built once, when {@link Ziggurat} is first used (about a tenth of a
 * second of CPU time on a cold JVM).
 *
 * <h2>Construction</h2>
 * For a density {@code f} and {@code N = 256} layers of equal area {@code v}, with the base layer
 * reaching out to {@code r}: {@code x[255] = r}, {@code x[0] = v / f(r)} (the width of a rectangle
 * of area {@code v} and height {@code f(r)}), and going inwards
 * {@code x[i] = f^-1(v / x[i+1] + f(x[i+1]))} for {@code i = 254 .. 1}. Then, with {@code m} the
 * number of random bits in the candidate ({@code 2^52} for the normal, {@code 2^53} for the
 * exponential): {@code w[i] = x[i] / m}, {@code f[i] = f(x[i])} with {@code f[0] = 1},
 * {@code k[i]} is {@code x[i-1] / x[i]} scaled by {@code m} for {@code i >= 2},
 * {@code k[0] = x[255] / x[0]} scaled by {@code m}, and {@code k[1] = 0}.
 *
 * <h2>How NumPy's tables were made, as far as it matters for bit-exactness</h2>
 * NumPy ships its tables as constants (the same in 1.24.2 and 2.4.6) without the program that made
 * them. The parameters and the one adjustment below were found by comparing candidate
 * constructions with NumPy; no table values were copied. The result is checked against NumPy's
 * outputs (millions of draws, see {@code NumpyVectorsTest}).
 * <ul>
 *   <li><b>Normal</b> ({@code f(x) = exp(-x^2/2)}): computed in double arithmetic, each
 *       {@code exp}/{@code log} correctly rounded, with {@code r = 3.6541528853610088} and
 *       {@code v = 0.004928673233974652}. That {@code v} is the area NumPy's generator used; it is
 *       about 3.5 ulps below the exact area for this {@code r} (0.00492867323397465494...) and
 *       more precise than Marsaglia and Tsang's published 0.00492867323399, which reproduces
 *       none of NumPy's entries. {@code k[i] = rint(x[i-1] / x[i] * 2^52)} in double arithmetic.
 *       <b>One correction:</b> for {@code f[38]} the generator's {@code exp} returned the upper
 *       neighbour of the correctly rounded value (the exact value lies 0.498 ulp above the lower
 *       one). Because {@code f[38]} feeds {@code x[37] .. x[1]}, reproducing it is required for 37
 *       entries of {@code w}; it is applied as a documented one-ulp adjustment.</li>
 *   <li><b>Exponential</b> ({@code f(x) = exp(-x)}): computed in high precision, with
 *       {@code r = 7.6971174701310497140446280481} and the exact area {@code v = (r + 1) e^-r};
 *       {@code w} and {@code f} are the correctly rounded results and match NumPy's entries
 *       exactly. {@code k[i] = floor(x[i-1] / x[i] * 2^53)}. NumPy's {@code ke} entries are
 *       the same or one smaller, by a rule that could not be recovered; a draw goes a different
 *       way only when its 53-bit candidate equals such an entry, which has probability at most
 *       {@code 2^-53} per draw.</li>
 * </ul>
 *
 * <p>The arrays are never modified after class initialisation and are safe to read from any thread.
 */
final class ZigguratTables {

    static final int LAYERS = 256;

    /** Normal ziggurat: base-layer edge and layer area (see the class comment). */
    static final double NORMAL_R = 3.6541528853610087963519472518;
    private static final double NORMAL_V = 0.004928673233974652;
    private static final double NORMAL_SCALE = 0x1.0p52;
    /** The layer whose {@code f} NumPy's table generator rounded up by one ulp. */
    private static final int NORMAL_F_ROUNDED_UP = 38;

    /** Exponential ziggurat: base-layer edge, to more digits than a double holds. */
    private static final String EXPONENTIAL_R_DIGITS = "7.6971174701310497140446280481";
    static final double EXPONENTIAL_R = 7.6971174701310497140446280481;
    private static final int EXPONENTIAL_BITS = 53;

    /** Normal: fast-acceptance thresholds for the 52-bit magnitude. */
    static final long[] KI = new long[LAYERS];
    /** Normal: layer widths divided by {@code 2^52}. */
    static final double[] WI = new double[LAYERS];
    /** Normal: density at each layer edge. */
    static final double[] FI = new double[LAYERS];
    /** Exponential: fast-acceptance thresholds for the 53-bit candidate. */
    static final long[] KE = new long[LAYERS];
    /** Exponential: layer widths divided by {@code 2^53}. */
    static final double[] WE = new double[LAYERS];
    /** Exponential: density at each layer edge. */
    static final double[] FE = new double[LAYERS];

    static {
        buildNormal();
        buildExponential();
    }

    private ZigguratTables() {
    }

    private static void buildNormal() {
        double[] x = new double[LAYERS];
        x[LAYERS - 1] = NORMAL_R;
        FI[LAYERS - 1] = HighPrecisionMath.exp(-0.5 * NORMAL_R * NORMAL_R);
        x[0] = NORMAL_V / FI[LAYERS - 1];
        FI[0] = 1.0;
        for (int i = LAYERS - 2; i >= 1; i--) {
            x[i] = Math.sqrt(-2.0 * HighPrecisionMath.log(NORMAL_V / x[i + 1] + FI[i + 1]));
            FI[i] = HighPrecisionMath.exp(-0.5 * x[i] * x[i]);
            if (i == NORMAL_F_ROUNDED_UP) {
                FI[i] = Math.nextUp(FI[i]);
            }
        }
        KI[0] = (long) Math.rint(x[LAYERS - 1] / x[0] * NORMAL_SCALE);
        KI[1] = 0L;
        for (int i = 2; i < LAYERS; i++) {
            KI[i] = (long) Math.rint(x[i - 1] / x[i] * NORMAL_SCALE);
        }
        for (int i = 0; i < LAYERS; i++) {
            WI[i] = x[i] / NORMAL_SCALE;
        }
    }

    private static void buildExponential() {
        BigInteger r = HighPrecisionMath.fromDecimal(EXPONENTIAL_R_DIGITS);
        BigInteger fr = HighPrecisionMath.exp(r.negate());
        BigInteger v = HighPrecisionMath.multiply(r.add(HighPrecisionMath.ONE), fr);
        BigInteger[] x = new BigInteger[LAYERS];
        BigInteger[] f = new BigInteger[LAYERS];
        x[LAYERS - 1] = r;
        f[LAYERS - 1] = fr;
        x[0] = HighPrecisionMath.divide(v, fr);
        for (int i = LAYERS - 2; i >= 1; i--) {
            x[i] = HighPrecisionMath.log(HighPrecisionMath.divide(v, x[i + 1]).add(f[i + 1])).negate();
            f[i] = HighPrecisionMath.exp(x[i].negate());
        }
        FE[0] = 1.0;
        for (int i = 1; i < LAYERS; i++) {
            FE[i] = HighPrecisionMath.toDouble(f[i]);
        }
        for (int i = 0; i < LAYERS; i++) {
            // Scaling by a power of two is exact, so this is the correctly rounded x[i] / 2^53.
            WE[i] = HighPrecisionMath.toDouble(x[i]) * 0x1.0p-53;
        }
        KE[0] = scaledRatioFloor(x[LAYERS - 1], x[0]);
        KE[1] = 0L;
        for (int i = 2; i < LAYERS; i++) {
            KE[i] = scaledRatioFloor(x[i - 1], x[i]);
        }
    }

    /** {@code floor(numerator / denominator * 2^53)} for positive fixed-point values. */
    private static long scaledRatioFloor(BigInteger numerator, BigInteger denominator) {
        return numerator.shiftLeft(EXPONENTIAL_BITS).divide(denominator).longValueExact();
    }
}
