package dev.gym4j.api.random;

/**
 * NumPy's bounded-integer samplers with Lemire's method ({@code use_masked=false}, the only choice
 * {@code numpy.random.Generator} makes): {@code random_bounded_uint64_fill} for int64 and
 * {@code random_bounded_uint8_fill} for int8. Each function states which {@link PCG64} draws it
 * makes, since that decides the stream position afterwards.
 *
 * <p>Stateless apart from {@link Int8Fill}, whose instances live for one fill; thread safety is
 * that of the {@link PCG64} passed in.
 */
final class BoundedIntegers {

    private static final long MAX_UINT32 = 0xFFFF_FFFFL;

    private BoundedIntegers() {
    }

    /**
     * An unsigned value in {@code [0, rng]} (inclusive), drawing as {@code random_bounded_uint64_fill}
     * does with {@code use_masked=false}.
     */
    static long uint64(PCG64 bits, long rng) {
        if (rng == 0L) {
            return 0L;
        }
        if (Long.compareUnsigned(rng, MAX_UINT32) < 0) {
            return lemire32(bits, rng);
        }
        if (rng == MAX_UINT32) {
            return Integer.toUnsignedLong(bits.nextInt());
        }
        if (rng == -1L) {
            return bits.nextLong(); // unreachable through the int64 API; kept for completeness
        }
        return lemire64(bits, rng);
    }

    /** NumPy's {@code buffered_bounded_lemire_uint32}; {@code rng < 2^32 - 1}. */
    private static long lemire32(PCG64 bits, long rng) {
        long rngExcl = rng + 1;
        long m = Integer.toUnsignedLong(bits.nextInt()) * rngExcl;
        long leftover = m & MAX_UINT32;
        if (leftover < rngExcl) {
            long threshold = (MAX_UINT32 - rng) % rngExcl;
            while (leftover < threshold) {
                m = Integer.toUnsignedLong(bits.nextInt()) * rngExcl;
                leftover = m & MAX_UINT32;
            }
        }
        return m >>> 32;
    }

    /** NumPy's {@code bounded_lemire_uint64}; {@code 2^32 - 1 < rng < 2^64 - 1} (unsigned). */
    private static long lemire64(PCG64 bits, long rng) {
        long rngExcl = rng + 1;
        long draw = bits.nextLong();
        long leftover = draw * rngExcl;
        if (Long.compareUnsigned(leftover, rngExcl) < 0) {
            long threshold = Long.remainderUnsigned(-1L - rng, rngExcl);
            while (Long.compareUnsigned(leftover, threshold) < 0) {
                draw = bits.nextLong();
                leftover = draw * rngExcl;
            }
        }
        return PCG64.unsignedMultiplyHigh(draw, rngExcl);
    }

    /** One call's worth of NumPy's {@code random_bounded_uint8_fill}: the byte buffer and the bounds. */
    static final class Int8Fill {
        private final PCG64 bits;
        private final int offset;
        private final int rng;
        private int buffer;
        private int bytesLeft;

        Int8Fill(PCG64 bits, int low, int high) {
            this.bits = bits;
            this.offset = low & 0xFF;
            this.rng = (high - 1 - low) & 0xFF;
        }

        byte next() {
            if (rng == 0) {
                return (byte) offset;
            }
            if (rng == 0xFF) {
                return (byte) (offset + nextByte());
            }
            return (byte) (offset + lemire8());
        }

        /** NumPy's {@code buffered_uint8}: a new 32-bit word every fourth byte, low byte first. */
        private int nextByte() {
            if (bytesLeft == 0) {
                buffer = bits.nextInt();
                bytesLeft = 3;
            } else {
                buffer >>>= 8;
                bytesLeft--;
            }
            return buffer & 0xFF;
        }

        /** NumPy's {@code buffered_bounded_lemire_uint8}; {@code rng < 255}. */
        private int lemire8() {
            int rngExcl = rng + 1;
            int m = nextByte() * rngExcl;
            int leftover = m & 0xFF;
            if (leftover < rngExcl) {
                int threshold = (0xFF - rng) % rngExcl;
                while (leftover < threshold) {
                    m = nextByte() * rngExcl;
                    leftover = m & 0xFF;
                }
            }
            return m >>> 8;
        }
    }
}
