package dev.gym4j.video.internal;

/**
 * Converts packed RGB frames to the three planes of a macroblock-aligned YUV 4:2:0 picture in one pass, in
 * the form JCodec's H.264 encoder reads: each sample stored as {@code value - 128} in a signed byte.
 *
 * <p>The matrix is BT.601 with studio range (luma 16..235, chroma 16..240), the one decoders assume for a
 * stream that carries no colour description, so players show the env's colours as rendered. Chroma is the
 * average of each 2x2 block. Pixels beyond the frame (odd sizes, macroblock padding) repeat the last column
 * and row, which costs the encoder nearly nothing.
 *
 * <p>Not thread-safe: holds no state but the geometry; call it from one thread per picture.
 */
final class RgbToYuv420 {

    private final FrameGeometry geometry;

    RgbToYuv420(FrameGeometry geometry) {
        this.geometry = geometry;
    }

    /**
     * @param rgb a frame of the converter's size
     * @param luma {@code alignedWidth * alignedHeight} samples
     * @param cb {@code alignedWidth / 2 * alignedHeight / 2} samples
     * @param cr as {@code cb}
     */
    void convert(byte[] rgb, byte[] luma, byte[] cb, byte[] cr) {
        int width = geometry.width();
        int height = geometry.height();
        int stride = geometry.alignedWidth();
        int chromaStride = stride >> 1;
        int lastPair = (width & 1) == 0 ? width : width - 1;
        for (int y = 0; y < geometry.evenHeight(); y += 2) {
            int top = y * width * 3;
            int bottom = Math.min(y + 1, height - 1) * width * 3;
            int lumaTop = y * stride;
            int chroma = (y >> 1) * chromaStride;
            for (int x = 0; x < lastPair; x += 2) {
                int p = top + x * 3;
                int q = bottom + x * 3;
                convertBlock(rgb, p, p + 3, q, q + 3, luma, lumaTop + x, stride, cb, cr, chroma + (x >> 1));
            }
            if (lastPair != width) {
                int p = top + lastPair * 3;
                int q = bottom + lastPair * 3;
                convertBlock(rgb, p, p, q, q, luma, lumaTop + lastPair, stride, cb, cr, chroma + (lastPair >> 1));
            }
        }
        padRight(luma, stride, geometry.evenWidth(), geometry.evenHeight());
        padRight(cb, chromaStride, geometry.evenWidth() >> 1, geometry.evenHeight() >> 1);
        padRight(cr, chromaStride, geometry.evenWidth() >> 1, geometry.evenHeight() >> 1);
        padBottom(luma, stride, geometry.evenHeight(), geometry.alignedHeight());
        padBottom(cb, chromaStride, geometry.evenHeight() >> 1, geometry.alignedHeight() >> 1);
        padBottom(cr, chromaStride, geometry.evenHeight() >> 1, geometry.alignedHeight() >> 1);
    }

    /** Converts the 2x2 block with top pixels at a, b and bottom pixels at c, d (indices into rgb). */
    private static void convertBlock(byte[] rgb, int a, int b, int c, int d, byte[] luma, int lumaAt, int stride,
                                     byte[] cb, byte[] cr, int chromaAt) {
        int ra = rgb[a] & 0xff, ga = rgb[a + 1] & 0xff, ba = rgb[a + 2] & 0xff;
        int rb = rgb[b] & 0xff, gb = rgb[b + 1] & 0xff, bb = rgb[b + 2] & 0xff;
        int rc = rgb[c] & 0xff, gc = rgb[c + 1] & 0xff, bc = rgb[c + 2] & 0xff;
        int rd = rgb[d] & 0xff, gd = rgb[d + 1] & 0xff, bd = rgb[d + 2] & 0xff;
        luma[lumaAt] = luma(ra, ga, ba);
        luma[lumaAt + 1] = luma(rb, gb, bb);
        luma[lumaAt + stride] = luma(rc, gc, bc);
        luma[lumaAt + stride + 1] = luma(rd, gd, bd);
        int r = ra + rb + rc + rd;
        int g = ga + gb + gc + gd;
        int b4 = ba + bb + bc + bd;
        // Sums of four pixels: the shift by 10 both averages and scales; centred chroma minus 128 is what JCodec stores.
        cb[chromaAt] = (byte) ((-38 * r - 74 * g + 112 * b4 + 512) >> 10);
        cr[chromaAt] = (byte) ((112 * r - 94 * g - 18 * b4 + 512) >> 10);
    }

    /** Studio-range luma minus 128: 16 + the weighted sum, shifted back into a signed byte. */
    private static byte luma(int r, int g, int b) {
        return (byte) (((66 * r + 129 * g + 25 * b + 128) >> 8) - 112);
    }

    private static void padRight(byte[] plane, int stride, int width, int height) {
        if (width == stride) {
            return;
        }
        for (int y = 0, row = 0; y < height; y++, row += stride) {
            java.util.Arrays.fill(plane, row + width, row + stride, plane[row + width - 1]);
        }
    }

    private static void padBottom(byte[] plane, int stride, int height, int alignedHeight) {
        int last = (height - 1) * stride;
        for (int y = height; y < alignedHeight; y++) {
            System.arraycopy(plane, last, plane, y * stride, stride);
        }
    }
}
