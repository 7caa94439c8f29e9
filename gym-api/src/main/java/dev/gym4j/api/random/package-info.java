/**
 * Seeded randomness compatible with NumPy bit for bit: {@link dev.gym4j.api.random.SeedSequence},
 * the {@link dev.gym4j.api.random.PCG64} bit generator and the
 * {@link dev.gym4j.api.random.Generator} methods Gymnasium's environments and spaces draw from.
 *
 * <p>{@code Generator.fromSeed(s)} equals {@code np.random.default_rng(s)}, which is what
 * Gymnasium's {@code np_random(s)} returns, so an environment or space seeded with {@code s} sees
 * the same numbers as in Python. Every value, and the stream position after every call, matches
 * NumPy 1.24 and 2.x; the tests check this against vectors recorded from NumPy. The one known
 * exception is described under {@link dev.gym4j.api.random.Generator}: a last-bit difference in
 * roughly one exponential draw in 40 million and one normal draw in 100 million, caused by the C
 * library's {@code log1p}.
 *
 * <p>Nothing in this package is thread-safe except the immutable {@code SeedSequence}: confine each
 * {@code Generator} and {@code PCG64} to one thread.
 */
package dev.gym4j.api.random;
