package dev.gym4j.api.spaces;

import dev.gym4j.api.random.Generator;
import dev.gym4j.api.random.PCG64;
import dev.gym4j.api.random.SeedSequence;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A space's own generator, as Gymnasium's {@code Space._np_random}: created from a seed by
 * {@link #seed}, or from OS entropy the first time it is needed.
 *
 * <p>Not thread-safe: confined to the thread that samples the space.
 */
final class SpaceRandom {

    /** Gymnasium draws subspace seeds below {@code np.iinfo(np.int32).max}. */
    private static final long SUBSEED_BOUND = Integer.MAX_VALUE;

    private Generator generator;

    /** @return the generator, seeded from OS entropy if it never was */
    Generator get() {
        if (generator == null) {
            generator = new Generator(new PCG64(SeedSequence.fromOsEntropy()));
        }
        return generator;
    }

    /** Replaces the generator by {@code np_random(seed)}. */
    void seed(long seed) {
        if (seed < 0) {
            throw new IllegalArgumentException("Seed must be a non-negative integer, got " + seed);
        }
        generator = Generator.fromSeed(seed);
    }

    /** Replaces the generator by {@code np_random(seed)} for a seed of any size. */
    void seed(BigInteger seed) {
        if (seed.signum() < 0) {
            throw new IllegalArgumentException("Seed must be a non-negative integer, got " + seed);
        }
        generator = Generator.fromSeed(seed);
    }

    /**
     * Gymnasium's {@code Tuple.seed(int)} / {@code Dict.seed(int)} after the composite's own generator is
     * seeded: one subseed per subspace from {@code integers(int32 max, size=n)}, each subspace seeded with it.
     *
     * @return each subspace's {@code seed} result, concatenated in order
     */
    List<Long> seedChildren(List<? extends Space<?>> children) {
        long[] subseeds = new long[children.size()];
        get().integers(0, SUBSEED_BOUND, subseeds);
        List<Long> used = new ArrayList<>();
        for (int i = 0; i < subseeds.length; i++) {
            used.addAll(children.get(i).seed(subseeds[i]));
        }
        return used;
    }

    /** @return {@code [seed]} followed by the children's seeds */
    static List<Long> prepend(long seed, List<Long> children) {
        List<Long> out = new ArrayList<>(children.size() + 1);
        out.add(seed);
        out.addAll(children);
        return List.copyOf(out);
    }

    /** @return {@code [seed]} followed by the children's seeds, as BigIntegers */
    static List<BigInteger> prepend(BigInteger seed, List<Long> children) {
        List<BigInteger> out = new ArrayList<>(children.size() + 1);
        out.add(seed);
        for (long s : children) {
            out.add(BigInteger.valueOf(s));
        }
        return List.copyOf(out);
    }
}
