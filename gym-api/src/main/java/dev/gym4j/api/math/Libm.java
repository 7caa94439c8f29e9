package dev.gym4j.api.math;

import static java.lang.Math.fma;

/**
 * {@code sin}, {@code cos}, {@code pow} and {@code powf} that return exactly what glibc 2.36's libm returns on
 * x86-64 with FMA (the variants its ifunc picks on any CPU with FMA, i.e. what NumPy, Python's {@code math} and
 * therefore Gymnasium compute on such a machine), bit for bit, for every argument.
 *
 * <p>Why: glibc's functions are not correctly rounded, and neither {@link Math} nor {@link StrictMath} agrees with
 * them in the last bit (about 0.2% and 2.7% of random {@code sin} arguments differ). One differing bit in one step
 * of a chaotic env (Acrobot, Pendulum, a long CartPole run) parts the trajectory from Gymnasium's for good, so envs
 * that promise Gymnasium's episodes step for step use these functions.
 *
 * <p>How: the algorithms are the published ones glibc uses (IBM's table-driven {@code sin}/{@code cos} with its
 * 2/pi reduction, Szabolcs Nagy's table-driven {@code pow} and {@code powf}), written here in Java. Where the FMA
 * build of glibc fuses a multiply and an add (read from the machine code of {@code __sin_fma}, {@code __cos_fma},
 * {@code __ieee754_pow_fma} and {@code __powf_fma}), this code calls {@link Math#fma} at the same place, so every
 * rounding happens exactly where glibc's does. The data tables are glibc's own numbers ({@code LibmTables}, read
 * out of the installed library by {@code scripts/libm_tables.py}).
 *
 * <p>Checked against this machine's glibc on the 24,000 Gymnasium-trajectory arguments of
 * {@code libm_vectors_glibc236_fma.txt} and on millions of random arguments over narrow and wide ranges,
 * subnormals, huge values, infinities and NaN ({@code scripts/libm_compare.sh}). NaN results are NaN; their payload
 * bits are not part of the contract. Errno and floating-point exception flags are not modelled.
 *
 * <p>Thread safety: stateless; every method is a pure function and may be called from any thread.
 */
public final class Libm {
    private Libm() {}

    // ---- sin / cos (IBM Accurate Mathematical Library, as in glibc's dbl-64 s_sin.c) ----
    private static final double S1 = -0x1.5555555555555p-3;
    private static final double S2 = 0x1.1111111110ECEp-7;
    private static final double S3 = -0x1.A01A019DB08B8p-13;
    private static final double S4 = 0x1.71DE27B9A7ED9p-19;
    private static final double S5 = -0x1.ADDFFC2FCDF59p-26;
    private static final double SN3 = -0x1.5555555555515p-3;
    private static final double SN5 = 0x1.11110e829872fp-7;
    private static final double CS2 = 0x1.0p-1;
    private static final double CS4 = -0x1.5555555555535p-5;
    private static final double CS6 = 0x1.6c16bedd9e239p-10;
    private static final double BIG = 0x1.8p45;
    private static final double HP0 = 0x1.921FB54442D18p0;
    private static final double HP1 = 0x1.1A62633145C07p-54;
    private static final double MP1 = 0x1.921FB58p0;
    private static final double MP2 = -0x1.DDE973Cp-27;
    private static final double PP3 = -0x1.CB3B398p-55;
    private static final double PP4 = -0x1.d747f23e32ed7p-83;
    private static final double HPINV = 0x1.45F306DC9C883p-1;
    private static final double TOINT = 0x1.8p52;
    private static final double TAYLOR_LIMIT = 0.126;
    private static final double[] SC = LibmTables.SINCOS;

    /**
     * glibc 2.36's {@code sin(x)} (x86-64 FMA variant), bit for bit.
     *
     * @param x an angle in radians, any double
     * @return the sine glibc returns; NaN for NaN and infinite {@code x}
     */
    public static double sin(double x) {
        int k = (int) (Double.doubleToRawLongBits(x) >>> 32) & 0x7fffffff;
        if (k < 0x3e500000) {
            return x;
        } else if (k < 0x3feb6000) {
            return doSin(x, 0.0);
        } else if (k < 0x400368fd) {
            double t = HP0 - Math.abs(x);
            return Math.copySign(doCos(t, HP1), x);
        } else if (k < 0x419921FB) {
            double t = fma(x, HPINV, TOINT);
            double xn = t - TOINT;
            int n = (int) Double.doubleToRawLongBits(t) & 3;
            double y = fma(-xn, MP2, fma(-xn, MP1, x));
            double t2 = fma(-xn, PP3, y);
            double db = fma(-xn, PP3, y - t2);
            double b = fma(-xn, PP4, t2);
            db = db + fma(-xn, PP4, t2 - b);
            return doSinCos(b, db, n);
        } else if (k < 0x7ff00000) {
            double[] ada = new double[2];
            int n = branred(x, ada);
            return doSinCos(ada[0], ada[1], n);
        }
        return x / x;
    }

