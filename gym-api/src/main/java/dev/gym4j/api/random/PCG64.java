package dev.gym4j.api.random;

import java.math.BigInteger;
import java.util.Objects;

/**
 * NumPy's {@code numpy.random.PCG64} bit generator: a 128-bit linear congruential generator with
 * the XSL-RR output function, plus NumPy's one-word buffer for 32-bit draws.
 *
 * <p>Seeded from a {@link SeedSequence} exactly as NumPy seeds it, this produces the same 64-bit
 * stream as {@code PCG64(seed_seq).random_raw()} and the same 32-bit stream as NumPy's internal
 * {@code next_uint32}. The state is held in four {@code long}s; stepping allocates nothing.
 *
 * <p><b>32-bit buffer.</b> {@link #nextInt()} uses one 64-bit output per two calls: it returns the
 * low half and saves the high half, which the next {@code nextInt()} returns. {@link #nextLong()}
 * neither uses nor clears the saved half, so 64-bit draws in between do not disturb it (as in
 * NumPy, where {@code random()} between two {@code integers(2)} leaves the buffer alone).
 *
 * <p><b>Thread safety:</b> not thread-safe. Every draw mutates the state; confine an instance to
 * one thread, or use {@link #copy()} to hand an independent copy to another thread.
 */
public final class PCG64 {

    /** High and low 64 bits of the LCG multiplier {@code 0x2360ED051FC65DA44385DF649FCCF645}. */
    private static final long MULT_HI = 0x2360ED051FC65DA4L;
    private static final long MULT_LO = 0x4385DF649FCCF645L;

    private static final BigInteger TWO_POW_128 = BigInteger.ONE.shiftLeft(128);

    private long stateHi;
    private long stateLo;
    private long incHi;
    private long incLo;
    private boolean hasUint32;
    private int uinteger;

    /**
     * Creates a generator seeded as NumPy's {@code PCG64(seq)}: four 64-bit words
     * {@code v = seq.generate_state(4, uint64)} give {@code initstate = v[0]:v[1]} and
     * {@code initseq = v[2]:v[3]} (high word first); then {@code inc = initseq << 1 | 1},
     * {@code state = 0}, one step, {@code state += initstate}, one step.
     *
     * @param seq the seed sequence
     * @throws NullPointerException if {@code seq} is null
     */
    public PCG64(SeedSequence seq) {
        Objects.requireNonNull(seq, "seq");
        long[] v = seq.generateState64(4);
        incHi = (v[2] << 1) | (v[3] >>> 63);
        incLo = (v[3] << 1) | 1L;
        stateHi = 0L;
        stateLo = 0L;
        step();
        long lo = stateLo + v[1];
        stateHi = stateHi + v[0] + carry(lo, v[1]);
        stateLo = lo;
        step();
    }

    private PCG64(PCG64 other) {
        this.stateHi = other.stateHi;
        this.stateLo = other.stateLo;
        this.incHi = other.incHi;
        this.incLo = other.incLo;
        this.hasUint32 = other.hasUint32;
        this.uinteger = other.uinteger;
    }

    /**
     * Advances the generator and returns the next 64 bits: NumPy's {@code next_uint64}, which is
     * also what {@code random_raw()} returns. The state is stepped first and the output is taken
     * from the new state.
     *
     * @return 64 uniformly distributed bits (read as unsigned where it matters)
     */
    public long nextLong() {
        step();
        return Long.rotateRight(stateHi ^ stateLo, (int) (stateHi >>> 58));
    }

    /**
     * Returns the next 32 bits: NumPy's buffered {@code next_uint32}. If a saved high half is
     * pending it is returned and cleared; otherwise one {@link #nextLong()} is drawn, its high half
     * saved and its low half returned.
     *
     * @return 32 uniformly distributed bits (read as unsigned where it matters)
     */
    public int nextInt() {
        if (hasUint32) {
            hasUint32 = false;
            return uinteger;
        }
        long next = nextLong();
        hasUint32 = true;
        uinteger = (int) (next >>> 32);
        return (int) next;
    }

