package dev.gym4j.api.random;

import java.math.BigInteger;
import java.util.Objects;

/**
 * NumPy's {@code numpy.random.Generator} over {@link PCG64}: the sampling methods Gymnasium and its
 * spaces use, reproducing NumPy's draws bit for bit.
 *
 * <p>{@code Generator.fromSeed(s)} is {@code np.random.default_rng(s)}, which is also what
 * Gymnasium's {@code np_random(s)} builds. Each method states which NumPy call it matches, including
 * how many bits it consumes, because the stream position after a call matters as much as the value.
 * Array versions ({@code size=n} in NumPy) consume exactly what {@code n} scalar calls would,
 * except {@link #integersInt8(int, int, byte[])}, whose byte buffer lives for one call.
 *
 * <p><b>Fidelity.</b> {@code random}, {@code uniform} and the integer methods use integer and
 * basic IEEE arithmetic only and match NumPy exactly. {@code standardNormal},
 * {@code standardExponential}, {@code normal} and {@code exponential} match too, except that their
 * rare tail branches use {@link StrictMath#log1p} where NumPy uses the C library's {@code log1p};
 * through them roughly one exponential draw in 40 million and one normal draw in 100 million
 * differs from NumPy on glibc in its last bit (NumPy on different machines differs from itself
 * there too).
 *
 * <p>The floating-point and int64 methods allocate nothing; the int8 methods create one small
 * short-lived buffer object per call.
 *
 * <p><b>Thread safety:</b> not thread-safe. A generator and its {@link #bitGenerator()} must be
 * confined to one thread (or guarded externally); concurrent use corrupts the stream. Give each
 * thread its own generator, seeded separately or made from a {@link PCG64#copy()}.
 */
public final class Generator {

    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    private final PCG64 bitGenerator;

    /**
     * Wraps a bit generator, as {@code numpy.random.Generator(bit_generator)}. The generator draws
     * from (and advances) the given instance; it is not copied.
     *
     * @param bitGenerator the bit generator
     * @throws NullPointerException if {@code bitGenerator} is null
     */
    public Generator(PCG64 bitGenerator) {
        this.bitGenerator = Objects.requireNonNull(bitGenerator, "bitGenerator");
    }

    /**
     * Returns {@code np.random.default_rng(seed)}: {@code Generator(PCG64(SeedSequence(seed)))}.
     *
     * @param seed the seed, {@code >= 0}
     * @return a new generator
     * @throws IllegalArgumentException if {@code seed} is negative
     */
    public static Generator fromSeed(long seed) {
        return new Generator(new PCG64(new SeedSequence(seed)));
    }

    /**
     * Returns {@code np.random.default_rng(seed)} for any non-negative integer seed, including
     * seeds of {@code 2^64} and more.
     *
     * @param seed the seed, {@code >= 0}
     * @return a new generator
     * @throws NullPointerException if {@code seed} is null
     * @throws IllegalArgumentException if {@code seed} is negative
     */
    public static Generator fromSeed(BigInteger seed) {
        return new Generator(new PCG64(new SeedSequence(seed)));
    }

    /**
     * Returns the underlying bit generator (not a copy): drawing from it advances this generator.
     *
     * @return the bit generator
     */
    public PCG64 bitGenerator() {
        return bitGenerator;
    }

    /**
     * Returns {@code random()}: a double in {@code [0, 1)} made from the top 53 bits of one 64-bit
     * draw, {@code (next64 >>> 11) * 2^-53}. Every multiple of {@code 2^-53} in range is equally likely.
     *
     * @return a uniform double in {@code [0, 1)}
     */
    public double random() {
        return (bitGenerator.nextLong() >>> 11) * TWO_POW_MINUS_53;
    }

    /**
     * Fills {@code out} as {@code random(size=out.length)}: one 64-bit draw per element, in order.
     *
     * @param out the array to fill
     * @throws NullPointerException if {@code out} is null
     */
    public void random(double[] out) {
        Objects.requireNonNull(out, "out");
        for (int i = 0; i < out.length; i++) {
            out[i] = random();
        }
    }

    /**
     * Returns {@code uniform(low, high)}: {@code low + (high - low) * random()}, evaluated in double
     * arithmetic as written (a separate multiply and add, no fused multiply-add). The range is
     * whatever {@code high - low} rounds to, so e.g. {@code uniform(-0.6, -0.4)} uses
     * {@code 0.19999999999999996}. Rounding can make the result equal {@code high}.
     *
     * @param low the lower bound
     * @param high the upper bound, {@code >= low}
     * @return {@code low + (high - low) * random()}
     * @throws IllegalArgumentException if {@code high - low} is not finite (NumPy's
     *     {@code OverflowError}) or is negative, including {@code -0.0} (NumPy's {@code ValueError})
     */
    public double uniform(double low, double high) {
        double range = checkedRange(low, high);
        return low + range * random();
    }