    /**
     * glibc 2.36's {@code cos(x)} (x86-64 FMA variant), bit for bit.
     *
     * @param x an angle in radians, any double
     * @return the cosine glibc returns; NaN for NaN and infinite {@code x}
     */
    public static double cos(double x) {
        int k = (int) (Double.doubleToRawLongBits(x) >>> 32) & 0x7fffffff;
        if (k < 0x3e400000) {
            return 1.0;
        } else if (k < 0x3feb6000) {
            return doCos(x, 0.0);
        } else if (k < 0x400368fd) {
            double y = HP0 - Math.abs(x);
            double a = y + HP1;
            double da = (y - a) + HP1;
            return doSin(a, da);
        } else if (k < 0x419921FB) {
            double t = fma(x, HPINV, TOINT);
            double xn = t - TOINT;
            int n = (int) Double.doubleToRawLongBits(t) & 3;
            double y = fma(-xn, MP2, fma(-xn, MP1, x));
            double t2 = fma(-xn, PP3, y);
            double db = fma(-xn, PP3, y - t2);
            double b = fma(-xn, PP4, t2);
            db = db + fma(-xn, PP4, t2 - b);
            return doSinCos(b, db, n + 1);
        } else if (k < 0x7ff00000) {
            double[] ada = new double[2];
            int n = branred(x, ada);
            return doSinCos(ada[0], ada[1], n + 1);
        }
        return x / x;
    }

    private static double doSinCos(double a, double da, int n) {
        double r = (n & 1) != 0 ? doCos(a, da) : doSin(a, da);
        return (n & 2) != 0 ? -r : r;
    }

    /** sin(x + dx) for |x| below about pi/4: a Taylor polynomial near 0, else table value plus corrections. */
    private static double doSin(double x, double dx) {
        double xold = x;
        if (Math.abs(x) < TAYLOR_LIMIT) {
            double xx = x * x;
            double p = fma(xx, fma(xx, fma(xx, fma(xx, S5, S4), S3), S2), S1);
            double t = fma(xx, fma(p, x, -(0.5 * dx)), dx);
            return x + t;
        }
        if (x <= 0) {
            dx = -dx;
        }
        double ax = Math.abs(x);
        double u = BIG + ax;
        x = ax - (u - BIG);
        double xx = x * x;
        double s = x + fma(x * xx, fma(xx, SN5, SN3), dx);
        double c = fma(x, dx, xx * fma(xx, fma(xx, CS6, CS4), CS2));
        int k = (int) Double.doubleToRawLongBits(u) << 2;
        double sn = SC[k];
        double cor = fma(s, SC[k + 2], fma(-c, sn, fma(s, SC[k + 3], SC[k + 1])));
        return Math.copySign(sn + cor, xold);
    }

    /** cos(x + dx) for |x| below about pi/4, from the table value plus corrections. */
    private static double doCos(double x, double dx) {
        if (x < 0) {
            dx = -dx;
        }
        double ax = Math.abs(x);
        double u = BIG + ax;
        x = (ax - (u - BIG)) + dx;
        double xx = x * x;
        double s = fma(x * xx, fma(xx, SN5, SN3), x);
        double c = xx * fma(xx, fma(xx, CS6, CS4), CS2);
        int k = (int) Double.doubleToRawLongBits(u) << 2;
        double cs = SC[k + 2];
        double cor = fma(-s, SC[k], fma(-c, cs, fma(-s, SC[k + 1], SC[k + 3])));
        return cs + cor;
    }

    // ---- huge-argument reduction (glibc's branred.c; compiled without FMA in glibc, so none here) ----
    private static final double SPLIT = 0x1.0000002p27; // 2^27 + 1
    private static final double TM600 = 0x1.0p-600;
    private static final double TM24 = 0x1.0p-24;
    private static final long T576_BITS = 0x63f0000000000000L; // 2^576
    private static final double BIG1 = 0x1.8p54;
    private static final double BR_MP1 = 0x1.921FB58p0;
    private static final double BR_MP2 = -0x1.dde974p-27;
    private static final double[] TOVERP = LibmTables.TOVERP;

