package dev.gym4j.api.wrappers;

import dev.gym4j.api.InvalidArgumentException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The last {@code bufferLength} finished episodes' return, length and duration, and how many episodes have
 * finished: the queues of Gymnasium's {@code RecordEpisodeStatistics} ({@code return_queue},
 * {@code length_queue}, {@code time_queue}, {@code episode_count}), one implementation for the single and the
 * vector wrapper ({@link EpisodeStatistics#episodeQueues()}).
 *
 * <p>Thread safety: not thread-safe; it belongs to its wrapper's thread.
 */
public final class EpisodeQueues {

    private final int bufferLength;
    private final ArrayDeque<Double> returns;
    private final ArrayDeque<Integer> lengths;
    private final ArrayDeque<Double> times;
    private long episodeCount;

    /**
     * @param bufferLength how many finished episodes the queues keep, at least 1
     * @throws InvalidArgumentException if {@code bufferLength < 1}
     */
    public EpisodeQueues(int bufferLength) {
        if (bufferLength < 1) {
            throw new InvalidArgumentException("bufferLength must be at least 1, got " + bufferLength);
        }
        this.bufferLength = bufferLength;
        returns = new ArrayDeque<>(bufferLength);
        lengths = new ArrayDeque<>(bufferLength);
        times = new ArrayDeque<>(bufferLength);
    }

    /**
     * Records a finished episode, dropping the oldest one when the queues are full.
     *
     * @param episodeReturn the rewards summed in step order
     * @param length the episode's steps
     * @param seconds its wall-clock duration, already rounded as the wrapper reports it
     */
    public void add(double episodeReturn, int length, double seconds) {
        if (returns.size() == bufferLength) {
            returns.removeFirst();
            lengths.removeFirst();
            times.removeFirst();
        }
        returns.addLast(episodeReturn);
        lengths.addLast(length);
        times.addLast(seconds);
        episodeCount++;
    }

    /** @return the episodes finished since the queues were made */
    public long episodeCount() {
        return episodeCount;
    }

    /** @return the returns of the kept episodes, oldest first (a snapshot) */
    public List<Double> returnQueue() {
        return List.copyOf(returns);
    }

    /** @return the lengths of the kept episodes, oldest first (a snapshot) */
    public List<Integer> lengthQueue() {
        return List.copyOf(lengths);
    }

    /** @return the durations in seconds of the kept episodes, oldest first (a snapshot) */
    public List<Double> timeQueue() {
        return List.copyOf(times);
    }

    /**
     * Python's {@code round(x, 6)}, which the single-env wrapper applies: round half to even on the exact
     * binary value.
     *
     * @param seconds a duration
     * @return it rounded to 6 decimals
     */
    static double roundPython6(double seconds) {
        return new BigDecimal(seconds).setScale(6, RoundingMode.HALF_EVEN).doubleValue();
    }
}
