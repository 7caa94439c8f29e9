package dev.gym4j.api.random;

import static dev.gym4j.api.random.PCG64Test.MASK_128;
import static dev.gym4j.api.random.PCG64Test.MULTIPLIER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The two-long PCG64 arithmetic against a {@link BigInteger} model of the 128-bit LCG. */
class PCG64Properties {

    @Property(tries = 300)
    void stepMatchesThe128BitModel(@ForAll long stateHi, @ForAll long stateLo, @ForAll long incHi, @ForAll long incLo) {
        BigInteger state = unsigned128(stateHi, stateLo);
        BigInteger inc = unsigned128(incHi, incLo);
        PCG64 pcg = new PCG64(new SeedSequence(0));
        pcg.setState(state, inc, false, 0);
        for (int i = 0; i < 5; i++) {
            state = state.multiply(MULTIPLIER).add(inc).and(MASK_128);
            long out = pcg.nextLong();
            assertEquals(state, pcg.state());
            assertEquals(PCG64Test.xslRr(state), out);
        }
    }

    @Property(tries = 300)
    void unsignedMultiplyHighMatchesBigInteger(@ForAll long a, @ForAll long b) {
        assertEquals(PCG64Test.referenceMultiplyHigh(a, b), PCG64.unsignedMultiplyHigh(a, b));
    }

    @Property(tries = 100)
    void copyGivesTheSameStream(@ForAll long stateHi, @ForAll long stateLo, @ForAll long incHi, @ForAll boolean pending,
                                @ForAll int saved) {
        PCG64 pcg = new PCG64(new SeedSequence(0));
        pcg.setState(unsigned128(stateHi, stateLo), unsigned128(incHi, 1L), pending, saved);
        PCG64 copy = pcg.copy();
        for (int i = 0; i < 10; i++) {
            assertEquals(pcg.nextInt(), copy.nextInt());
            assertEquals(pcg.nextLong(), copy.nextLong());
        }
    }

    private static BigInteger unsigned128(long hi, long lo) {
        return new BigInteger(Long.toUnsignedString(hi)).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(lo)));
    }
}