    /** x = n*pi/2 + (a + aa) with |a + aa| < pi/4; writes a and aa to {@code out}, returns n mod 4. */
    private static int branred(double x, double[] out) {
        double[] r = new double[6];
        x *= TM600;
        double t = x * SPLIT;
        double x1 = t - (t - x);
        double x2 = x - x1;
        double[] part = new double[3];
        branredHalf(x1, r, part);
        double b1 = part[0];
        double bb1 = part[1];
        double sum1 = part[2];
        branredHalf(x2, r, part);
        double b2 = part[0];
        double bb2 = part[1];
        double sum2 = part[2];

        double sum = sum1 + sum2;
        double b = b1 + b2;
        double bb = Math.abs(b1) > Math.abs(b2) ? (b1 - b) + b2 : (b2 - b) + b1;
        if (b > 0.5) {
            b -= 1.0;
            sum += 1.0;
        } else if (b < -0.5) {
            b += 1.0;
            sum -= 1.0;
        }
        double s = b + ((bb + bb1) + bb2);
        t = ((b - s) + bb) + (bb1 + bb2);
        b = s * SPLIT;
        double t1 = b - (b - s);
        double t2 = s - t1;
        b = s * HP0;
        bb = (((t1 * BR_MP1 - b) + t1 * BR_MP2) + t2 * BR_MP1) + ((t2 * BR_MP2 + s * HP1) + t * HP0);
        s = b + bb;
        t = (b - s) + bb;
        out[0] = s;
        out[1] = t;
        return ((int) sum) & 3;
    }