    /**
     * Fills {@code out} as {@code uniform(low, high, size=out.length)} with scalar bounds: the range
     * {@code high - low} is computed once, then each element is {@code low + range * random()}.
     *
     * @param low the lower bound
     * @param high the upper bound, {@code >= low}
     * @param out the array to fill
     * @throws NullPointerException if {@code out} is null
     * @throws IllegalArgumentException under the same conditions as {@link #uniform(double, double)}
     */
    public void uniform(double low, double high, double[] out) {
        Objects.requireNonNull(out, "out");
        double range = checkedRange(low, high);
        for (int i = 0; i < out.length; i++) {
            out[i] = low + range * random();
        }
    }

    /**
     * Returns {@code integers(high)} with NumPy's default {@code dtype=int64}: {@code integers(0, high)}.
     * This is what {@code Discrete(n).sample()} draws.
     *
     * @param high the exclusive upper bound, {@code > 0}
     * @return a uniform integer in {@code [0, high)}
     * @throws IllegalArgumentException if {@code high <= 0}
     */
    public long integers(long high) {
        if (high <= 0) {
            throw new IllegalArgumentException("high <= 0 (high = " + high + ")");
        }
        return integers(0L, high);
    }

    /**
     * Returns {@code integers(low, high)} with {@code dtype=int64}, exclusive {@code high}, following
     * NumPy's {@code random_bounded_uint64_fill} with Lemire's method. With {@code rng = high - 1 - low}
     * read as unsigned:
     * <ul>
     *   <li>{@code rng == 0}: returns {@code low} and draws nothing;</li>
     *   <li>{@code rng == 0xFFFFFFFF}: {@code low + nextInt()} (unsigned);</li>
     *   <li>{@code rng < 0xFFFFFFFF}: 32-bit Lemire on {@link PCG64#nextInt()}, so two consecutive
     *       small draws share one 64-bit output (low half first);</li>
     *   <li>larger: 64-bit Lemire on {@link PCG64#nextLong()}.</li>
     * </ul>
     *
     * @param low the inclusive lower bound
     * @param high the exclusive upper bound, {@code > low}
     * @return a uniform integer in {@code [low, high)}
     * @throws IllegalArgumentException if {@code low >= high}
     */
    public long integers(long low, long high) {
        checkBounds(low, high);
        return low + BoundedIntegers.uint64(bitGenerator, high - 1 - low);
    }

    /**
     * Fills {@code out} as {@code integers(low, high, size=out.length)} with {@code dtype=int64}:
     * element for element the same draws as {@code out.length} calls of {@link #integers(long, long)}.
     *
     * @param low the inclusive lower bound
     * @param high the exclusive upper bound, {@code > low}
     * @param out the array to fill
     * @throws NullPointerException if {@code out} is null
     * @throws IllegalArgumentException if {@code low >= high}
     */
    public void integers(long low, long high, long[] out) {
        Objects.requireNonNull(out, "out");
        checkBounds(low, high);
        long rng = high - 1 - low;
        for (int i = 0; i < out.length; i++) {
            out[i] = low + BoundedIntegers.uint64(bitGenerator, rng);
        }
    }

    /**
     * Returns {@code integers(low, high, dtype=np.int8)} (no {@code size}): one call of NumPy's
     * {@code random_bounded_uint8_fill} with a count of one, so each call starts a fresh byte
     * buffer and takes a new {@link PCG64#nextInt()} of which it uses the low byte (more bytes
     * only if Lemire's method rejects).
     *
     * @param low the inclusive lower bound, {@code >= -128}
     * @param high the exclusive upper bound, {@code <= 128} and {@code > low}
     * @return a uniform value in {@code [low, high)}
     * @throws IllegalArgumentException if the bounds are out of the int8 range or {@code low >= high}
     */
    public byte integersInt8(int low, int high) {
        checkInt8Bounds(low, high);
        return new BoundedIntegers.Int8Fill(bitGenerator, low, high).next();
    }

