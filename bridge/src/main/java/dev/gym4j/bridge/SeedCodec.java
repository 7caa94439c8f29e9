package dev.gym4j.bridge;

import com.google.protobuf.ByteString;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.bridge.proto.Seed;
import java.math.BigInteger;

/**
 * The one encoding of a reset seed on the wire, used by both sides: a {@code Seed} message holds the
 * non-negative integer's big-endian magnitude without a leading zero byte, so a seed of any size (as
 * Gymnasium takes any non-negative Python int) travels unchanged. A long seed is encoded without passing
 * through {@code BigInteger}. Stateless and thread-safe.
 */
final class SeedCodec {

    private SeedCodec() {
    }

    /**
     * @param seed a non-negative seed
     * @return its message
     * @throws InvalidArgumentException if {@code seed} is negative
     */
    static Seed encode(long seed) {
        requireNonNegative(seed < 0, seed);
        int bytes = Math.max(1, (64 - Long.numberOfLeadingZeros(seed) + 7) / 8);
        byte[] b = new byte[bytes];
        for (int i = bytes - 1, shift = 0; i >= 0; i--, shift += 8) {
            b[i] = (byte) (seed >>> shift);
        }
        return Seed.newBuilder().setMagnitude(ByteString.copyFrom(b)).build();
    }

    /**
     * @param seed a non-negative seed of any size
     * @return its message
     * @throws InvalidArgumentException if {@code seed} is negative
     */
    static Seed encode(BigInteger seed) {
        requireNonNegative(seed.signum() < 0, seed);
        byte[] b = seed.toByteArray();
        int skip = b.length > 1 && b[0] == 0 ? 1 : 0;
        return Seed.newBuilder().setMagnitude(ByteString.copyFrom(b, skip, b.length - skip)).build();
    }

    /**
     * @param present whether the request carries a seed
     * @param seed the message (ignored when absent)
     * @return the seed, or null when absent
     */
    static BigInteger decode(boolean present, Seed seed) {
        return present ? new BigInteger(1, seed.getMagnitude().toByteArray()) : null;
    }

    /**
     * For vector envs, whose base seed is a long.
     *
     * @param present whether the request carries a seed
     * @param seed the message (ignored when absent)
     * @return the seed as a long, or null when absent
     * @throws InvalidArgumentException if the seed is {@code 2^63} or more
     */
    static Long decodeLong(boolean present, Seed seed) {
        BigInteger big = decode(present, seed);
        if (big == null) {
            return null;
        }
        if (big.bitLength() > 63) {
            throw new InvalidArgumentException("seed " + big + " is larger than a vector env accepts (at most 2^63 - 1)");
        }
        return big.longValue();
    }

    private static void requireNonNegative(boolean negative, Object seed) {
        if (negative) {
            throw new InvalidArgumentException("Seed must be a non-negative integer, got " + seed);
        }
    }
}
