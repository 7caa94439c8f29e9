package dev.gym4j.api.wrappers;

import dev.gym4j.api.Env;
import dev.gym4j.api.InvalidActionException;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.Space;
import java.util.Arrays;

/**
 * A wrapper that accepts actions in {@code [minAction, maxAction]} and maps them affinely onto the env's
 * {@code Box} action bounds, as Gymnasium's {@code RescaleAction}.
 *
 * <p>Per element, with {@code low}/{@code high} the env's bounds, Gymnasium describes the map from the
 * env's Box to the new one as {@code y = gradient * x + intercept}, with
 * {@code gradient = (max - min) / (high - low)} and {@code intercept = gradient * -low + min} where both
 * new bounds are finite, gradient 1 and intercept {@code max - high} where only {@code max} is finite, and
 * the identity where both are infinite; an action {@code a} of the wrapper is sent to the env as its
 * inverse, {@code (a - intercept) / gradient} (so {@code min -> low}, {@code max -> high}). An infinite new
 * bound must equal the env's bound there, as Gymnasium requires. The gradient and intercept are stored in
 * the Box's dtype and the map is computed in that dtype (float32 arithmetic for a float32 Box), as NumPy
 * does, so the result is bit for bit Gymnasium's. Actions are not clipped.
 *
 * <p>The wrapper's action space is the Box {@code [minAction, maxAction]} of the env's shape and dtype.
 *
 * <p>Thread safety: not thread-safe, like the env it wraps.
 *
 * @param <O> the observation type
 * @param <T> the action type: {@code float[]} or {@code double[]}
 */
public final class RescaleAction<O, T> extends ActionWrapper<O, T, T> {

    private final Box<T> actionSpace;
    private final DType dtype;
    private final float[] gradient32;
    private final float[] intercept32;
    private final double[] gradient64;
    private final double[] intercept64;

    /**
     * @param env an env with a float32 or float64 Box action space; not null
     * @param minAction the new lower bound of every element
     * @param maxAction the new upper bound of every element
     * @throws InvalidArgumentException if the action space is not a float Box or the bounds are invalid
     */
    public RescaleAction(Env<O, T> env, double minAction, double maxAction) {
        this(env, filled(env, minAction), filled(env, maxAction));
    }

    /**
     * @param env an env with a float32 or float64 Box action space; not null
     * @param minAction the new lower bounds, one per element in row-major order
     * @param maxAction the new upper bounds, one per element in row-major order
     * @throws InvalidArgumentException if the action space is not a float Box, the arrays do not have
     *     one element per action element, {@code minAction > maxAction} somewhere, or an infinite bound
     *     (new or old) is not matched by an equal bound on the other side
     */
    public RescaleAction(Env<O, T> env, double[] minAction, double[] maxAction) {
        super(env);
        Box<T> box = BoxSupport.requireBox(env.actionSpace(), "RescaleAction", "action");
        BoxSupport.requireFloat(box, "RescaleAction", "action");
        double[] low = box.low();
        double[] high = box.high();
        validate(box, low, high, minAction, maxAction);
        this.dtype = box.dtype();
        int n = low.length;
        boolean float32 = dtype == DType.FLOAT32;
        gradient32 = float32 ? new float[n] : null;
        intercept32 = float32 ? new float[n] : null;
        gradient64 = float32 ? null : new double[n];
        intercept64 = float32 ? null : new double[n];
        for (int i = 0; i < n; i++) {
            boolean minFinite = Double.isFinite(minAction[i]);
            boolean maxFinite = Double.isFinite(maxAction[i]);
            // NumPy: the gradient is computed wide then stored in the Box dtype; the intercept's product
            // gradient * -low is in the Box dtype, the sum with the float64 new bound in float64.
            double g = minFinite && maxFinite ? (maxAction[i] - minAction[i]) / (high[i] - low[i]) : 1.0;
            if (float32) {
                float gf = (float) g;
                float c = 0f;
                if (maxFinite) {
                    c = (float) (maxAction[i] - high[i]);
                }
                if (minFinite) {
                    c = (float) ((double) (gf * -(float) low[i]) + minAction[i]);
                }
                gradient32[i] = gf;
                intercept32[i] = c;
            } else {
                double c = 0.0;
                if (maxFinite) {
                    c = maxAction[i] - high[i];
                }
                if (minFinite) {
                    c = g * -low[i] + minAction[i];
                }
                gradient64[i] = g;
                intercept64[i] = c;
            }
        }
        this.actionSpace = BoxSupport.box(dtype, minAction, maxAction, box.shape());
    }

    private static double[] filled(Env<?, ?> env, double value) {
        Space<?> space = env.actionSpace();
        int n = space instanceof Box<?> b ? b.size() : 0;
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }

    private static void validate(Box<?> box, double[] low, double[] high, double[] min, double[] max) {
        if (min.length != low.length || max.length != low.length) {
            throw new InvalidArgumentException("RescaleAction needs " + low.length + " minimum and maximum values for "
                    + box + ", got " + min.length + " and " + max.length);
        }
        for (int i = 0; i < low.length; i++) {
            if (Double.isNaN(min[i]) || Double.isNaN(max[i]) || !(min[i] <= max[i])) {
                throw new InvalidArgumentException("RescaleAction needs minAction <= maxAction, got min=" + min[i]
                        + ", max=" + max[i] + " at index " + i);
            }
            if ((Double.isInfinite(min[i]) || Double.isInfinite(low[i])) && min[i] != low[i]) {
                throw new InvalidArgumentException("RescaleAction cannot map the lower bound " + low[i] + " of " + box
                        + " to " + min[i] + " at index " + i + ": an infinite bound can only map to the same infinite bound");
            }
            if ((Double.isInfinite(max[i]) || Double.isInfinite(high[i])) && max[i] != high[i]) {
                throw new InvalidArgumentException("RescaleAction cannot map the upper bound " + high[i] + " of " + box
                        + " to " + max[i] + " at index " + i + ": an infinite bound can only map to the same infinite bound");
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    protected T action(T action) {
        int n = dtype == DType.FLOAT32 ? gradient32.length : gradient64.length;
        if (!actionSpace.dtype().arrayType().isInstance(action) || java.lang.reflect.Array.getLength(action) != n) {
            throw new InvalidActionException("RescaleAction expects an action of " + actionSpace + ", got "
                    + BoxSupport.describe(action));
        }
        if (dtype == DType.FLOAT32) {
            float[] a = (float[]) action;
            float[] out = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = (a[i] - intercept32[i]) / gradient32[i];
            }
            return (T) out;
        }
        double[] a = (double[]) action;
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (a[i] - intercept64[i]) / gradient64[i];
        }
        return (T) out;
    }

    /** @return the Box {@code [minAction, maxAction]} of the env's shape and dtype */
    @Override
    public Space<T> actionSpace() {
        return actionSpace;
    }
}
