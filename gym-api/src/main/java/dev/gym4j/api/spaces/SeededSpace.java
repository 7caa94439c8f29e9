package dev.gym4j.api.spaces;

import dev.gym4j.api.random.Generator;
import java.math.BigInteger;
import java.util.List;

/**
 * The generator handling shared by the six spaces: each owns a {@link SpaceRandom}, which
 * {@link #seed(long)} replaces and {@link #npRandom()} exposes. A simple space is seeded with the seed
 * alone; {@link CompositeSpace} also seeds its subspaces.
 *
 * <p>Not part of the API: {@link Space} is sealed, and the six public classes that implement it extend
 * this class only to share these methods.
 */
abstract class SeededSpace {

    /** The space's own generator, seeded from OS entropy the first time it is needed. */
    final SpaceRandom random = new SpaceRandom();

    SeededSpace() {
    }

    /**
     * Re-seeds the space's generator, as Gymnasium's {@code Space.seed(seed)}.
     *
     * @param seed a non-negative seed
     * @return {@code [seed]}
     * @throws IllegalArgumentException if {@code seed} is negative
     */
    public List<Long> seed(long seed) {
        random.seed(seed);
        return List.of(seed);
    }

    /**
     * Re-seeds the space's generator with a seed of any size.
     *
     * @param seed a non-negative seed
     * @return {@code [seed]}
     * @throws IllegalArgumentException if {@code seed} is negative
     */
    public List<BigInteger> seed(BigInteger seed) {
        random.seed(seed);
        return List.of(seed);
    }

    /** @return the space's generator (seeding it from OS entropy first if it was never seeded) */
    public Generator npRandom() {
        return random.get();
    }

    /**
     * @param x a value of the space
     * @return the value as Python would print it; spaces whose values need more than that override this
     */
    public String valueToString(Object x) {
        return ValueText.generic(x);
    }
}
