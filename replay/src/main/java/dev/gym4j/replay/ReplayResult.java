package dev.gym4j.replay;

import dev.gym4j.replay.internal.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What {@link TrajectoryReplayer} produced: a header and the replayed runs, as parsed-JSON values
 * (maps, lists, {@code Long}, {@code Double}, strings) in the trajectory format.
 *
 * <p>Immutable once built (the views are unmodifiable; do not mutate the nested values) and then safe
 * to share between threads.
 */
public final class ReplayResult {

    private final Map<String, Object> header;
    private final List<Map<String, Object>> runs;

    ReplayResult(Map<String, Object> header, List<Map<String, Object>> runs) {
        this.header = Collections.unmodifiableMap(header);
        this.runs = List.copyOf(runs);
    }

    /** @return the header object: env id, spaces, spec and metadata of the env that was used */
    public Map<String, Object> header() {
        return header;
    }

    /** @return the env id that was replayed */
    public String envId() {
        return (String) header.get("env_id");
    }

    /** @return one {@code "type":"run"} object per input run, in order */
    public List<Map<String, Object>> runs() {
        return runs;
    }

    /** @return the number of episodes over all runs */
    public int episodeCount() {
        return runs.stream().mapToInt(r -> ((List<?>) r.get("episodes")).size()).sum();
    }

    /** @return the number of steps over all episodes */
    public long stepCount() {
        long n = 0;
        for (Map<String, Object> run : runs) {
            for (Object episode : (List<?>) run.get("episodes")) {
                n += ((List<?>) ((Map<?, ?>) episode).get("steps")).size();
            }
        }
        return n;
    }

    /**
     * Writes the header line and one line per run.
     *
     * @param out where to write; flushed, not closed
     * @throws UncheckedIOException if writing fails
     */
    public void writeJsonl(Writer out) {
        try {
            Json.write(header, out);
            out.write('\n');
            for (Map<String, Object> run : runs) {
                Json.write(run, out);
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the JSON lines {@link #writeJsonl} writes */
    public String toJsonl() {
        java.io.StringWriter w = new java.io.StringWriter();
        writeJsonl(w);
        return w.toString();
    }

    @Override
    public String toString() {
        return "ReplayResult(" + envId() + ", " + runs.size() + " runs, " + episodeCount() + " episodes, "
                + stepCount() + " steps)";
    }
}
