package dev.gym4j.video.internal;

import dev.gym4j.api.InvalidArgumentException;

/**
 * A frame rate as MP4 stores it: {@code timescale} ticks per second, {@code frameDuration} ticks per frame.
 *
 * @param timescale ticks per second
 * @param frameDuration ticks per frame
 */
public record FrameRate(int timescale, int frameDuration) {

    private static final int TICKS_PER_FRAME = 1000;

    /** Validates both numbers. */
    public FrameRate {
        if (timescale < 1 || frameDuration < 1) {
            throw new IllegalArgumentException("frame rate " + timescale + "/" + frameDuration);
        }
    }

    /**
     * @param fps frames per second, finite, above 0 and at most 1000
     * @return the rate, exact to a thousandth of a frame per second
     * @throws InvalidArgumentException if {@code fps} is out of range
     */
    public static FrameRate of(double fps) {
        if (!(fps > 0) || fps > 1000 || Double.isNaN(fps)) {
            throw new InvalidArgumentException("fps must be a number above 0 and at most 1000, got " + fps);
        }
        long ticks = Math.round(fps * TICKS_PER_FRAME);
        if (ticks < 1) {
            throw new InvalidArgumentException("fps must be at least 0.001, got " + fps);
        }
        return new FrameRate((int) ticks, TICKS_PER_FRAME);
    }

    /** @return the rate as ffmpeg's {@code num/den} */
    public String asFraction() {
        return timescale + "/" + frameDuration;
    }
}
