package dev.gym4j.envs.robotics.internal.render;

import dev.gym4j.api.Frame;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Converts Java2D images to {@link Frame}s. Stateless and thread-safe. */
final class FrameImages {

    private FrameImages() {
    }

    /**
     * @param image an image of type {@link BufferedImage#TYPE_INT_RGB}
     * @return its pixels as a frame (rows top-down, RGB)
     */
    static Frame toFrame(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        byte[] rgb = new byte[w * h * 3];
        for (int i = 0, j = 0; i < pixels.length; i++) {
            int p = pixels[i];
            rgb[j++] = (byte) (p >>> 16);
            rgb[j++] = (byte) (p >>> 8);
            rgb[j++] = (byte) p;
        }
        return new Frame(w, h, rgb);
    }
}
