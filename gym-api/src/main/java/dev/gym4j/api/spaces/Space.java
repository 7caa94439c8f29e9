package dev.gym4j.api.spaces;

import dev.gym4j.api.random.Generator;
import java.math.BigInteger;
import java.util.List;

/**
 * A set of values with a seeded sampler, as Gymnasium's {@code gymnasium.spaces.Space}.
 *
 * <p>The hierarchy is sealed: {@link Box}, {@link Discrete}, {@link MultiDiscrete}, {@link MultiBinary},
 * {@link TupleSpace} and {@link DictSpace}. Code that handles every space uses an {@code instanceof}
 * chain ending in {@code throw new AssertionError(space)}.
 *
 * <p>Value types: a {@code Box} holds a primitive array of its dtype ({@code float[]}, {@code double[]},
 * {@code byte[]} read as unsigned for uint8, {@code int[]}, {@code long[]}) in row-major order;
 * {@code Discrete} holds {@code Integer}; {@code MultiDiscrete} {@code long[]}; {@code MultiBinary}
 * {@code byte[]} of 0 and 1; {@code TupleSpace} an unmodifiable {@code List<Object>}; {@code DictSpace} an
 * ordered {@code Map<String, Object>}.
 *
 * <p>Thread safety: the set a space describes is immutable and {@link #contains} is thread-safe;
 * {@link #sample} and {@link #seed} use the space's own generator and must be confined to one thread.
 *
 * @param <T> the value type
 */
public sealed interface Space<T> permits Box, Discrete, MultiDiscrete, MultiBinary, TupleSpace, DictSpace {

    /**
     * @param x any object, possibly null
     * @return whether {@code x} is a value of this space: the right Java type, shape, dtype, within
     *     bounds and not NaN
     */
    boolean contains(Object x);

    /**
     * Draws a value with the space's generator, exactly as Gymnasium's {@code sample()} does with the
     * same seed. An unseeded space seeds itself from OS entropy on first use.
     *
     * @return a fresh value; the caller owns it
     */
    T sample();

    /**
     * Re-seeds the space's generator, as Gymnasium's {@code Space.seed(seed)}.
     *
     * @param seed a non-negative seed
     * @return the seeds used: {@code [seed]} for simple spaces, the seed then each subspace's for
     *     composite spaces
     * @throws IllegalArgumentException if {@code seed} is negative
     */
    List<Long> seed(long seed);

    /**
     * Re-seeds the space's generator with a seed of any size, as Gymnasium accepts any non-negative
     * Python int (for instance {@code 2**64 + 5}).
     *
     * @param seed a non-negative seed
     * @return the seeds used, as {@link #seed(long)} returns them
     * @throws IllegalArgumentException if {@code seed} is negative
     */
    List<BigInteger> seed(BigInteger seed);

    /** @return the space's generator (seeding it from OS entropy first if it was never seeded) */
    Generator npRandom();

    /** @return the shape of a value, {@code []} for a scalar; null for {@code TupleSpace} and {@code DictSpace} */
    int[] shape();

    /** @return the element dtype; null for {@code TupleSpace} and {@code DictSpace} */
    DType dtype();

    /**
     * Describes why {@code x} is not in the space, for error messages.
     *
     * @param x the rejected value
     * @return a short reason, or null if {@code x} is in the space
     */
    String whyNotContained(Object x);

    /**
     * @param x a value of this space
     * @return a deep copy of the value
     */
    T copyValue(T x);

    /**
     * @param a a value of this space, or null
     * @param b another value, or null
     * @return whether the two values are equal element by element (arrays by content, NaN equal to NaN)
     */
    boolean valuesEqual(Object a, Object b);

    /**
     * @param x a value of this space
     * @return the value written as Gymnasium's repr would (arrays as {@code [1.0, 2.0]})
     */
    String valueToString(Object x);
}
