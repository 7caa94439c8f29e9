package dev.gym4j.api.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link SeedSequence#toWords} (one pass over the bytes) against the former shift-per-word definition. */
class SeedWordsProperties {

    /** The former, quadratic definition: word i is the low 32 bits of value >> 32 i. */
    private static int[] reference(BigInteger value) {
        if (value.signum() == 0) {
            return new int[] {0};
        }
        int n = (value.bitLength() + 31) / 32;
        int[] words = new int[n];
        for (int i = 0; i < n; i++) {
            words[i] = value.shiftRight(32 * i).intValue();
        }
        return words;
    }

    @Property(tries = 1000)
    void matchesTheShiftDefinition(@ForAll @IntRange(min = 0, max = 700) int bits, @ForAll long seed) {
        BigInteger value = new BigInteger(bits, new Random(seed));
        assertArrayEquals(reference(value), SeedSequence.toWords(value), () -> "value " + value);
    }

    @Property(tries = 300)
    void matchesAtWordAndByteBoundaries(@ForAll @IntRange(min = 0, max = 300) int shift, @ForAll @IntRange(min = -1, max = 1) int delta) {
        BigInteger value = BigInteger.ONE.shiftLeft(shift).add(BigInteger.valueOf(delta)).max(BigInteger.ZERO);
        assertArrayEquals(reference(value), SeedSequence.toWords(value), () -> "value " + value);
    }

    @Test
    void aMebibyteSeedSplitsIntoItsWords() {
        BigInteger big = new BigInteger(8 << 20, new Random(1)).setBit((8 << 20) - 1);
        int[] words = SeedSequence.toWords(big);
        assertEquals(1 << 18, words.length);
        for (int i : new int[] {0, 1, 77_777, (1 << 18) - 1}) {
            assertEquals(big.shiftRight(32 * i).intValue(), words[i], "word " + i);
        }
    }
}