    /**
     * Fills {@code out} as {@code integers(low, high, size=out.length, dtype=np.int8)}, NumPy's
     * {@code random_bounded_uint8_fill}: bytes are taken from a 32-bit word drawn with
     * {@link PCG64#nextInt()}, low byte first, four per word, the buffer living for this call only;
     * each value uses 8-bit Lemire ({@code rng = high - 1 - low}; {@code rng == 0} draws nothing,
     * {@code rng == 255} uses the byte as is). {@code MultiBinary(n).sample()} is
     * {@code integersInt8(0, 2, new byte[n])}.
     *
     * @param low the inclusive lower bound, {@code >= -128}
     * @param high the exclusive upper bound, {@code <= 128} and {@code > low}
     * @param out the array to fill
     * @throws NullPointerException if {@code out} is null
     * @throws IllegalArgumentException if the bounds are out of the int8 range or {@code low >= high}
     */
    public void integersInt8(int low, int high, byte[] out) {
        Objects.requireNonNull(out, "out");
        checkInt8Bounds(low, high);
        BoundedIntegers.Int8Fill fill = new BoundedIntegers.Int8Fill(bitGenerator, low, high);
        for (int i = 0; i < out.length; i++) {
            out[i] = fill.next();
        }
    }

    /**
     * Returns {@code standard_normal()}: NumPy's 256-layer ziggurat ({@code random_standard_normal}),
     * one 64-bit draw in about 99% of calls, more in the rare rejection and tail cases.
     *
     * @return a standard normal variate
     */
    public double standardNormal() {
        return Ziggurat.standardNormal(bitGenerator);
    }

    /**
     * Fills {@code out} as {@code standard_normal(size=out.length)}.
     *
     * @param out the array to fill
     * @throws NullPointerException if {@code out} is null
     */
    public void standardNormal(double[] out) {
        Objects.requireNonNull(out, "out");
        for (int i = 0; i < out.length; i++) {
            out[i] = Ziggurat.standardNormal(bitGenerator);
        }
    }

    /**
     * Returns {@code normal(loc, scale)}: {@code loc + scale * standardNormal()}.
     *
     * @param loc the mean
     * @param scale the standard deviation; NaN is passed through as NumPy does
     * @return a normal variate
     * @throws IllegalArgumentException if {@code scale} is negative, including {@code -0.0}
     */
    public double normal(double loc, double scale) {
        checkNonNegative(scale, "scale");
        return loc + scale * Ziggurat.standardNormal(bitGenerator);
    }

    /**
     * Returns {@code standard_exponential()}: NumPy's 256-layer ziggurat
     * ({@code random_standard_exponential}, {@code method='zig'}).
     *
     * @return an exponential variate with mean 1
     */
    public double standardExponential() {
        return Ziggurat.standardExponential(bitGenerator);
    }

    /**
     * Fills {@code out} as {@code standard_exponential(size=out.length)}.
     *
     * @param out the array to fill
     * @throws NullPointerException if {@code out} is null
     */
    public void standardExponential(double[] out) {
        Objects.requireNonNull(out, "out");
        for (int i = 0; i < out.length; i++) {
            out[i] = Ziggurat.standardExponential(bitGenerator);
        }
    }

    /**
     * Returns {@code exponential(scale)}: {@code scale * standardExponential()}.
     *
     * @param scale the mean; NaN is passed through as NumPy does
     * @return an exponential variate
     * @throws IllegalArgumentException if {@code scale} is negative, including {@code -0.0}
     */
    public double exponential(double scale) {
        checkNonNegative(scale, "scale");
        return scale * Ziggurat.standardExponential(bitGenerator);
    }

    @Override
    public String toString() {
        return "Generator(" + bitGenerator + ")";
    }

    private static double checkedRange(double low, double high) {
        double range = high - low;
        if (!Double.isFinite(range)) {
            throw new IllegalArgumentException("high - low range exceeds valid bounds (low = " + low + ", high = " + high + ")");
        }
        if (Double.doubleToRawLongBits(range) < 0) {
            throw new IllegalArgumentException("high - low < 0 (low = " + low + ", high = " + high + ")");
        }
        return range;
    }

    private static void checkNonNegative(double value, String name) {
        if (!Double.isNaN(value) && Double.doubleToRawLongBits(value) < 0) {
            throw new IllegalArgumentException(name + " < 0 (" + name + " = " + value + ")");
        }
    }

    private static void checkBounds(long low, long high) {
        if (low >= high) {
            throw new IllegalArgumentException("low >= high (low = " + low + ", high = " + high + ")");
        }
    }

    private static void checkInt8Bounds(int low, int high) {
        if (low < Byte.MIN_VALUE) {
            throw new IllegalArgumentException("low is out of bounds for int8 (low = " + low + ")");
        }
        if (high - 1 > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("high is out of bounds for int8 (high = " + high + ")");
        }
        checkBounds(low, high);
    }
}