    /**
     * Returns the 128-bit LCG state, NumPy's {@code bit_generator.state["state"]["state"]}.
     *
     * @return the state as an unsigned integer in {@code [0, 2^128)}
     */
    public BigInteger state() {
        return toUnsigned128(stateHi, stateLo);
    }

    /**
     * Returns the 128-bit LCG increment, NumPy's {@code bit_generator.state["state"]["inc"]}.
     *
     * @return the increment as an unsigned integer in {@code [0, 2^128)}; odd unless set otherwise
     *     through {@link #setState}
     */
    public BigInteger increment() {
        return toUnsigned128(incHi, incLo);
    }

    /**
     * Tells whether a saved 32-bit half is pending (NumPy's {@code has_uint32}).
     *
     * @return true if the next {@link #nextInt()} returns {@link #uinteger()} without stepping
     */
    public boolean hasUint32() {
        return hasUint32;
    }

    /**
     * Returns the saved 32-bit half (NumPy's {@code uinteger}); meaningful only while
     * {@link #hasUint32()} is true, but reported as stored either way, as NumPy does.
     *
     * @return the saved half as an unsigned 32-bit value stored in an {@code int}
     */
    public int uinteger() {
        return uinteger;
    }

    /**
     * Returns an independent generator in the same state, including the 32-bit buffer. Both then
     * produce the same stream; drawing from one does not affect the other.
     *
     * @return a new generator
     */
    public PCG64 copy() {
        return new PCG64(this);
    }

    /**
     * Sets the full state, as assigning NumPy's {@code bit_generator.state} does. Like NumPy, this
     * does not require the increment to be odd.
     *
     * @param state the 128-bit state, in {@code [0, 2^128)}
     * @param inc the 128-bit increment, in {@code [0, 2^128)}
     * @param hasUint32 whether a saved 32-bit half is pending
     * @param uinteger the saved half (unsigned 32-bit value stored in an {@code int})
     * @throws NullPointerException if {@code state} or {@code inc} is null
     * @throws IllegalArgumentException if {@code state} or {@code inc} is outside {@code [0, 2^128)}
     */
    public void setState(BigInteger state, BigInteger inc, boolean hasUint32, int uinteger) {
        requireUnsigned128(state, "state");
        requireUnsigned128(inc, "inc");
        this.stateHi = state.shiftRight(64).longValue();
        this.stateLo = state.longValue();
        this.incHi = inc.shiftRight(64).longValue();
        this.incLo = inc.longValue();
        this.hasUint32 = hasUint32;
        this.uinteger = uinteger;
    }

    @Override
    public String toString() {
        return "PCG64[state=0x" + state().toString(16) + ", inc=0x" + increment().toString(16)
                + ", hasUint32=" + hasUint32 + ", uinteger=" + Integer.toUnsignedString(uinteger) + "]";
    }

    /** {@code state = state * MULT + inc (mod 2^128)}, on two longs. */
    private void step() {
        long lo = stateLo * MULT_LO;
        long hi = unsignedMultiplyHigh(stateLo, MULT_LO) + stateLo * MULT_HI + stateHi * MULT_LO;
        long newLo = lo + incLo;
        stateHi = hi + incHi + carry(newLo, incLo);
        stateLo = newLo;
    }

    /**
     * High 64 bits of the unsigned 128-bit product {@code a * b}. JDK 17 has only the signed
     * {@link Math#multiplyHigh}; a negative operand's two's-complement reading is {@code 2^64} too
     * small, which adds the other operand to the high word (JDK 18's {@code unsignedMultiplyHigh}).
     */
    static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** Carry out of the unsigned addition whose low-word result is {@code sum} and one addend {@code addend}. */
    private static long carry(long sum, long addend) {
        return Long.compareUnsigned(sum, addend) < 0 ? 1L : 0L;
    }

    private static BigInteger toUnsigned128(long hi, long lo) {
        byte[] bytes = new byte[17];
        for (int i = 0; i < 8; i++) {
            bytes[1 + i] = (byte) (hi >>> (56 - 8 * i));
            bytes[9 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return new BigInteger(bytes);
    }

    private static void requireUnsigned128(BigInteger value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0 || value.compareTo(TWO_POW_128) >= 0) {
            throw new IllegalArgumentException(name + " must be in [0, 2^128), got " + value);
        }
    }
}
