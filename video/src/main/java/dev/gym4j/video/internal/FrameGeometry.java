package dev.gym4j.video.internal;

import dev.gym4j.api.InvalidArgumentException;

/**
 * The sizes involved in encoding frames of one size: the real picture, the even size that H.264 4:2:0 can
 * represent, and the macroblock-aligned picture JCodec encodes from.
 *
 * <p>4:2:0 chroma covers 2x2 pixels, so H.264 crops a coded picture only to even sizes: an odd width or height
 * is padded with one column or row that repeats the last one. Decoders then report the even size; the real size
 * is kept as the MP4 display size where the backend allows it.
 *
 * @param width the frame's width
 * @param height the frame's height
 */
public record FrameGeometry(int width, int height) {

    /** The largest side accepted; H.264 levels stop well before this. */
    public static final int MAX_SIDE = 8192;

    /**
     * Validates the size.
     *
     * @throws InvalidArgumentException if a side is below 1 or above {@link #MAX_SIDE}
     */
    public FrameGeometry {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new InvalidArgumentException("Video frames must be between 1x1 and " + MAX_SIDE + "x" + MAX_SIDE
                    + " pixels, got " + width + "x" + height);
        }
    }

    /** @return the width rounded up to even: the width decoders report */
    public int evenWidth() {
        return (width + 1) & ~1;
    }

    /** @return the height rounded up to even: the height decoders report */
    public int evenHeight() {
        return (height + 1) & ~1;
    }

    /** @return the width rounded up to whole 16-pixel macroblocks */
    public int alignedWidth() {
        return (width + 15) & ~15;
    }

    /** @return the height rounded up to whole 16-pixel macroblocks */
    public int alignedHeight() {
        return (height + 15) & ~15;
    }

    /** @return whether frames are padded to reach an even size */
    public boolean isPadded() {
        return width != evenWidth() || height != evenHeight();
    }

    /** @return the number of RGB bytes in one frame */
    public int rgbBytes() {
        return width * height * 3;
    }
}
