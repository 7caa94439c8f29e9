package dev.gym4j.api.random;

import static dev.gym4j.api.random.ZigguratTables.FE;
import static dev.gym4j.api.random.ZigguratTables.FI;
import static dev.gym4j.api.random.ZigguratTables.KE;
import static dev.gym4j.api.random.ZigguratTables.KI;
import static dev.gym4j.api.random.ZigguratTables.LAYERS;
import static dev.gym4j.api.random.ZigguratTables.WE;
import static dev.gym4j.api.random.ZigguratTables.WI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Structural checks of the computed ziggurat tables. That they equal NumPy's is shown by
 * {@link NumpyVectorsTest}, whose outputs depend on every entry of {@code wi}/{@code we}.
 */
class ZigguratTablesTest {

    @Test
    void normalTableShape() {
        assertEquals(3.6541528853610088, ZigguratTables.NORMAL_R);
        assertEquals(ZigguratTables.NORMAL_R, WI[LAYERS - 1] * 0x1.0p52);
        assertEquals(1.0, FI[0]);
        assertEquals(0L, KI[1]);
        for (int i = 2; i < LAYERS; i++) {
            assertTrue(WI[i] > WI[i - 1], "layer edges grow outwards at " + i);
            assertTrue(FI[i] < FI[i - 1], "density falls outwards at " + i);
            assertTrue(KI[i] > 0 && KI[i] < (1L << 52), "threshold is a 52-bit fraction at " + i);
        }
        assertTrue(WI[0] > WI[LAYERS - 1], "the base layer is wider than r");
        assertEquals(Math.exp(-0.5 * 3.6541528853610088 * 3.6541528853610088), FI[LAYERS - 1], 1e-18);
    }

    @Test
    void normalLayersHaveEqualArea() {
        double v = WI[0] * 0x1.0p52 * FI[LAYERS - 1];
        for (int i = 1; i < LAYERS - 1; i++) {
            double area = WI[i + 1] * 0x1.0p52 * (FI[i] - FI[i + 1]);
            assertEquals(v, area, 1e-12, "layer " + i);
        }
    }

    @Test
    void exponentialTableShape() {
        assertEquals(7.69711747013105, ZigguratTables.EXPONENTIAL_R);
        assertEquals(ZigguratTables.EXPONENTIAL_R, WE[LAYERS - 1] * 0x1.0p53);
        assertEquals(ZigguratTables.EXPONENTIAL_R + 1.0, WE[0] * 0x1.0p53, 1e-14, "x0 = v / f(r) = r + 1");
        assertEquals(1.0, FE[0]);
        assertEquals(0L, KE[1]);
        for (int i = 2; i < LAYERS; i++) {
            assertTrue(WE[i] > WE[i - 1], "layer edges grow outwards at " + i);
            assertTrue(FE[i] < FE[i - 1], "density falls outwards at " + i);
            assertTrue(KE[i] > 0 && KE[i] < (1L << 53), "threshold is a 53-bit fraction at " + i);
        }
    }

    @Test
    void exponentialLayersHaveEqualArea() {
        double v = WE[0] * 0x1.0p53 * FE[LAYERS - 1];
        for (int i = 1; i < LAYERS - 1; i++) {
            double area = WE[i + 1] * 0x1.0p53 * (FE[i] - FE[i + 1]);
            assertEquals(v, area, 1e-12, "layer " + i);
        }
    }
}
