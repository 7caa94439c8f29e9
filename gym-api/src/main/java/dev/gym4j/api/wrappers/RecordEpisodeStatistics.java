package dev.gym4j.api.wrappers;

import dev.gym4j.api.Env;
import dev.gym4j.api.GymException;
import dev.gym4j.api.InvalidArgumentException;
import dev.gym4j.api.ResetResult;
import dev.gym4j.api.StepResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A wrapper that keeps each episode's return, length and duration, as Gymnasium's {@code RecordEpisodeStatistics}.
 *
 * <p>On the step that ends an episode ({@code terminated || truncated}) the info map gets the entry
 * {@code "episode"} (or the stats key given to the constructor): an unmodifiable map with {@code "r"} the
 * return (a {@code Double}, the rewards summed in step order), {@code "l"} the length (an {@code Integer},
 * the steps since the last reset) and {@code "t"} the wall-clock seconds since the last reset (a
 * {@code Double} rounded to 6 decimals as Python's {@code round(t, 6)}). The info map of that step is a
 * fresh mutable copy of the env's, so the env's own map is never modified. The last {@code bufferLength}
 * episodes are kept in {@link #returnQueue()}, {@link #lengthQueue()} and {@link #timeQueue()}.
 *
 * <p>{@code "t"} is measured with {@link System#nanoTime()}: it is the one value in gym4j that does not
 * follow from the seed, so two runs with the same seed differ there and only there.
 *
 * <p>As in Gymnasium the running return and length are reset by {@link #reset} only: stepping on after
 * an episode ended (without reset) keeps accumulating.
 *
 * <p>Thread safety: not thread-safe, like the env it wraps.
 *
 * @param <O> the observation type
 * @param <A> the action type
 */
public final class RecordEpisodeStatistics<O, A> extends Wrapper<O, A, O, A> implements EpisodeStatistics {

    /** The default number of episodes kept in the queues. */
    public static final int DEFAULT_BUFFER_LENGTH = 100;

    private final String statsKey;
    private final EpisodeQueues episodes;
    private long episodeStartNanos;
    private double episodeReturn;
    private int episodeLength;

    /**
     * Wraps {@code env}, keeping the last 100 episodes under the info key {@code "episode"}.
     *
     * @param env the env to wrap; not null
     */
    public RecordEpisodeStatistics(Env<O, A> env) {
        this(env, DEFAULT_BUFFER_LENGTH);
    }

    /**
     * @param env the env to wrap; not null
     * @param bufferLength how many episodes the queues keep
     * @throws InvalidArgumentException if {@code bufferLength < 1}
     */
    public RecordEpisodeStatistics(Env<O, A> env, int bufferLength) {
        this(env, bufferLength, "episode");
    }

    /**
     * @param env the env to wrap; not null
     * @param bufferLength how many episodes the queues keep
     * @param statsKey the info key of the statistics
     * @throws InvalidArgumentException if {@code bufferLength < 1}
     */
    public RecordEpisodeStatistics(Env<O, A> env, int bufferLength, String statsKey) {
        super(env);
        this.episodes = new EpisodeQueues(bufferLength);
        this.statsKey = Objects.requireNonNull(statsKey, "statsKey");
        this.episodeStartNanos = System.nanoTime();
    }

    @Override
    public ResetResult<O> reset(Long seed, Map<String, ?> options) {
        ResetResult<O> result = resetInner(seed, options);
        episodeStartNanos = System.nanoTime();
        episodeReturn = 0.0;
        episodeLength = 0;
        return result;
    }

    /**
     * Steps the env and, when the episode ends, adds the statistics to the info map.
     *
     * @throws GymException if the env's own info already holds the stats key
     */
    @Override
    public StepResult<O> step(A action) {
        StepResult<O> result = env.step(action);
        episodeReturn += result.reward();
        episodeLength++;
        if (!result.done()) {
            return result;
        }
        if (result.info().containsKey(statsKey)) {
            throw new GymException("The info returned by " + env + " already holds the key '" + statsKey
                    + "' that RecordEpisodeStatistics writes; use another stats key");
        }
        double seconds = roundTo6Digits((System.nanoTime() - episodeStartNanos) / 1e9);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("r", episodeReturn);
        stats.put("l", episodeLength);
        stats.put("t", seconds);
        Map<String, Object> info = new LinkedHashMap<>(result.info());
        info.put(statsKey, java.util.Collections.unmodifiableMap(stats));
        episodes.add(episodeReturn, episodeLength, seconds);
        episodeStartNanos = System.nanoTime();
        return result.withInfo(info);
    }

    /** Python's {@code round(x, 6)}: round half to even on the exact binary value. */
    static double roundTo6Digits(double seconds) {
        return EpisodeQueues.roundPython6(seconds);
    }

    @Override
    public EpisodeQueues episodeQueues() {
        return episodes;
    }

    /** @return how many episodes have ended since the wrapper was built */
    public int episodeCount() {
        return (int) Math.min(Integer.MAX_VALUE, episodes.episodeCount());
    }
}
