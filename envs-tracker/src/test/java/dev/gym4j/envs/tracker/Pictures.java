package dev.gym4j.envs.tracker;

import dev.gym4j.envs.tracker.internal.GlRenderer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.ImageIO;

/** Helpers for the picture tests: PNG files, hashes, pixel differences. */
final class Pictures {

    private Pictures() {
    }

    /** Writes an RGB (3 channels) or gray (1 channel) top-down picture as a PNG. */
    static void writePng(byte[] pixels, int width, int height, int channels, Path file) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * channels;
                int r = pixels[i] & 0xFF;
                int g = channels == 3 ? pixels[i + 1] & 0xFF : r;
                int b = channels == 3 ? pixels[i + 2] & 0xFF : r;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** @return the mean absolute difference per byte */
    static double meanAbsoluteDifference(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return (double) sum / a.length;
    }

    /**
     * @return whether GL works here (EGL + Mesa) and the software renderer is not forced (then the suite runs as on
     *     a machine without GL)
     */
    static boolean glAvailable() {
        String forced = System.getProperty("gym4j.tracker.renderer", System.getenv("GYM4J_TRACKER_RENDERER"));
        return !"software".equalsIgnoreCase(forced == null ? "" : forced.trim()) && GlRenderer.unavailableReason() == null;
    }

    static Path outputDir() {
        return Path.of("target", "tracker-pictures");
    }
}
