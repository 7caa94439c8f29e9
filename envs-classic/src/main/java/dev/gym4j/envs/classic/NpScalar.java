package dev.gym4j.envs.classic;

/**
 * A scalar as NumPy 2 sees it (NEP 50 promotion): a {@code float32} scalar, a {@code float64} scalar, or a
 * plain Python {@code float} (a "weak" scalar). Arithmetic and comparisons follow NumPy 2's rules, so that code
 * written with these reads like the Python it copies and computes the same bits:
 * <ul>
 * <li>float32 with float32, or float32 with a Python float: the result is float32 (the Python float is first
 *     rounded to float32);</li>
 * <li>anything with a float64: float64; Python float with Python float: Python float (binary64 too);</li>
 * <li>comparisons promote the same way: a float32 compared with a Python float is compared in float32.</li>
 * </ul>
 * float32 results are computed in double and rounded once, which gives exactly IEEE binary32 {@code + - * /}
 * because 53 >= 2 * 24 + 2.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the value; exactly representable in float32 when {@code kind} is {@link Kind#FLOAT32}
 * @param kind how NumPy holds the value
 */
record NpScalar(double value, Kind kind) {

    /** How NumPy holds a scalar. */
    enum Kind {
        /** {@code np.float32}. */
        FLOAT32,
        /** {@code np.float64}. */
        FLOAT64,
        /** A Python {@code float} or {@code int}: weakly typed, it takes the other operand's type. */
        PYTHON
    }

    /** @return {@code np.float32(v)} */
    static NpScalar float32(double v) {
        return new NpScalar((float) v, Kind.FLOAT32);
    }

    /** @return {@code np.float64(v)} */
    static NpScalar float64(double v) {
        return new NpScalar(v, Kind.FLOAT64);
    }

    /** @return the Python number {@code v} */
    static NpScalar python(double v) {
        return new NpScalar(v, Kind.PYTHON);
    }

    NpScalar plus(NpScalar o) {
        Kind k = promote(o);
        return k == Kind.FLOAT32 ? float32((double) (float) value + (float) o.value) : new NpScalar(value + o.value, k);
    }

    NpScalar minus(NpScalar o) {
        Kind k = promote(o);
        return k == Kind.FLOAT32 ? float32((double) (float) value - (float) o.value) : new NpScalar(value - o.value, k);
    }

    NpScalar times(NpScalar o) {
        Kind k = promote(o);
        return k == Kind.FLOAT32 ? float32((double) (float) value * (float) o.value) : new NpScalar(value * o.value, k);
    }

    boolean greaterThan(NpScalar o) {
        return inFloat32(o) ? (float) value > (float) o.value : value > o.value;
    }

    boolean lessThan(NpScalar o) {
        return inFloat32(o) ? (float) value < (float) o.value : value < o.value;
    }

    boolean atLeast(NpScalar o) {
        return inFloat32(o) ? (float) value >= (float) o.value : value >= o.value;
    }

    boolean equalTo(NpScalar o) {
        return inFloat32(o) ? (float) value == (float) o.value : value == o.value;
    }

    /** Python's {@code max(this, o)}: {@code o} only if it is strictly greater. */
    NpScalar pyMax(NpScalar o) {
        return o.greaterThan(this) ? o : this;
    }

    /** Python's {@code min(this, o)}: {@code o} only if it is strictly less. */
    NpScalar pyMin(NpScalar o) {
        return o.lessThan(this) ? o : this;
    }

    private Kind promote(NpScalar o) {
        if (kind == Kind.FLOAT64 || o.kind == Kind.FLOAT64) {
            return Kind.FLOAT64;
        }
        return kind == Kind.FLOAT32 || o.kind == Kind.FLOAT32 ? Kind.FLOAT32 : Kind.PYTHON;
    }

    private boolean inFloat32(NpScalar o) {
        return promote(o) == Kind.FLOAT32;
    }
}
