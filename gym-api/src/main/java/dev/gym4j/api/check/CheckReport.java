package dev.gym4j.api.check;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the {@link EnvChecker} found: one {@link CheckResult} per check, in the order they ran.
 *
 * <p>Immutable and thread-safe.
 *
 * @param results the checks, in order; copied into an unmodifiable list
 */
public record CheckReport(List<CheckResult> results) {

    /** Copies the results. */
    public CheckReport {
        results = List.copyOf(results);
    }

    /** @return whether every check passed (skipped checks count as passed) */
    public boolean passed() {
        return results.stream().allMatch(CheckResult::passed);
    }

    /** @return the failed checks, in order */
    public List<CheckResult> failures() {
        return results.stream().filter(r -> !r.passed()).collect(Collectors.toUnmodifiableList());
    }

    /**
     * @param name a check's name
     * @return the result of that check, if it ran
     */
    public java.util.Optional<CheckResult> result(String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /**
     * @return one line per check, such as {@code PASS observation space is well formed} or
     *     {@code FAIL reset(seed) is repeatable: ...}
     */
    @Override
    public String toString() {
        return results.stream().map(CheckResult::toString).collect(Collectors.joining(System.lineSeparator()));
    }
}
