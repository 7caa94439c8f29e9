package dev.gym4j.api.wrappers;

import java.util.List;

/**
 * What the single-env and the vector {@code RecordEpisodeStatistics} share: the queues of the last finished
 * episodes, as Gymnasium's {@code return_queue}, {@code length_queue} and {@code time_queue}.
 *
 * <p>Thread safety: as the implementing wrapper's (not thread-safe).
 */
public interface EpisodeStatistics {

    /** @return the wrapper's own queues (live: they change as episodes end) */
    EpisodeQueues episodeQueues();

    /** @return the returns of the last {@code bufferLength} episodes, oldest first (a snapshot) */
    default List<Double> returnQueue() {
        return episodeQueues().returnQueue();
    }

    /** @return the lengths of the last {@code bufferLength} episodes, oldest first (a snapshot) */
    default List<Integer> lengthQueue() {
        return episodeQueues().lengthQueue();
    }

    /** @return the wall-clock durations in seconds of the last {@code bufferLength} episodes, oldest first (a snapshot) */
    default List<Double> timeQueue() {
        return episodeQueues().timeQueue();
    }
}
