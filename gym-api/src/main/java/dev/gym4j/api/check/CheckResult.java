package dev.gym4j.api.check;

import java.util.Objects;

/**
 * The outcome of one check of the {@link EnvChecker}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name what was checked, phrased as the property that should hold ("reset(seed) is repeatable")
 * @param passed whether it held (a skipped check counts as passed and says why in {@code detail})
 * @param detail why it failed, or a note on a pass (a warning, or why it was skipped); never null, empty
 *     when there is nothing to say
 */
public record CheckResult(String name, boolean passed, String detail) {

    /** Validates the name and turns a null detail into an empty one. */
    public CheckResult {
        Objects.requireNonNull(name, "name");
        detail = detail == null ? "" : detail;
    }

    /**
     * @param name the check
     * @return a pass with nothing to add
     */
    public static CheckResult pass(String name) {
        return new CheckResult(name, true, "");
    }

    /**
     * @param name the check
     * @param note a warning or remark, possibly empty
     * @return a pass with a note
     */
    public static CheckResult pass(String name, String note) {
        return new CheckResult(name, true, note);
    }

    /**
     * @param name the check
     * @param reason why it was not run
     * @return a pass whose detail starts with {@code "skipped: "}
     */
    public static CheckResult skipped(String name, String reason) {
        return new CheckResult(name, true, "skipped: " + reason);
    }

    /**
     * @param name the check
     * @param reason what was wrong and what was expected
     * @return a failure
     */
    public static CheckResult fail(String name, String reason) {
        return new CheckResult(name, false, reason);
    }

    /** @return whether this check was skipped rather than run */
    public boolean skipped() {
        return passed && detail.startsWith("skipped: ");
    }

    /**
     * @return {@code PASS name}, {@code PASS name (note)}, {@code SKIP name: reason} (a skipped check, which
     *     counts as passed) or {@code FAIL name: reason}
     */
    @Override
    public String toString() {
        if (!passed) {
            return "FAIL " + name + ": " + detail;
        }
        if (skipped()) {
            return "SKIP " + name + ": " + detail.substring("skipped: ".length());
        }
        return detail.isEmpty() ? "PASS " + name : "PASS " + name + " (" + detail + ")";
    }
}
