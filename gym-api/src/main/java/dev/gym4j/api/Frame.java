package dev.gym4j.api;

import java.util.Arrays;

/**
 * An RGB image as returned by {@link Env#render()} in {@code "rgb_array"} mode: Gymnasium's
 * {@code (height, width, 3)} uint8 array, rows top-down, three bytes (red, green, blue) per pixel.
 *
 * <p>The constructor copies nothing: the caller hands over the array. Treat a frame as immutable once
 * built; it is then safe to share between threads.
 *
 * @param width width in pixels, at least 1
 * @param height height in pixels, at least 1
 * @param rgb {@code width * height * 3} bytes, read as unsigned
 */
public record Frame(int width, int height, byte[] rgb) {
    /** Validates the size against the pixel array. */
    public Frame {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Frame size must be at least 1x1, got " + width + "x" + height);
        }
        if (rgb == null || rgb.length != width * height * 3) {
            throw new IllegalArgumentException("Frame of " + width + "x" + height + " needs " + (width * height * 3)
                    + " RGB bytes, got " + (rgb == null ? "null" : rgb.length));
        }
    }

    /**
     * @param x column, 0 at the left
     * @param y row, 0 at the top
     * @return the pixel as {@code 0xRRGGBB}
     */
    public int rgbAt(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException("pixel (" + x + ", " + y + ") outside " + width + "x" + height);
        }
        int i = (y * width + x) * 3;
        return ((rgb[i] & 0xff) << 16) | ((rgb[i + 1] & 0xff) << 8) | (rgb[i + 2] & 0xff);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && f.width == width && f.height == height && Arrays.equals(f.rgb, rgb);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(rgb);
    }

    @Override
    public String toString() {
        return "Frame(" + width + "x" + height + ")";
    }
}
