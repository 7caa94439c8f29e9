/**
 * Vector wrappers, as Gymnasium's {@code gymnasium.wrappers.vector}: each wraps a
 * {@link dev.gym4j.api.vector.VectorEnv} through {@link dev.gym4j.api.vector.VectorWrapper} (or, when it
 * changes the observation type, implements {@code VectorEnv} itself).
 *
 * <ul>
 * <li>{@link dev.gym4j.api.wrappers.vector.RecordEpisodeStatistics}: per-sub-env episode return, length and time.
 * <li>{@link dev.gym4j.api.wrappers.vector.ClipAction}: clips {@code Box} actions to the bounds.
 * <li>{@link dev.gym4j.api.wrappers.vector.NormalizeObservation}: running mean and variance over every sub-env.
 * <li>{@link dev.gym4j.api.wrappers.vector.TransformObservation}: a function applied to the observation batch.
 * </ul>
 *
 * <p>Like vector envs, vector wrappers are not thread-safe: one calling thread at a time.
 */
package dev.gym4j.api.wrappers.vector;
