package dev.gym4j.video.internal;

/**
 * How JCodec's H.264 encoder is tuned.
 *
 * @param intraQp QP of I pictures (lower is better quality, slower and larger)
 * @param interQp QP of P pictures
 * @param keyInterval pictures from one IDR picture to the next
 * @param motionSearchRange the furthest, in pixels, the motion search walks from a macroblock's own position
 */
public record JCodecSettings(int intraQp, int interQp, int keyInterval, int motionSearchRange) {

    /** Tuned for rendered env scenes: flat colours, a few moving shapes (see {@code VideoBench}). */
    public static final JCodecSettings DEFAULT = new JCodecSettings(22, 24, 60, 0);

    /** Validates the ranges. */
    public JCodecSettings {
        if (intraQp < 0 || intraQp > 51 || interQp < 0 || interQp > 51) {
            throw new IllegalArgumentException("QP must be within 0..51");
        }
        if (keyInterval < 1 || motionSearchRange < 0) {
            throw new IllegalArgumentException("keyInterval must be at least 1 and motionSearchRange at least 0");
        }
    }
}
