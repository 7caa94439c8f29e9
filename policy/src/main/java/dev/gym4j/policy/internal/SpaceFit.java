package dev.gym4j.policy.internal;

import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.DictSpace;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.spaces.TupleSpace;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Whether a policy made for one space fits an env's space, as Gymnasium compares spaces ({@code Box.__eq__}:
 * same shape and dtype, bounds {@code np.allclose}), plus one equivalence Gymnasium's own envs need: a float Box
 * bound of the dtype's largest finite value equals an infinite one of the same sign. Gymnasium writes
 * {@code np.finfo(np.float32).max} (CartPole's velocity bounds) where gym4j writes infinity, and a float32 array
 * cannot tell the two apart in any way that matters to a policy. Tuple and Dict spaces compare element-wise;
 * everything else with {@code equals}.
 *
 * <p>Thread-safe (stateless).
 */
public final class SpaceFit {

    private SpaceFit() {
    }

    /**
     * @param made the space a policy was made for
     * @param env the env's space
     * @return whether they are the same space in the sense above
     */
    public static boolean fits(Space<?> made, Space<?> env) {
        if (made.equals(env)) {
            return true;
        }
        if (made instanceof Box<?> a && env instanceof Box<?> b) {
            return boxesFit(a, b);
        }
        if (made instanceof TupleSpace a && env instanceof TupleSpace b) {
            List<Space<?>> x = a.spaces();
            List<Space<?>> y = b.spaces();
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!fits(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (made instanceof DictSpace a && env instanceof DictSpace b) {
            Map<String, Space<?>> x = a.spaces();
            Map<String, Space<?>> y = b.spaces();
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            for (Map.Entry<String, Space<?>> e : x.entrySet()) {
                if (!fits(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean boxesFit(Box<?> a, Box<?> b) {
        if (a.dtype() != b.dtype() || !Arrays.equals(a.shape(), b.shape()) || !b.dtype().isFloat()) {
            return false; // integer Boxes: equals already said no
        }
        double largest = b.dtype() == DType.FLOAT32 ? Float.MAX_VALUE : Double.MAX_VALUE;
        return boundsFit(a.low(), a.boundedBelow(), b.low(), b.boundedBelow(), -1, largest)
                && boundsFit(a.high(), a.boundedAbove(), b.high(), b.boundedAbove(), 1, largest);
    }

    private static boolean boundsFit(double[] x, boolean[] xBounded, double[] y, boolean[] yBounded, int side,
            double largest) {
        if (x.length != y.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            double u = xBounded[i] ? x[i] : side * Double.POSITIVE_INFINITY;
            double v = yBounded[i] ? y[i] : side * Double.POSITIVE_INFINITY;
            if (u == v) {
                continue;
            }
            boolean bothHuge = Math.abs(u) >= largest && Math.abs(v) >= largest && Math.signum(u) == Math.signum(v);
            // np.allclose(u, v): |u - v| <= atol + rtol * |v|, with numpy's defaults
            boolean close = Double.isFinite(u) && Double.isFinite(v) && Math.abs(u - v) <= 1e-8 + 1e-5 * Math.abs(v);
            if (!bothHuge && !close) {
                return false;
            }
        }
        return true;
    }
}
