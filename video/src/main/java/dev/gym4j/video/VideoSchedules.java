package dev.gym4j.video;

import dev.gym4j.api.InvalidArgumentException;
import java.util.function.LongPredicate;

/**
 * Triggers for {@link RecordVideo}: predicates on an episode (or step) index that say whether to start recording.
 *
 * <p>Stateless and thread-safe; so are the predicates.
 */
public final class VideoSchedules {

    private VideoSchedules() {
    }

    /**
     * Gymnasium's {@code capped_cubic_video_schedule}, the default episode trigger: the perfect cubes below 1000
     * (0, 1, 8, 27, ..., 729), then every thousandth episode (1000, 2000, ...).
     *
     * @param episode an episode index, from 0
     * @return whether to record that episode
     */
    public static boolean cappedCubic(long episode) {
        if (episode < 1000) {
            long root = Math.round(Math.cbrt(episode));
            return root * root * root == episode;
        }
        return episode % 1000 == 0;
    }

    /** @return {@link #cappedCubic} as a trigger */
    public static LongPredicate cappedCubic() {
        return VideoSchedules::cappedCubic;
    }

    /**
     * @param n the period, at least 1
     * @return a trigger firing on 0, n, 2n, ...
     * @throws InvalidArgumentException if {@code n} is below 1
     */
    public static LongPredicate every(long n) {
        if (n < 1) {
            throw new InvalidArgumentException("A video schedule's period must be at least 1, got " + n);
        }
        return index -> index % n == 0;
    }
}
