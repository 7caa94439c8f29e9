package dev.gym4j.api.wrappers;

import dev.gym4j.api.Env;
import dev.gym4j.api.GymException;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Space;
import java.lang.reflect.Array;
import java.util.Map;

/**
 * A wrapper that returns the last {@code stackSize} observations stacked along a new leading axis, as
 * Gymnasium 1.x's {@code FrameStackObservation}, for envs with a {@code Box} observation space.
 *
 * <p>An observation of shape {@code s} becomes one of shape {@code (stackSize, s...)}, oldest first, in
 * the same primitive array type, row-major: frame {@code k} occupies elements
 * {@code [k * size, (k + 1) * size)}. The observation space is the env's Box repeated {@code stackSize}
 * times along the new axis (Gymnasium's {@code batch_space}).
 *
 * <p>After a reset the slots before the first observation hold the padding: with padding type
 * {@code "reset"} (the default) the reset observation itself; with {@code "zero"} Gymnasium's zero
 * array (0 clipped into the bounds: {@code low} where {@code low > 0}, {@code high} where {@code high < 0});
 * or a fixed observation given to {@link #withPaddingValue}. Each step pushes its observation and drops
 * the oldest. Observations are copied on the way in, and every returned array is fresh, so the env may
 * reuse its buffers and the caller may keep what it gets.
 *
 * <p>Thread safety: not thread-safe, like the env it wraps.
 *
 * @param <O> the observation type: the Box's primitive array type ({@code float[]}, {@code byte[]}, ...)
 * @param <A> the action type
 */
public final class FrameStackObservation<O, A> extends Wrapper<O, A, O, A> {

    private final int stackSize;
    private final String paddingType;
    private final Box<O> frameSpace;
    private final Box<O> observationSpace;
    private final int frameSize;
    private final Object[] frames;
    private int next;
    private Object paddingValue;

    /**
     * Stacks {@code stackSize} observations with padding type {@code "reset"}.
     *
     * @param env an env with a Box observation space; not null
     * @param stackSize how many observations to stack, at least 1
     * @throws InvalidArgumentException if the observation space is not a Box or {@code stackSize < 1}
     */
    public FrameStackObservation(Env<O, A> env, int stackSize) {
        this(env, stackSize, "reset");
    }

    /**
     * @param env an env with a Box observation space; not null
     * @param stackSize how many observations to stack, at least 1
     * @param paddingType {@code "reset"} (pad with the reset observation) or {@code "zero"} (pad with zeros
     *     clipped into the bounds)
     * @throws InvalidArgumentException if the observation space is not a Box, {@code stackSize < 1} or the
     *     padding type is neither {@code "reset"} nor {@code "zero"}
     */
    public FrameStackObservation(Env<O, A> env, int stackSize, String paddingType) {
        this(env, stackSize, checkPaddingType(paddingType), null);
    }

    private FrameStackObservation(Env<O, A> env, int stackSize, String paddingType, O customPadding) {
        super(env);
        if (stackSize < 1) {
            throw new InvalidArgumentException("stackSize needs to be greater than zero, actual value: " + stackSize);
        }
        this.frameSpace = BoxSupport.requireBox(env.observationSpace(), "FrameStackObservation", "observation");
        this.stackSize = stackSize;
        this.paddingType = paddingType;
        this.frameSize = frameSpace.size();
        this.observationSpace = stackedSpace(frameSpace, stackSize);
        if (customPadding != null) {
            String why = frameSpace.whyNotContained(customPadding);
            if (why != null) {
                throw new InvalidArgumentException("The padding value of FrameStackObservation must be an observation of "
                        + frameSpace + ": " + why);
            }
            this.paddingValue = copyFrame(customPadding);
        } else {
            this.paddingValue = zeroFrame(frameSpace);
        }
        this.frames = new Object[stackSize];
        for (int k = 0; k < stackSize; k++) {
            frames[k] = copyFrame(paddingValue);
        }
    }

