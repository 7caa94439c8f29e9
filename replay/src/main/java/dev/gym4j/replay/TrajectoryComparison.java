package dev.gym4j.replay;

import dev.gym4j.replay.internal.json.Json;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a recorded trajectory file with a replay of it and reports the first difference.
 *
 * <p>Runs, episodes and steps are matched by position. Within an episode the reset observation is
 * compared first, then each step's action, observation, reward, {@code terminated} and {@code truncated}
 * in order, then the number of steps; header lines and any other fields are ignored.
 *
 * <p>Numbers: with {@code tolerance == 0} two numbers match only when they are the same double bit for
 * bit (so {@code 0.0} differs from {@code -0.0}; NaN matches NaN). With a positive tolerance they match
 * when {@code |a - b| <= tolerance * max(1, |a|, |b|)}: absolute below 1, relative above.
 *
 * <p>Thread-safe: stateless.
 */
public final class TrajectoryComparison {

    private static final String[] STEP_FIELDS = {"action", "obs", "reward", "terminated", "truncated"};

    private TrajectoryComparison() {
    }

    /**
     * @param expectedJsonl the recorded file's JSON lines; read to the end, not closed
     * @param actual a replay
     * @param tolerance 0 for bit-exact, else as in the class comment
     * @return the comparison
     * @throws ReplayException if the recorded file is malformed
     */
    public static ComparisonResult compare(Reader expectedJsonl, ReplayResult actual, double tolerance) {
        return compare(runs(expectedJsonl), actual.runs(), tolerance);
    }

    /**
     * @param expectedJsonl the recorded file's JSON lines; read to the end, not closed
     * @param actualJsonl the replay's JSON lines (as {@code gym4j replay} writes them); read to the end, not closed
     * @param tolerance 0 for bit-exact, else as in the class comment
     * @return the comparison
     * @throws ReplayException if either file is malformed
     */
    public static ComparisonResult compare(Reader expectedJsonl, Reader actualJsonl, double tolerance) {
        return compare(runs(expectedJsonl), runs(actualJsonl), tolerance);
    }

    /**
     * @param expectedRuns the recorded {@code run} objects
     * @param actualRuns the replayed {@code run} objects
     * @param tolerance 0 for bit-exact, else as in the class comment
     * @return the comparison
     * @throws ReplayException if a run is malformed
     */
    public static ComparisonResult compare(List<Map<String, Object>> expectedRuns, List<Map<String, Object>> actualRuns,
                                           double tolerance) {
        if (!(tolerance >= 0)) {
            throw new dev.gym4j.api.InvalidArgumentException("tolerance must be >= 0, got " + tolerance);
        }
        return new Comparer(tolerance).compare(expectedRuns, actualRuns);
    }

    private static List<Map<String, Object>> runs(Reader in) {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Map<String, Object> object : JsonLines.readObjects(in)) {
            if ("run".equals(object.get("type"))) {
                runs.add(object);
            }
        }
        return runs;
    }

    /** One comparison's cursor and counters. */
    private static final class Comparer {
        private final double tolerance;
        private int runIndex = -1;
        private Object runSeed;
        private int episodeIndex = -1;
        private int runs;
        private int episodes;
        private long steps;

        Comparer(double tolerance) {
            this.tolerance = tolerance;
        }

        ComparisonResult compare(List<Map<String, Object>> expected, List<Map<String, Object>> actual) {
            Mismatch m = null;
            for (int r = 0; r < Math.min(expected.size(), actual.size()) && m == null; r++) {
                runIndex = r;
                runSeed = expected.get(r).get("seed");
                episodeIndex = -1;
                m = compareRun(expected.get(r), actual.get(r));
                runs++;
            }
            if (m == null && expected.size() != actual.size()) {
                m = new Mismatch(Math.min(expected.size(), actual.size()), null, -1, -1, "runs", expected.size(), actual.size());
            }
            return new ComparisonResult(runs, episodes, steps, m);
        }

        private Mismatch compareRun(Map<String, Object> expected, Map<String, Object> actual) {
            List<?> e = list(expected.get("episodes"), "episodes");
            List<?> a = list(actual.get("episodes"), "episodes");
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                episodeIndex = i;
                Mismatch m = compareEpisode((Map<?, ?>) e.get(i), (Map<?, ?>) a.get(i));
                if (m != null) {
                    return m;
                }
                episodes++;
            }
            return e.size() == a.size() ? null : mismatch(-1, "episodes", e.size(), a.size());
        }

        private Mismatch compareEpisode(Map<?, ?> expected, Map<?, ?> actual) {
            Mismatch m = compareValue(-1, "reset_obs", expected.get("reset_obs"), actual.get("reset_obs"));
            if (m != null) {
                return m;
            }
            List<?> e = list(expected.get("steps"), "steps");
            List<?> a = list(actual.get("steps"), "steps");
            for (int s = 0; s < Math.min(e.size(), a.size()); s++) {
                List<?> es = list(e.get(s), "step");
                List<?> as = list(a.get(s), "step");
                for (int f = 0; f < STEP_FIELDS.length; f++) {
                    m = compareValue(s, STEP_FIELDS[f], f < es.size() ? es.get(f) : null, f < as.size() ? as.get(f) : null);
                    if (m != null) {
                        return m;
                    }
                }
                steps++;
            }
            return e.size() == a.size() ? null : mismatch(Math.min(e.size(), a.size()), "steps", e.size(), a.size());
        }

        private Mismatch compareValue(int step, String field, Object expected, Object actual) {
            if (expected instanceof List<?> e && actual instanceof List<?> a) {
                if (e.size() != a.size()) {
                    return mismatch(step, field + ".length", e.size(), a.size());
                }
                for (int i = 0; i < e.size(); i++) {
                    Mismatch m = compareValue(step, field + "[" + i + "]", e.get(i), a.get(i));
                    if (m != null) {
                        return m;
                    }
                }
                return null;
            }
            if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
                if (!e.keySet().equals(a.keySet())) {
                    return mismatch(step, field + ".keys", e.keySet(), a.keySet());
                }
                for (Object key : e.keySet()) {
                    Mismatch m = compareValue(step, field + "." + key, e.get(key), a.get(key));
                    if (m != null) {
                        return m;
                    }
                }
                return null;
            }
            if (expected instanceof Number e && actual instanceof Number a) {
                return numbersMatch(e, a) ? null : mismatch(step, field, expected, actual);
            }
            return Objects.equals(expected, actual) ? null : mismatch(step, field, expected, actual);
        }

        private boolean numbersMatch(Number expected, Number actual) {
            if (expected instanceof Long && actual instanceof Long) {
                return expected.equals(actual);
            }
            double e = expected.doubleValue();
            double a = actual.doubleValue();
            if (tolerance == 0) {
                return Double.doubleToLongBits(e) == Double.doubleToLongBits(a);
            }
            if (Double.isNaN(e) || Double.isNaN(a) || Double.isInfinite(e) || Double.isInfinite(a)) {
                return Double.doubleToLongBits(e) == Double.doubleToLongBits(a);
            }
            return Math.abs(e - a) <= tolerance * Math.max(1.0, Math.max(Math.abs(e), Math.abs(a)));
        }

        private Mismatch mismatch(int step, String field, Object expected, Object actual) {
            return new Mismatch(runIndex, runSeed, episodeIndex, step, field, expected, actual);
        }

        private List<?> list(Object value, String what) {
            if (value instanceof List<?> l) {
                return l;
            }
            throw new ReplayException("run " + runIndex + ", episode " + episodeIndex + ": expected a \"" + what
                    + "\" array, got " + Json.typeName(value));
        }
    }
}