    private static void branredHalf(double xh, double[] r, double[] out) {
        int k = (int) (Double.doubleToRawLongBits(xh) >>> 52) & 2047;
        k = (k - 450) / 24;
        if (k < 0) {
            k = 0;
        }
        double gor = Double.longBitsToDouble(T576_BITS - ((long) (k * 24) << 52));
        for (int i = 0; i < 6; i++) {
            r[i] = xh * TOVERP[k + i] * gor;
            gor *= TM24;
        }
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            double s = (r[i] + TOINT) - TOINT;
            sum += s;
            r[i] -= s;
        }
        double t = 0;
        for (int i = 0; i < 6; i++) {
            t += r[5 - i];
        }
        double bb = (((((r[0] - t) + r[1]) + r[2]) + r[3]) + r[4]) + r[5];
        double s = (t + TOINT) - TOINT;
        sum += s;
        t -= s;
        double b = t + bb;
        bb = (t - b) + bb;
        s = (sum + BIG1) - BIG1;
        sum -= s;
        out[0] = b;
        out[1] = bb;
        out[2] = sum;
    }

    // ---- pow (glibc's dbl-64 e_pow.c: table-driven log, then exp, in extended precision) ----
    private static final double LN2HI = 0x1.62e42fefa3800p-1;
    private static final double LN2LO = 0x1.ef35793c76730p-45;
    private static final double A0 = -0.5;
    private static final double A1 = -0x1.5555555555560p-1;
    private static final double A2 = 0x1.0000000000006p-1;
    private static final double A3 = 0x1.999999959554ep-1;
    private static final double A4 = -0x1.555555529a47ap-1;
    private static final double A5 = -0x1.2495b9b4845e9p+0;
    private static final double A6 = 0x1.0002b8b263fc3p+0;
    private static final long OFF = 0x3fe6955500000000L;
    private static final double INV_LN2_N = 0x1.71547652b82fep+7;
    private static final double NEG_LN2_HI_N = -0x1.62e42fefa0000p-8;
    private static final double NEG_LN2_LO_N = -0x1.cf79abc9e3b3ap-47;
    private static final double C2 = 0x1.ffffffffffdbdp-2;
    private static final double C3 = 0x1.555555555543cp-3;
    private static final double C4 = 0x1.55555cf172b91p-5;
    private static final double C5 = 0x1.1111167a4d017p-7;
    private static final double SHIFT = 0x1.8p52;
    private static final int SIGN_BIAS = 0x800 << 7;
    private static final long ONE_BITS = 0x3ff0000000000000L;
    private static final long INF_BITS = 0x7ff0000000000000L;
    private static final double[] INVC = LibmTables.POW_INVC;
    private static final double[] LOGC = LibmTables.POW_LOGC;
    private static final double[] LOGCTAIL = LibmTables.POW_LOGCTAIL;
    private static final long[] EXP_TAB = LibmTables.EXP_TAB;

    /**
     * glibc 2.36's {@code pow(x, y)} (x86-64 FMA variant), bit for bit; this is also what NumPy's scalar
     * {@code float64 ** float64} and Python's {@code float ** float} compute (note that {@code x**2} is therefore
     * not always {@code x*x}).
     *
     * @param x the base, any double
     * @param y the exponent, any double
     * @return the power glibc returns, with C99's special cases (e.g. {@code pow(NaN, 0) == 1}, a negative base
     *     with a non-integer exponent gives NaN)
     */
    public static double pow(double x, double y) {
        int signBias = 0;
        long ix = Double.doubleToRawLongBits(x);
        long iy = Double.doubleToRawLongBits(y);
        int topx = (int) (ix >>> 52);
        int topy = (int) (iy >>> 52);
        if (Integer.compareUnsigned(topx - 0x001, 0x7ff - 0x001) >= 0
                || Integer.compareUnsigned((topy & 0x7ff) - 0x3be, 0x43e - 0x3be) >= 0) {
            if (zeroInfNan(iy)) {
                if (2 * iy == 0) {
                    return isSignaling(ix) ? x + y : 1.0;
                }
                if (ix == ONE_BITS) {
                    return isSignaling(iy) ? x + y : 1.0;
                }
                if (Long.compareUnsigned(2 * ix, 2 * INF_BITS) > 0 || Long.compareUnsigned(2 * iy, 2 * INF_BITS) > 0) {
                    return x + y;
                }
                if (2 * ix == 2 * ONE_BITS) {
                    return 1.0;
                }
                if ((Long.compareUnsigned(2 * ix, 2 * ONE_BITS) < 0) == (iy >= 0)) {
                    return 0.0;
                }
                return y * y;
            }
            if (zeroInfNan(ix)) {
                double x2 = x * x;
                if (ix < 0 && checkInt(iy) == 1) {
                    x2 = -x2;
                }
                return iy < 0 ? 1 / x2 : x2;
            }
            if (ix < 0) {
                int yint = checkInt(iy);
                if (yint == 0) {
                    return (x - x) / (x - x);
                }
                if (yint == 1) {
                    signBias = SIGN_BIAS;
                }
                ix &= 0x7fffffffffffffffL;
                topx &= 0x7ff;
            }
            if (Integer.compareUnsigned((topy & 0x7ff) - 0x3be, 0x43e - 0x3be) >= 0) {
                if (ix == ONE_BITS) {
                    return 1.0;
                }
                if ((topy & 0x7ff) < 0x3be) {
                    return Long.compareUnsigned(ix, ONE_BITS) > 0 ? 1.0 + y : 1.0 - y;
                }
                return (Long.compareUnsigned(ix, ONE_BITS) > 0) == (topy < 0x800)
                        ? Double.POSITIVE_INFINITY : 0.0;
            }
            if (topx == 0) {
                ix = Double.doubleToRawLongBits(x * 0x1p52);
                ix &= 0x7fffffffffffffffL;
                ix -= 52L << 52;
            }
        }

        // log(x) as hi + lo
        long tmp = ix - OFF;
        int i = (int) ((tmp >>> 45) & 127);
        int k = (int) (tmp >> 52);
        long iz = ix - (tmp & (0xfffL << 52));
        double z = Double.longBitsToDouble(iz);
        double kd = k;
        double r = fma(z, INVC[i], -1.0);
        double t1 = fma(kd, LN2HI, LOGC[i]);
        double t2 = t1 + r;
        double lo1 = fma(kd, LN2LO, LOGCTAIL[i]);
        double lo2 = (t1 - t2) + r;
        double ar = A0 * r;
        double ar2 = r * ar;
        double ar3 = r * ar2;
        double hi = t2 + ar2;
        double lo3 = fma(ar, r, -ar2);
        double lo4 = (t2 - hi) + ar2;
        double q = fma(ar2, fma(ar2, fma(r, A6, A5), fma(r, A4, A3)), fma(r, A2, A1));
        double lo = fma(ar3, q, ((lo1 + lo2) + lo3) + lo4);
        double logHi = hi + lo;
        double logLo = (hi - logHi) + lo;

        double ehi = y * logHi;
        double elo = fma(y, logLo, fma(logHi, y, -ehi));
        return expInline(ehi, elo, signBias);
    }

    private static double expInline(double x, double xtail, int signBias) {
        int abstop = (int) (Double.doubleToRawLongBits(x) >>> 52) & 0x7ff;
        if (Integer.compareUnsigned(abstop - 0x3c9, 0x408 - 0x3c9) >= 0) {
            if (abstop < 0x3c9) {
                double one = 1.0 + x;
                return signBias != 0 ? -one : one;
            }
            if (abstop >= 0x409) {
                if (Double.doubleToRawLongBits(x) < 0) {
                    return signBias != 0 ? -0.0 : 0.0;
                }
                return signBias != 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            abstop = 0;
        }
        double kd = fma(x, INV_LN2_N, SHIFT);
        long ki = Double.doubleToRawLongBits(kd);
        kd -= SHIFT;
        double r = fma(kd, NEG_LN2_LO_N, fma(kd, NEG_LN2_HI_N, x));
        r = xtail + r;
        int idx = 2 * (int) (ki & 127);
        long top = (ki + signBias) << 45;
        double tail = Double.longBitsToDouble(EXP_TAB[idx]);
        long sbits = EXP_TAB[idx + 1] + top;
        double r2 = r * r;
        double tmp = fma(r2 * r2, fma(r, C5, C4), fma(r2, fma(r, C3, C2), r + tail));
        if (abstop == 0) {
            return expSpecialCase(tmp, sbits, ki);
        }
        double scale = Double.longBitsToDouble(sbits);
        return fma(scale, tmp, scale);
    }

    private static double expSpecialCase(double tmp, long sbits, long ki) {
        if ((ki & 0x80000000L) == 0) {
            double scale = Double.longBitsToDouble(sbits - (1009L << 52));
            double y = fma(scale, tmp, scale);
            return y * 0x1p1009;
        }
        sbits += 1022L << 52;
        double scale = Double.longBitsToDouble(sbits);
        double st = tmp * scale;
        double y = scale + st;
        if (Math.abs(y) < 1.0) {
            double one = y < 0.0 ? -1.0 : 1.0;
            double lo = (scale - y) + st;
            double hi = y + one;
            lo = ((one - hi) + y) + lo;
            y = (lo + hi) - one;
            if (y == 0.0) {
                y = Double.longBitsToDouble(sbits & 0x8000000000000000L);
            }
        }
        return y * 0x1p-1022;
    }

    /** 0 if not an integer, 1 if odd, 2 if even; {@code iy} is a non-zero finite double's bits. */
    private static int checkInt(long iy) {
        int e = (int) (iy >>> 52) & 0x7ff;
        if (e < 0x3ff) {
            return 0;
        }
        if (e > 0x3ff + 52) {
            return 2;
        }
        if ((iy & ((1L << (0x3ff + 52 - e)) - 1)) != 0) {
            return 0;
        }
        if ((iy & (1L << (0x3ff + 52 - e))) != 0) {
            return 1;
        }
        return 2;
    }

    private static boolean zeroInfNan(long i) {
        return Long.compareUnsigned(2 * i - 1, 2 * INF_BITS - 1) >= 0;
    }

    private static boolean isSignaling(long i) {
        return (i & 0x7ff8000000000000L) == 0x7ff0000000000000L && (i & 0x000fffffffffffffL) != 0;
    }

    // ---- powf (glibc's flt-32 e_powf.c: log2 and exp2 in double precision) ----
    private static final int POWF_OFF = 0x3f330000;
    private static final double[] PF_INVC = LibmTables.POWF_INVC;
    private static final double[] PF_LOGC = LibmTables.POWF_LOGC;
    private static final double PF_A0 = LibmTables.POWF_POLY[0];
    private static final double PF_A1 = LibmTables.POWF_POLY[1];
    private static final double PF_A2 = LibmTables.POWF_POLY[2];
    private static final double PF_A3 = LibmTables.POWF_POLY[3];
    private static final double PF_A4 = LibmTables.POWF_POLY[4];
    private static final long[] EXP2F_TAB = LibmTables.EXP2F_TAB;
    private static final double E2_C0 = LibmTables.EXP2F_POLY[0];
    private static final double E2_C1 = LibmTables.EXP2F_POLY[1];
    private static final double E2_C2 = LibmTables.EXP2F_POLY[2];
    private static final double E2_SHIFT = 0x1.8p52 / 32;
    private static final int POWF_SIGN_BIAS = 1 << (5 + 11);

    /**
     * glibc 2.36's {@code powf(x, y)} (x86-64 FMA variant), bit for bit; this is what NumPy's scalar
     * {@code float32 ** float32} computes (so {@code u**2} on a float32 is not always {@code u*u}).
     *
     * @param x the base, any float
     * @param y the exponent, any float
     * @return the power glibc returns, with C99's special cases
     */
    public static float powf(float x, float y) {
        int signBias = 0;
        int ix = Float.floatToRawIntBits(x);
        int iy = Float.floatToRawIntBits(y);
        if (Integer.compareUnsigned(ix - 0x00800000, 0x7f800000 - 0x00800000) >= 0 || zeroInfNanF(iy)) {
            if (zeroInfNanF(iy)) {
                if (2 * iy == 0) {
                    return isSignalingF(ix) ? x + y : 1.0f;
                }
                if (ix == 0x3f800000) {
                    return isSignalingF(iy) ? x + y : 1.0f;
                }
                if (Integer.compareUnsigned(2 * ix, 2 * 0x7f800000) > 0
                        || Integer.compareUnsigned(2 * iy, 2 * 0x7f800000) > 0) {
                    return x + y;
                }
                if (2 * ix == 2 * 0x3f800000) {
                    return 1.0f;
                }
                if ((Integer.compareUnsigned(2 * ix, 2 * 0x3f800000) < 0) == (iy >= 0)) {
                    return 0.0f;
                }
                return y * y;
            }
            if (zeroInfNanF(ix)) {
                float x2 = x * x;
                if (ix < 0 && checkIntF(iy) == 1) {
                    x2 = -x2;
                }
                return iy < 0 ? 1 / x2 : x2;
            }
            if (ix < 0) {
                int yint = checkIntF(iy);
                if (yint == 0) {
                    return (x - x) / (x - x);
                }
                if (yint == 1) {
                    signBias = POWF_SIGN_BIAS;
                }
                ix &= 0x7fffffff;
            }
            if (ix < 0x00800000) {
                ix = Float.floatToRawIntBits(x * 0x1p23f);
                ix &= 0x7fffffff;
                ix -= 23 << 23;
            }
        }
        // log2(x)
        int tmp = ix - POWF_OFF;
        int i = (tmp >>> 19) & 15;
        int top = tmp & 0xff800000;
        int iz = ix - top;
        int k = top >> 23;
        double z = Float.intBitsToFloat(iz);
        double r = fma(z, PF_INVC[i], -1.0);
        double y0 = PF_LOGC[i] + k;
        double r2 = r * r;
        double p = fma(r, PF_A2, PF_A3);
        double r4 = r2 * r2;
        double q = fma(r2, p, fma(r, PF_A4, y0));
        double logx = fma(fma(r, PF_A0, PF_A1), r4, q);

        double ylogx = y * logx;
        if (((Double.doubleToRawLongBits(ylogx) >>> 47) & 0xffff) >= (Double.doubleToRawLongBits(126.0) >>> 47)) {
            if (ylogx > 0x1.fffffffd1d571p+6) {
                return signBias != 0 ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
            }
            if (ylogx <= -150.0) {
                return signBias != 0 ? -0.0f : 0.0f;
            }
            if (ylogx < -149.0) {
                return signBias != 0 ? -Float.MIN_VALUE : Float.MIN_VALUE;
            }
        }
        // exp2(ylogx)
        double kd = ylogx + E2_SHIFT;
        long ki = Double.doubleToRawLongBits(kd);
        kd -= E2_SHIFT;
        double rr = ylogx - kd;
        long t = EXP2F_TAB[(int) (ki & 31)];
        t += (ki + signBias) << (52 - 5);
        double s = Double.longBitsToDouble(t);
        double zz = fma(rr, E2_C0, E2_C1);
        double rr2 = rr * rr;
        double yy = fma(zz, rr2, fma(rr, E2_C2, 1.0));
        return (float) (yy * s);
    }

    private static int checkIntF(int iy) {
        int e = (iy >>> 23) & 0xff;
        if (e < 0x7f) {
            return 0;
        }
        if (e > 0x7f + 23) {
            return 2;
        }
        if ((iy & ((1 << (0x7f + 23 - e)) - 1)) != 0) {
            return 0;
        }
        if ((iy & (1 << (0x7f + 23 - e))) != 0) {
            return 1;
        }
        return 2;
    }

    private static boolean zeroInfNanF(int i) {
        return Integer.compareUnsigned(2 * i - 1, 2 * 0x7f800000 - 1) >= 0;
    }

    private static boolean isSignalingF(int i) {
        return (i & 0x7fc00000) == 0x7f800000 && (i & 0x007fffff) != 0;
    }
}
