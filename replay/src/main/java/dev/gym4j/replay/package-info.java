/**
 * Replays recorded trajectories through gym4j envs and compares the result with the recording.
 *
 * <p>The format is the one of Gymnasium's reference data ({@code shared/gymref}): JSON lines, a header
 * object ({@code "type":"header"}, with {@code env_id}) then {@code "type":"run"} objects whose
 * {@code episodes} each hold a {@code reset} ({@code {"seed": int or null, "options": object or null}}) and
 * {@code steps} whose first element is the action. {@link dev.gym4j.replay.TrajectoryReplayer} applies
 * every reset and action in order and records what the env produced in the same format;
 * {@link dev.gym4j.replay.TrajectoryComparison} finds the first place where two such files differ.
 */
package dev.gym4j.replay;
