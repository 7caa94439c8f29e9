package dev.gym4j.bridge.experience.internal;

import dev.gym4j.bridge.experience.Trajectory;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which (worker, sequence) keys have been delivered, in memory that stays small: per worker, a floor below which
 * every sequence was seen plus the seen sequences above it.
 *
 * <p>Not thread-safe.
 */
public final class Dedup {

    private static final class PerWorker {
        long floor;
        final TreeSet<Long> above = new TreeSet<>();
    }

    private final Map<String, PerWorker> workers = new HashMap<>();

    /**
     * Records a key.
     *
     * @param key the key
     * @return whether it is new (false: a duplicate)
     */
    public boolean add(Trajectory.Key key) {
        PerWorker w = workers.computeIfAbsent(key.workerId(), k -> new PerWorker());
        long s = key.sequence();
        if (s < w.floor || !w.above.add(s)) {
            return false;
        }
        while (!w.above.isEmpty() && w.above.first() == w.floor) {
            w.above.pollFirst();
            w.floor++;
        }
        return true;
    }

    /**
     * @param key a key
     * @return whether it was recorded
     */
    public boolean contains(Trajectory.Key key) {
        PerWorker w = workers.get(key.workerId());
        return w != null && (key.sequence() < w.floor || w.above.contains(key.sequence()));
    }
}
