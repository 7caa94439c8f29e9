package dev.gym4j.api.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SeedSequenceTest {

    @Test
    void longAndBigIntegerConstructorsAgree() {
        for (long seed : new long[] {0, 1, 42, 123456789, (1L << 32) + 7, Long.MAX_VALUE}) {
            SeedSequence a = new SeedSequence(seed);
            SeedSequence b = new SeedSequence(BigInteger.valueOf(seed));
            assertArrayEquals(a.pool(), b.pool());
            assertEquals(a.entropy(), b.entropy());
        }
    }

    @Test
    void entropyWordsAreLittleEndian32BitWords() {
        assertArrayEquals(new int[] {0}, new SeedSequence(0).entropyWords());
        assertArrayEquals(new int[] {7, 1}, new SeedSequence((1L << 32) + 7).entropyWords());
        assertArrayEquals(new int[] {0, 0, 1}, new SeedSequence(BigInteger.ONE.shiftLeft(64)).entropyWords());
        assertArrayEquals(new int[] {-1, -1}, new SeedSequence(new BigInteger("ffffffffffffffff", 16)).entropyWords());
    }

    @Test
    void negativeSeedsAreRejectedWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SeedSequence(-1));
        assertTrue(e.getMessage().contains("non-negative"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SeedSequence(BigInteger.valueOf(-5)));
        assertThrows(NullPointerException.class, () -> new SeedSequence(null));
    }

    @Test
    void generateStateIsRepeatableAndPrefixClosed() {
        SeedSequence seq = new SeedSequence(2024);
        int[] long16 = seq.generateState32(16);
        assertArrayEquals(long16, seq.generateState32(16));
        assertArrayEquals(Arrays.copyOf(long16, 5), seq.generateState32(5));
        assertEquals(0, seq.generateState32(0).length);
        assertEquals(0, seq.generateState64(0).length);
        long[] wide = seq.generateState64(8);
        for (int k = 0; k < 8; k++) {
            assertEquals(Integer.toUnsignedLong(long16[2 * k]) | ((long) long16[2 * k + 1] << 32), wide[k]);
        }
        assertThrows(IllegalArgumentException.class, () -> seq.generateState32(-1));
        assertThrows(IllegalArgumentException.class, () -> seq.generateState64(-1));
    }

    @Test
    void poolIsACopy() {
        SeedSequence seq = new SeedSequence(3);
        int[] pool = seq.pool();
        pool[0] ^= 1;
        assertNotEquals(pool[0], seq.pool()[0]);
        assertEquals(SeedSequence.POOL_SIZE, pool.length);
    }

    @Test
    void osEntropyGivesFreshSeedsOfAtMost128Bits() {
        SeedSequence a = SeedSequence.fromOsEntropy();
        SeedSequence b = SeedSequence.fromOsEntropy();
        assertTrue(a.entropy().signum() >= 0 && a.entropy().bitLength() <= 128);
        assertNotEquals(a.entropy(), b.entropy());
        SeedSequence replay = new SeedSequence(a.entropy());
        assertArrayEquals(a.pool(), replay.pool());
    }

    @Test
    void toStringNamesTheEntropy() {
        assertEquals("SeedSequence(entropy=42)", new SeedSequence(42).toString());
    }
}
