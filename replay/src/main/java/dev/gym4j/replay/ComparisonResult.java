package dev.gym4j.replay;

import java.util.Optional;

/**
 * The outcome of {@link TrajectoryComparison#compare}: how much was compared and the first mismatch.
 *
 * <p>Immutable and thread-safe.
 *
 * @param runs the runs compared
 * @param episodes the episodes compared
 * @param steps the steps compared
 * @param firstMismatch the first difference in file order, or null when everything matched
 */
public record ComparisonResult(int runs, int episodes, long steps, Mismatch firstMismatch) {

    /** @return whether the replay matched the recording everywhere */
    public boolean matches() {
        return firstMismatch == null;
    }

    /** @return the first difference, if any */
    public Optional<Mismatch> mismatch() {
        return Optional.ofNullable(firstMismatch);
    }

    /** @return a one-line summary: what matched, or where the first difference is */
    @Override
    public String toString() {
        return matches()
                ? "match: " + runs + " runs, " + episodes + " episodes, " + steps + " steps"
                : "mismatch after " + steps + " matching steps: " + firstMismatch;
    }
}
