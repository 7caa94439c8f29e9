package dev.gym4j.api.random;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * NumPy's {@code numpy.random.SeedSequence} for an integer seed: a pool of four 32-bit words mixed
 * from the seed, from which any number of well-spread state words can be drawn.
 *
 * <p>This reproduces {@code SeedSequence(seed)} with the default {@code pool_size=4} and no spawn
 * key, word for word: {@code new SeedSequence(s).generateState64(4)} equals NumPy's
 * {@code SeedSequence(s).generate_state(4, np.uint64)} for every non-negative integer {@code s},
 * including seeds of {@code 2^64} and more. Spawning child sequences is not supported.
 *
 * <p>The algorithm: the seed is split into 32-bit words, least significant first ({@code 0} gives
 * the single word {@code 0}); the words are hashed into the pool and mixed with each other
 * ({@code mix_entropy}); {@link #generateState32(int)} hashes the pool words again with a second
 * running hash constant.
 *
 * <p>Instances are immutable and therefore safe to share between threads.
 */
public final class SeedSequence {

    /** Number of 32-bit words in the pool ({@code DEFAULT_POOL_SIZE} in NumPy). */
    static final int POOL_SIZE = 4;

    private static final int INIT_A = 0x43b0d7e5;
    private static final int MULT_A = 0x931e8875;
    private static final int INIT_B = 0x8b51f9dd;
    private static final int MULT_B = 0x58f38ded;
    private static final int MIX_MULT_L = 0xca01f9dd;
    private static final int MIX_MULT_R = 0x4973f715;
    private static final int XSHIFT = 16;

    /** Bits of OS entropy drawn by {@link #fromOsEntropy()}: {@code pool_size * 32}, as NumPy. */
    private static final int OS_ENTROPY_BITS = POOL_SIZE * 32;

    private final BigInteger entropy;
    private final int[] pool;

    /**
     * Creates the sequence NumPy builds for {@code SeedSequence(seed)}.
     *
     * @param seed the seed, {@code >= 0}
     * @throws IllegalArgumentException if {@code seed} is negative
     */
    public SeedSequence(long seed) {
        this(BigInteger.valueOf(requireNonNegative(seed)));
    }

    /**
     * Creates the sequence NumPy builds for {@code SeedSequence(seed)}; any non-negative integer is
     * accepted, including values of {@code 2^64} and more.
     *
     * @param seed the seed, {@code >= 0}
     * @throws NullPointerException if {@code seed} is null
     * @throws IllegalArgumentException if {@code seed} is negative
     */
    public SeedSequence(BigInteger seed) {
        Objects.requireNonNull(seed, "seed");
        if (seed.signum() < 0) {
            throw new IllegalArgumentException("seed must be a non-negative integer, got " + seed);
        }
        this.entropy = seed;
        this.pool = mixEntropy(toWords(seed));
    }

    /**
     * Creates a sequence from 128 bits of operating-system entropy, like NumPy's
     * {@code SeedSequence(None)} (which draws {@code secrets.randbits(128)}). The result cannot be
     * reproduced except through its {@link #entropy()}.
     *
     * @return a fresh, unpredictable sequence
     */
    public static SeedSequence fromOsEntropy() {
        return new SeedSequence(new BigInteger(OS_ENTROPY_BITS, OsEntropy.SOURCE));
    }

    /**
     * Returns the seed this sequence was built from: the integer passed to the constructor, or the
     * random 128-bit integer drawn by {@link #fromOsEntropy()}. This is the value Gymnasium's
     * {@code np_random(seed)} returns as the seed.
     *
     * @return the entropy, never negative
     */
    public BigInteger entropy() {
        return entropy;
    }

    /**
     * Returns the mixed pool, NumPy's {@code SeedSequence.pool}.
     *
     * @return a new array with the four pool words (unsigned 32-bit values stored in {@code int}s)
     */
    public int[] pool() {
        return pool.clone();
    }

    /**
     * Draws {@code nWords} 32-bit state words, as NumPy's {@code generate_state(nWords, np.uint32)}.
     * The result depends only on the pool: every call with the same count returns the same words,
     * and a shorter request is a prefix of a longer one.
     *
     * @param nWords number of words, {@code >= 0}
     * @return a new array of unsigned 32-bit words stored in {@code int}s
     * @throws IllegalArgumentException if {@code nWords} is negative
     */
    public int[] generateState32(int nWords) {
        if (nWords < 0) {
            throw new IllegalArgumentException("nWords must be >= 0, got " + nWords);
        }
        int[] out = new int[nWords];
        int hashConst = INIT_B;
        for (int i = 0; i < nWords; i++) {
            int value = pool[i % POOL_SIZE] ^ hashConst;
            hashConst *= MULT_B;
            value *= hashConst;
            out[i] = value ^ (value >>> XSHIFT);
        }
        return out;
    }

    /**
     * Draws {@code nWords} 64-bit state words, as NumPy's {@code generate_state(nWords, np.uint64)}:
     * {@code 2 * nWords} 32-bit words paired little-endian, the first of each pair being the low half.
     *
     * @param nWords number of words, {@code >= 0}
     * @return a new array of unsigned 64-bit words stored in {@code long}s
     * @throws IllegalArgumentException if {@code nWords} is negative or larger than
     *     {@code Integer.MAX_VALUE / 2}
     */
    public long[] generateState64(int nWords) {
        if (nWords < 0 || nWords > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("nWords must be in [0, " + Integer.MAX_VALUE / 2 + "], got " + nWords);
        }
        int[] words = generateState32(2 * nWords);
        long[] out = new long[nWords];
        for (int k = 0; k < nWords; k++) {
            out[k] = Integer.toUnsignedLong(words[2 * k]) | ((long) words[2 * k + 1] << 32);
        }
        return out;
    }

    /**
     * The entropy as NumPy's {@code _int_to_uint32_array} sees it: 32-bit words, least significant
     * first, {@code [0]} for zero.
     */
    int[] entropyWords() {
        return toWords(entropy);
    }

    @Override
    public String toString() {
        return "SeedSequence(entropy=" + entropy + ")";
    }

    private static long requireNonNegative(long seed) {
        if (seed < 0) {
            throw new IllegalArgumentException("seed must be a non-negative integer, got " + seed);
        }
        return seed;
    }

    /**
     * NumPy's {@code _coerce_to_uint32_array}: the value's 32-bit words, least significant first,
     * {@code [0]} for zero. Linear in the value's size (one pass over its bytes), so a seed of
     * megabytes costs milliseconds.
     */
    static int[] toWords(BigInteger value) {
        if (value.signum() == 0) {
            return new int[] {0};
        }
        byte[] bigEndian = value.toByteArray(); // minimal two's complement: at most one extra leading 0
        int n = (value.bitLength() + 31) / 32;
        int[] words = new int[n];
        for (int i = 0; i < n; i++) {
            int w = 0;
            for (int b = 0; b < 4; b++) {
                int at = bigEndian.length - 1 - (4 * i + b);
                if (at >= 0) {
                    w |= (bigEndian[at] & 0xff) << (8 * b);
                }
            }
            words[i] = w;
        }
        return words;
    }

    private static int[] mixEntropy(int[] entropyWords) {
        HashMix hash = new HashMix();
        int[] pool = new int[POOL_SIZE];
        for (int i = 0; i < POOL_SIZE; i++) {
            pool[i] = hash.apply(i < entropyWords.length ? entropyWords[i] : 0);
        }
        // Every pool word is mixed into every other one; later steps read the already-updated words.
        for (int src = 0; src < POOL_SIZE; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                if (src != dst) {
                    pool[dst] = mix(pool[dst], hash.apply(pool[src]));
                }
            }
        }
        // Entropy beyond the pool size is folded into every pool word.
        for (int src = POOL_SIZE; src < entropyWords.length; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                pool[dst] = mix(pool[dst], hash.apply(entropyWords[src]));
            }
        }
        return pool;
    }

    private static int mix(int x, int y) {
        int result = MIX_MULT_L * x - MIX_MULT_R * y;
        return result ^ (result >>> XSHIFT);
    }

    /** NumPy's {@code hashmix}: a hash whose constant advances on every call within one mixing. */
    private static final class HashMix {
        private int hashConst = INIT_A;

        int apply(int value) {
            int v = value ^ hashConst;
            hashConst *= MULT_A;
            v *= hashConst;
            return v ^ (v >>> XSHIFT);
        }
    }

    /** Lazily created, because most programs seed explicitly and never need it. */
    private static final class OsEntropy {
        static final SecureRandom SOURCE = new SecureRandom();
    }
}