    /**
     * Stacks observations, padding with a fixed observation after each reset (Gymnasium's custom
     * {@code padding_type}).
     *
     * @param env an env with a Box observation space; not null
     * @param stackSize how many observations to stack, at least 1
     * @param paddingValue an observation of the env's observation space; copied
     * @param <O> the observation type
     * @param <A> the action type
     * @return the wrapper
     * @throws InvalidArgumentException if the observation space is not a Box, {@code stackSize < 1} or
     *     {@code paddingValue} is not in the observation space
     */
    public static <O, A> FrameStackObservation<O, A> withPaddingValue(Env<O, A> env, int stackSize, O paddingValue) {
        if (paddingValue == null) {
            throw new InvalidArgumentException("The padding value of FrameStackObservation must not be null");
        }
        return new FrameStackObservation<>(env, stackSize, "_custom", paddingValue);
    }

    private static String checkPaddingType(String paddingType) {
        if (!"reset".equals(paddingType) && !"zero".equals(paddingType)) {
            throw new InvalidArgumentException("Unexpected paddingType, expected 'reset' or 'zero' (or use withPaddingValue), actual value: '"
                    + paddingType + "'");
        }
        return paddingType;
    }

    private static <O> Box<O> stackedSpace(Box<O> frame, int n) {
        double[] low = frame.low();
        double[] high = frame.high();
        double[] stackedLow = new double[low.length * n];
        double[] stackedHigh = new double[high.length * n];
        for (int k = 0; k < n; k++) {
            System.arraycopy(low, 0, stackedLow, k * low.length, low.length);
            System.arraycopy(high, 0, stackedHigh, k * high.length, high.length);
        }
        int[] shape = frame.shape();
        int[] stackedShape = new int[shape.length + 1];
        stackedShape[0] = n;
        System.arraycopy(shape, 0, stackedShape, 1, shape.length);
        return BoxSupport.box(frame.dtype(), stackedLow, stackedHigh, stackedShape);
    }

    /** Gymnasium's {@code create_zero_array} for a Box: 0, or the nearest bound when 0 is outside. */
    private static Object zeroFrame(Box<?> box) {
        double[] low = box.low();
        double[] high = box.high();
        double[] zero = new double[low.length];
        for (int i = 0; i < zero.length; i++) {
            if (low[i] > 0) {
                zero[i] = low[i];
            }
            if (high[i] < 0) {
                zero[i] = high[i];
            }
        }
        return BoxSupport.toArray(zero, box.dtype());
    }

    @Override
    public ResetResult<O> reset(Long seed, Map<String, ?> options) {
        ResetResult<O> result = resetInner(seed, options);
        if ("reset".equals(paddingType)) {
            paddingValue = copyFrame(result.observation());
        }
        for (int k = 0; k < stackSize - 1; k++) {
            push(paddingValue);
        }
        push(result.observation());
        return new ResetResult<>(stacked(), result.info());
    }

    @Override
    public StepResult<O> step(A action) {
        StepResult<O> result = env.step(action);
        push(result.observation());
        return result.withObservation(stacked());
    }

    private void push(Object frame) {
        System.arraycopy(checkFrame(frame), 0, frames[next], 0, frameSize);
        next = (next + 1) % stackSize;
    }

    @SuppressWarnings("unchecked")
    private O stacked() {
        Object out = Array.newInstance(frames[0].getClass().getComponentType(), stackSize * frameSize);
        for (int k = 0; k < stackSize; k++) {
            System.arraycopy(frames[(next + k) % stackSize], 0, out, k * frameSize, frameSize);
        }
        return (O) out;
    }

    private Object checkFrame(Object frame) {
        if (frame == null || !frameSpace.dtype().arrayType().isInstance(frame) || Array.getLength(frame) != frameSize) {
            throw new GymException("FrameStackObservation expects observations of " + frameSpace + " from " + env
                    + ", got " + BoxSupport.describe(frame));
        }
        return frame;
    }

    private Object copyFrame(Object frame) {
        Object copy = Array.newInstance(checkFrame(frame).getClass().getComponentType(), frameSize);
        System.arraycopy(frame, 0, copy, 0, frameSize);
        return copy;
    }

    /** @return the env's Box repeated {@code stackSize} times along a new leading axis */
    @Override
    public Space<O> observationSpace() {
        return observationSpace;
    }

    /** @return how many observations are stacked */
    public int stackSize() {
        return stackSize;
    }

    /** @return {@code "reset"}, {@code "zero"} or {@code "_custom"} (a padding value was given), as Gymnasium names it */
    public String paddingType() {
        return paddingType;
    }
}
