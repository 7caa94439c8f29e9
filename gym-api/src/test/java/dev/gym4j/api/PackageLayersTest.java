package dev.gym4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * gym-api's packages form layers, checked with the JDK's {@code jdeps} on the compiled main classes: no package
 * depends, directly or through others, on a package that depends on it, and the core ({@code dev.gym4j.api}:
 * the env contract, results, errors, specs) stands on spaces and randomness only.
 */
class PackageLayersTest {

    private static Map<String, Set<String>> packageGraph() throws URISyntaxException {
        Path classes = Path.of(Env.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("the JDK has no jdeps"));
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-filter:none", classes.toString());
        assertEquals(0, status, out.toString());
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            String[] p = line.trim().split("\\s+");
            if (p.length >= 3 && p[1].equals("->") && p[0].startsWith("dev.gym4j") && p[2].startsWith("dev.gym4j")) {
                graph.computeIfAbsent(p[0], k -> new TreeSet<>());
                if (!p[0].equals(p[2])) {
                    graph.get(p[0]).add(p[2]);
                }
            }
        }
        assertTrue(graph.size() >= 8, "jdeps saw gym-api's packages: " + graph.keySet());
        return graph;
    }

    @Test
    void noPackageCycle() throws URISyntaxException {
        Map<String, Set<String>> graph = packageGraph();
        List<String> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            // a path from start back to start through its dependencies is a cycle
            Map<String, String> via = new HashMap<>();
            Deque<String> todo = new ArrayDeque<>(graph.get(start));
            graph.get(start).forEach(d -> via.put(d, start));
            while (!todo.isEmpty()) {
                String p = todo.pop();
                if (p.equals(start)) {
                    StringBuilder path = new StringBuilder(start);
                    for (String q = via.get(start); !q.equals(start); q = via.get(q)) {
                        path.insert(0, q + " -> ");
                    }
                    cycles.add(start + " -> " + path);
                    break;
                }
                for (String d : graph.getOrDefault(p, Set.of())) {
                    if (via.putIfAbsent(d, p) == null) {
                        todo.push(d);
                    }
                }
            }
        }
        assertTrue(cycles.isEmpty(), "package cycles in gym-api: " + cycles + "; the graph: " + graph);
    }

    @Test
    void theCoreStandsOnSpacesAndRandomnessOnly() throws URISyntaxException {
        assertEquals(Set.of("dev.gym4j.api.spaces", "dev.gym4j.api.random"), packageGraph().get("dev.gym4j.api"));
    }
}
