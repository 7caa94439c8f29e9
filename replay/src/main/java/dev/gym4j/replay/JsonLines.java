package dev.gym4j.replay;

import dev.gym4j.replay.internal.json.Json;
import dev.gym4j.replay.internal.json.JsonException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a JSON-lines trajectory file. Stateless. */
final class JsonLines {

    private JsonLines() {
    }

    /**
     * @param in the JSON lines; read to the end, not closed
     * @return one object per non-blank line, in order
     * @throws ReplayException naming the line number if a line is not a JSON object
     * @throws UncheckedIOException if reading fails
     */
    static List<Map<String, Object>> readObjects(Reader in) {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<Map<String, Object>> lines = new ArrayList<>();
        int number = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    lines.add(Json.parseObject(line));
                } catch (JsonException e) {
                    throw new ReplayException("line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
