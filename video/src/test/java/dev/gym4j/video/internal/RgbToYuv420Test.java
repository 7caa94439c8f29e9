package dev.gym4j.video.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Studio-range BT.601, stored as JCodec's signed samples, and edge padding. */
class RgbToYuv420Test {

    @Test
    void convertsReferenceColours() {
        assertYuv(255, 255, 255, 235, 128, 128);
        assertYuv(0, 0, 0, 16, 128, 128);
        assertYuv(255, 0, 0, 82, 90, 240);
        assertYuv(0, 255, 0, 144, 54, 34);
        assertYuv(0, 0, 255, 41, 240, 110);
    }

    @Test
    void padsOddSizesAndMacroblocksWithTheLastColumnAndRow() {
        FrameGeometry geometry = new FrameGeometry(3, 3);
        byte[] rgb = new byte[27];
        // Only the bottom-right pixel is white.
        rgb[24] = rgb[25] = rgb[26] = (byte) 255;
        byte[][] planes = planes(geometry);
        new RgbToYuv420(geometry).convert(rgb, planes[0], planes[1], planes[2]);
        int stride = geometry.alignedWidth();
        assertEquals(16, geometry.alignedWidth());
        assertEquals(235, (planes[0][2 * stride + 2] + 128), "the white pixel");
        assertEquals(235, (planes[0][2 * stride + 15] + 128), "repeated to the right edge");
        assertEquals(235, (planes[0][15 * stride + 15] + 128), "and to the bottom");
        assertEquals(16, (planes[0][15 * stride] + 128), "black stays black");
    }

    private static void assertYuv(int r, int g, int b, int y, int u, int v) {
        FrameGeometry geometry = new FrameGeometry(2, 2);
        byte[] rgb = new byte[12];
        for (int i = 0; i < 12; i += 3) {
            rgb[i] = (byte) r;
            rgb[i + 1] = (byte) g;
            rgb[i + 2] = (byte) b;
        }
        byte[][] planes = planes(geometry);
        new RgbToYuv420(geometry).convert(rgb, planes[0], planes[1], planes[2]);
        String colour = "rgb(" + r + "," + g + "," + b + ")";
        assertEquals(y, planes[0][0] + 128, colour + " Y");
        assertEquals(u, planes[1][0] + 128, 1, colour + " U");
        assertEquals(v, planes[2][0] + 128, 1, colour + " V");
    }

    private static byte[][] planes(FrameGeometry geometry) {
        int luma = geometry.alignedWidth() * geometry.alignedHeight();
        return new byte[][] {new byte[luma], new byte[luma / 4], new byte[luma / 4]};
    }
}
