package dev.gym4j.api.wrappers.vector;

import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.Space;
import dev.gym4j.api.vector.VectorBatch;
import dev.gym4j.api.vector.VectorEnv;
import dev.gym4j.api.vector.VectorWrapper;
import java.util.Arrays;

/**
 * Clips every action to the single action space's bounds before the sub-envs see it, as Gymnasium's
 * vector {@code ClipAction}; the wrapper's action spaces are unbounded {@code Box}es of the same shape.
 *
 * <p>Works on float32 and float64 {@code Box} actions ({@code float[]} / {@code double[]} batches). The
 * caller's array is not modified: the clipped actions go into a buffer of the wrapper's, so stepping
 * allocates nothing. Thread safety: not thread-safe.
 *
 * @param <O> the batched observation type
 * @param <A> the batched action type, {@code float[]} or {@code double[]}
 */
public final class ClipAction<O, A> extends VectorWrapper<O, A> {

    private final double[] low;
    private final double[] high;
    private final A clipped;
    private final Space<?> singleActionSpace;
    private final Space<?> actionSpace;

    /**
     * @param env a vector env with a float32 or float64 {@code Box} action space
     * @throws InvalidArgumentException for any other action space
     */
    @SuppressWarnings("unchecked")
    public ClipAction(VectorEnv<O, A> env) {
        super(env);
        if (!(env.singleActionSpace() instanceof Box<?> single) || !single.dtype().isFloat()) {
            throw new InvalidArgumentException("ClipAction needs a float32 or float64 Box action space, got " + env.singleActionSpace());
        }
        Box<?> batched = (Box<?>) env.actionSpace();
        low = batched.low();
        high = batched.high();
        clipped = (A) (single.dtype() == DType.FLOAT32 ? new float[low.length] : new double[low.length]);
        singleActionSpace = unbounded(single.dtype(), single.shape());
        actionSpace = unbounded(single.dtype(), batched.shape());
    }

    private static Space<?> unbounded(DType dtype, int[] shape) {
        int size = 1;
        for (int s : shape) {
            size *= s;
        }
        double[] lo = new double[size];
        double[] hi = new double[size];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        return Box.of(dtype, lo, hi, shape);
    }

    @Override
    public Space<?> singleActionSpace() {
        return singleActionSpace;
    }

    @Override
    public Space<?> actionSpace() {
        return actionSpace;
    }

    @Override
    public VectorBatch<O> step(A actions) {
        if (clipped instanceof float[] out) {
            float[] in = cast(actions, float[].class, out.length);
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) Math.min(Math.max(in[i], low[i]), high[i]);
            }
        } else {
            double[] out = (double[]) clipped;
            double[] in = cast(actions, double[].class, out.length);
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.min(Math.max(in[i], low[i]), high[i]);
            }
        }
        return env.step(clipped);
    }

    private static <T> T cast(Object actions, Class<T> type, int length) {
        if (!type.isInstance(actions) || java.lang.reflect.Array.getLength(actions) != length) {
            throw new InvalidArgumentException("Expected actions as a " + type.getSimpleName() + " of length " + length + ", got "
                    + (actions == null ? "null" : actions.getClass().getSimpleName() + " of length " + java.lang.reflect.Array.getLength(actions)));
        }
        return type.cast(actions);
    }
}
