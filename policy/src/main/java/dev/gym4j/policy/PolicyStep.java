package dev.gym4j.policy;

import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.MultiDiscrete;
import dev.gym4j.api.spaces.Space;
import java.util.Arrays;

/**
 * What a {@link Policy} chose for a batch of observations: the actions, laid out as a
 * {@link dev.gym4j.api.vector.VectorEnv} takes them, and optionally the log-probability of each chosen action
 * and the value estimate of each observation.
 *
 * <p>Action layouts, row {@code i} being observation {@code i}: a {@code long[batch]} for {@code Discrete}
 * (values including the space's {@code start}), a {@code long[batch * k]} for a {@code MultiDiscrete} of
 * {@code k} dimensions (including {@code start}), a {@code float[batch * k]} for a float32 {@code Box} of
 * {@code k} elements and a {@code double[batch * k]} for a float64 one (row-major, after the metadata's
 * action transform). The arrays are the step's own: the caller may keep or modify them.
 *
 * <p>Not thread-safe to modify; safe to share once no one writes the arrays.
 *
 * @param batchSize the number of rows
 * @param actionSpace the single action space the rows belong to
 * @param actions the batched actions, {@code long[]}, {@code float[]} or {@code double[]} as above
 * @param logProbs per row, the log-probability (density for a Box) of the chosen action under the policy's
 *     distribution, before any clip or rescale; {@code null} for a {@code deterministic} distribution
 * @param values per row, the model's {@code value} output; {@code null} when the model has none
 */
public record PolicyStep(int batchSize, Space<?> actionSpace, Object actions, float[] logProbs, float[] values) {

    /** @return the actions of a Discrete or MultiDiscrete space, or throws for a Box */
    public long[] longActions() {
        if (actions instanceof long[] a) {
            return a;
        }
        throw new IllegalStateException("the actions of " + actionSpace + " are a " + actions.getClass().getSimpleName()
                + ", not a long[]");
    }

    /** @return the actions of a float32 Box, or throws otherwise */
    public float[] floatActions() {
        if (actions instanceof float[] a) {
            return a;
        }
        throw new IllegalStateException("the actions of " + actionSpace + " are a " + actions.getClass().getSimpleName()
                + ", not a float[]");
    }

    /**
     * Row {@code row}'s action as a single env takes it: an {@code Integer} for {@code Discrete}, a
     * {@code long[]} for {@code MultiDiscrete}, a {@code float[]} or {@code double[]} (of the Box's shape,
     * row-major) for a Box.
     *
     * @param row a row, {@code 0 <= row < batchSize}
     * @return a fresh value
     */
    public Object action(int row) {
        if (row < 0 || row >= batchSize) {
            throw new IndexOutOfBoundsException("row " + row + " of a batch of " + batchSize);
        }
        if (actionSpace instanceof Discrete) {
            return Math.toIntExact(((long[]) actions)[row]);
        }
        int k = actionSpace instanceof MultiDiscrete m ? m.nvec().length : ((Box<?>) actionSpace).size();
        if (actions instanceof long[] a) {
            return Arrays.copyOfRange(a, row * k, row * k + k);
        }
        if (actions instanceof float[] a) {
            return Arrays.copyOfRange(a, row * k, row * k + k);
        }
        double[] a = (double[]) actions;
        return Arrays.copyOfRange(a, row * k, row * k + k);
    }

    @Override
    public String toString() {
        return "PolicyStep[" + batchSize + " rows of " + actionSpace + "]";
    }
}
