package dev.gym4j.replay;

import dev.gym4j.replay.internal.json.GymJson;
import dev.gym4j.replay.internal.json.Json;

/**
 * The first place where a replayed trajectory differs from the recorded one.
 *
 * <p>Immutable and thread-safe.
 *
 * @param run the run's index (0-based, in file order)
 * @param runSeed the run's {@code seed} field, or null
 * @param episode the episode's index within its run (0-based)
 * @param step the step's index within its episode (0-based); -1 for the reset observation
 * @param field what differs: {@code reset_obs[i]}, {@code action}, {@code obs[i]}, {@code reward},
 *     {@code terminated}, {@code truncated}, {@code steps} (the number of steps), {@code episodes} or
 *     {@code runs} (the number of those)
 * @param expected the recorded value (parsed JSON)
 * @param actual the replayed value (parsed JSON)
 */
public record Mismatch(int run, Object runSeed, int episode, int step, String field, Object expected, Object actual) {

    /** @return for example {@code run 0 (seed 42), episode 1, step 17, obs[2]: expected 0.1, got 0.2} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("run ").append(run);
        if (runSeed != null) {
            sb.append(" (seed ").append(runSeed).append(')');
        }
        if (episode >= 0) {
            sb.append(", episode ").append(episode);
        }
        if (step >= 0) {
            sb.append(", step ").append(step);
        } else if (episode >= 0 && field.startsWith("reset_obs")) {
            sb.append(", reset");
        }
        return sb.append(", ").append(field).append(": expected ").append(Json.write(GymJson.writable(expected)))
                .append(", got ").append(Json.write(GymJson.writable(actual))).toString();
    }
}
