package dev.gym4j.api.random;

import static dev.gym4j.api.random.ZigguratTables.FE;
import static dev.gym4j.api.random.ZigguratTables.FI;
import static dev.gym4j.api.random.ZigguratTables.KE;
import static dev.gym4j.api.random.ZigguratTables.KI;
import static dev.gym4j.api.random.ZigguratTables.WE;
import static dev.gym4j.api.random.ZigguratTables.WI;

/**
 * NumPy's ziggurat samplers {@code random_standard_normal} and {@code random_standard_exponential}
 * (the {@code Generator} versions, not the legacy {@code RandomState} ones), draw for draw.
 *
 * <p><b>Known limit of bit-exactness.</b> The rare slow paths call {@code log1p} and {@code exp}.
 * NumPy calls the C library's; this class calls {@link StrictMath}'s, which gives the same result on
 * every JVM. {@code exp} only decides an accept/reject comparison, which a last-bit difference could
 * flip only in a vanishingly rare near-tie. {@code log1p} enters the returned value in the tail
 * branches (about one normal draw in 3,300 and one exponential draw in 2,000), and glibc 2.36's
 * {@code log1p} differs from {@code StrictMath.log1p} by one ulp for about 0.08% of arguments
 * (glibc's own FMA and non-FMA builds differ from each other for about 0.04%, so NumPy itself is
 * not bit-reproducible there across machines). Adding {@code r} to the logarithm hides most of
 * those differences: measured over a million arguments, 54 per million exponential tail values and
 * 29 per million normal tail values change, so roughly one exponential draw in 40 million and one
 * normal draw in 100 million differs from NumPy on glibc/x86-64, in the last bit, with the draws
 * after it still in step. None did in 20 million draws compared with NumPy 2.4.6.
 *
 * <p>Stateless; thread safety is that of the {@link PCG64} passed in.
 */
final class Ziggurat {

    private static final double NORMAL_R = ZigguratTables.NORMAL_R;
    /** NumPy's {@code ziggurat_nor_inv_r}, written as a decimal constant rather than {@code 1 / r}. */
    private static final double NORMAL_INV_R = 0.27366123732975827203338247596;
    private static final double EXPONENTIAL_R = ZigguratTables.EXPONENTIAL_R;
    private static final long MASK_52 = 0x000F_FFFF_FFFF_FFFFL;

    private Ziggurat() {
    }

    /** One draw of NumPy's {@code random_standard_normal}. */
    static double standardNormal(PCG64 bits) {
        for (;;) {
            long r = bits.nextLong();
            int idx = (int) (r & 0xFF);
            r >>>= 8;
            boolean negative = (r & 1L) != 0;
            long rabs = (r >>> 1) & MASK_52;
            double x = rabs * WI[idx];
            if (negative) {
                x = -x;
            }
            if (rabs < KI[idx]) {
                return x;
            }
            if (idx == 0) {
                return normalTail(bits, rabs);
            }
            if ((FI[idx - 1] - FI[idx]) * nextDouble(bits) + FI[idx] < StrictMath.exp(-0.5 * x * x)) {
                return x;
            }
        }
    }

    /** Marsaglia's tail method beyond {@code r}; the sign comes from bit 8 of the magnitude. */
    private static double normalTail(PCG64 bits, long rabs) {
        for (;;) {
            // 1 - U rather than U avoids log(0), as NumPy does (GH 13361).
            double xx = -NORMAL_INV_R * StrictMath.log1p(-nextDouble(bits));
            double yy = -StrictMath.log1p(-nextDouble(bits));
            if (yy + yy > xx * xx) {
                return ((rabs >>> 8) & 1L) != 0 ? -(NORMAL_R + xx) : NORMAL_R + xx;
            }
        }
    }

    /** One draw of NumPy's {@code random_standard_exponential} (the ziggurat method). */
    static double standardExponential(PCG64 bits) {
        for (;;) {
            long ri = bits.nextLong() >>> 3;
            int idx = (int) (ri & 0xFF);
            ri >>>= 8;
            double x = ri * WE[idx];
            if (ri < KE[idx]) {
                return x;
            }
            if (idx == 0) {
                return EXPONENTIAL_R - StrictMath.log1p(-nextDouble(bits));
            }
            if ((FE[idx - 1] - FE[idx]) * nextDouble(bits) + FE[idx] < StrictMath.exp(-x)) {
                return x;
            }
        }
    }

    /** NumPy's {@code next_double}: the top 53 bits of a 64-bit draw, times {@code 2^-53}. */
    static double nextDouble(PCG64 bits) {
        return (bits.nextLong() >>> 11) * 0x1.0p-53;
    }
}
