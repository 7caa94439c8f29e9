package dev.gym4j.video.internal;

import org.jcodec.codecs.h264.encode.RateControl;
import org.jcodec.codecs.h264.io.model.SliceType;
import org.jcodec.common.model.Size;

/**
 * Constant-QP rate control for JCodec's H.264 encoder with a guard against overflowing its buffers.
 *
 * <p>JCodec's default ({@code DumbRateControl}) is in practice constant QP too, but it re-encodes a macroblock
 * whenever its size moves by more than an eighth from the budget, and its QP (20 for I, 26 for P) spends more
 * time writing coefficients than rendered scenes need. This one starts every picture at a fixed QP and re-encodes
 * only a macroblock that would not fit the encoder's per-macroblock share of its output buffer (which would
 * otherwise end in a buffer overflow on noise-like pictures), raising QP for the rest of the picture.
 *
 * <p>Not thread-safe: one instance per encoder.
 */
final class BoundedQpRateControl implements RateControl {

    private static final int MAX_QP = 51;

    private final int intraQp;
    private final int interQp;
    private int bitsPerMacroblock;
    private int qp;

    /**
     * @param intraQp QP of I pictures, 0..51
     * @param interQp QP of P pictures, 0..51
     */
    BoundedQpRateControl(int intraQp, int interQp) {
        if (intraQp < 0 || intraQp > MAX_QP || interQp < 0 || interQp > MAX_QP) {
            throw new IllegalArgumentException("QP must be within 0..51, got " + intraQp + " and " + interQp);
        }
        this.intraQp = intraQp;
        this.interQp = interQp;
    }

    @Override
    public int startPicture(Size size, int maxSize, SliceType sliceType) {
        int macroblocks = ((size.getWidth() + 15) >> 4) * ((size.getHeight() + 15) >> 4);
        bitsPerMacroblock = (int) (((long) maxSize << 3) / macroblocks);
        qp = sliceType == SliceType.P ? interQp : intraQp;
        return qp;
    }

    @Override
    public int initialQpDelta() {
        return 0;
    }

    @Override
    public int accept(int bits) {
        if (bits >= bitsPerMacroblock && qp < MAX_QP) {
            qp++;
            return 1;
        }
        return 0;
    }
}
