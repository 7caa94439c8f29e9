package dev.gym4j.policy;

import dev.gym4j.api.random.Generator;
import dev.gym4j.api.spaces.Space;

/**
 * A policy: a batch of observations in, a batch of actions out.
 *
 * <p><b>Observations</b> come as one flat primitive array holding {@code batchSize} rows of
 * {@link #observationSize()} elements, row-major, exactly as a {@link dev.gym4j.api.vector.VectorEnv} batches
 * them: a {@code float[]} is used as is; a {@code double[]}, {@code int[]}, {@code long[]} or {@code byte[]}
 * (read as unsigned, as uint8 Box values are) is converted to float32. A {@code Discrete} observation batches
 * into a {@code long[batch]} and is one-hot encoded when the model expects {@code n} inputs.
 *
 * <p><b>Actions</b> come back in a {@link PolicyStep}, laid out as the vector env's {@code step} takes them.
 *
 * <p><b>Deterministic or sampled.</b> {@link #actDeterministic} takes the distribution's mode (the argmax of the
 * logits, the Gaussian's mean); {@link #act} samples with the given generator, drawing in row-major order
 * (one {@code random()} per row and discrete dimension, one {@code standardNormal()} per row and Box element),
 * so that the same seed, observations and model give the same actions, here and in NumPy
 * ({@code numpy.random.Generator(PCG64(seed))}).
 *
 * <p><b>Thread safety.</b> Implementations say; {@link OnnxPolicy} is thread-safe (a {@link Generator} is not,
 * so threads acting concurrently each pass their own). Close a policy to release its native resources; using
 * it afterwards throws {@link IllegalStateException}.
 */
public interface Policy extends AutoCloseable {

    /** @return the single observation space the policy reads */
    Space<?> observationSpace();

    /** @return the single action space the policy answers in */
    Space<?> actionSpace();

    /** @return the metadata the policy was loaded with (possibly {@link PolicyMetadata#empty()}) */
    PolicyMetadata metadata();

    /** @return how the policy's outputs become actions (from the metadata, or inferred) */
    PolicyMetadata.Distribution distribution();

    /** @return the number of elements of one observation row in the batch array */
    int observationSize();

    /**
     * Samples actions for a batch of observations.
     *
     * @param observations {@code batchSize * observationSize()} elements, as described above
     * @param batchSize the number of rows, at least 1
     * @param generator the random source, used from this thread only during the call
     * @return the actions (and log-probabilities and values)
     * @throws PolicyException if the batch has the wrong size or type, or the model fails
     */
    PolicyStep act(Object observations, int batchSize, Generator generator);

    /**
     * The distribution's mode for each observation of a batch: the argmax of the logits, the Gaussian's mean,
     * the deterministic action. Draws nothing.
     *
     * @param observations {@code batchSize * observationSize()} elements, as described above
     * @param batchSize the number of rows, at least 1
     * @return the actions (with the log-probability of each mode, and values)
     * @throws PolicyException if the batch has the wrong size or type, or the model fails
     */
    PolicyStep actDeterministic(Object observations, int batchSize);

    /**
     * One observation of a single env in, one action out (a batch of one).
     *
     * @param observation an observation of {@link #observationSpace()} ({@code float[]}, {@code Integer}, ...)
     * @param generator the random source, or {@code null} for the deterministic action
     * @return the action as the single env takes it (see {@link PolicyStep#action(int)})
     */
    default Object actOne(Object observation, Generator generator) {
        Object batch = observation instanceof Integer i ? new long[] {i} : observation;
        PolicyStep step = generator == null ? actDeterministic(batch, 1) : act(batch, 1, generator);
        return step.action(0);
    }

    /** Releases the policy's resources; idempotent. */
    @Override
    void close();
}
