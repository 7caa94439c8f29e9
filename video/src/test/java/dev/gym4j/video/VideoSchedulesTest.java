package dev.gym4j.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gym4j.api.InvalidArgumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class VideoSchedulesTest {

    @Test
    void cappedCubicIsTheCubesBelow1000ThenEveryThousand() {
        List<Long> expected = new ArrayList<>(List.of(0L, 1L, 8L, 27L, 64L, 125L, 216L, 343L, 512L, 729L));
        expected.addAll(List.of(1000L, 2000L, 3000L, 4000L, 5000L));
        assertEquals(expected, fired(VideoSchedules.cappedCubic(), 5001));
    }

    @Test
    void everyNFiresOnMultiples() {
        assertEquals(List.of(0L, 7L, 14L), fired(VideoSchedules.every(7), 20));
        assertThrows(InvalidArgumentException.class, () -> VideoSchedules.every(0));
    }

    private static List<Long> fired(LongPredicate trigger, long upTo) {
        return LongStream.range(0, upTo).filter(trigger).boxed().toList();
    }
}
