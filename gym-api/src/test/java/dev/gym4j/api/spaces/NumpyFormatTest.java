package dev.gym4j.api.spaces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gym4j.api.testenvs.JsonFixtures;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** gym4j's copy of NumPy's printing against NumPy's own {@code str()} output (reference.json). */
class NumpyFormatTest {

    private static final Map<?, ?> REFERENCE = (Map<?, ?>) JsonFixtures.bigIntegers(
            JsonFixtures.resource(NumpyFormatTest.class, "/spaces/reference.json"));

    @TestFactory
    List<DynamicTest> arraysPrintAsNumpyPrintsThem() {
        List<DynamicTest> tests = new ArrayList<>();
        int k = 0;
        for (Object o : (List<?>) REFERENCE.get("array_strs")) {
            Map<?, ?> entry = (Map<?, ?>) o;
            String dtype = (String) entry.get("dtype");
            int[] shape = ((List<?>) entry.get("shape")).stream().mapToInt(x -> ((BigInteger) x).intValue()).toArray();
            List<?> values = (List<?>) entry.get("values");
            String expected = (String) entry.get("str");
            tests.add(DynamicTest.dynamicTest("array " + (k++) + " " + dtype + " " + expected.replace('\n', '|'), () -> {
                String actual;
                if (dtype.startsWith("float")) {
                    actual = NumpyFormat.floatArray(floatValues(dtype, values), shape, dtype.equals("float32"));
                } else {
                    actual = NumpyFormat.intArray(values.stream().mapToLong(x -> ((BigInteger) x).longValue()).toArray(), shape);
                }
                assertEquals(expected, actual);
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> scalarsPrintAsNumpyPrintsThem() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Object o : (List<?>) REFERENCE.get("scalar_strs")) {
            Map<?, ?> entry = (Map<?, ?>) o;
            String dtype = (String) entry.get("dtype");
            BigInteger bits = (BigInteger) entry.get("bits");
            String expected = (String) entry.get("str");
            tests.add(DynamicTest.dynamicTest(dtype + " " + expected, () -> {
                double v = dtype.equals("float32") ? Float.intBitsToFloat(bits.intValue()) : Double.longBitsToDouble(bits.longValue());
                assertEquals(expected, NumpyFormat.floatScalar(v, dtype.equals("float32")));
            }));
        }
        return tests;
    }

    static double[] floatValues(String dtype, List<?> bits) {
        double[] out = new double[bits.size()];
        for (int i = 0; i < out.length; i++) {
            BigInteger b = (BigInteger) bits.get(i);
            out[i] = dtype.equals("float32") ? Float.intBitsToFloat(b.intValue()) : Double.longBitsToDouble(b.longValue());
        }
        return out;
    }

    @Test
    void pythonLiterals() {
        assertEquals("(4,)", NumpyFormat.shapeTuple(new int[] {4}));
        assertEquals("(2, 3)", NumpyFormat.shapeTuple(new int[] {2, 3}));
        assertEquals("()", NumpyFormat.shapeTuple(new int[0]));
        assertEquals("'a'", NumpyFormat.pythonString("a"));
        assertEquals("\"it's\"", NumpyFormat.pythonString("it's"));
        assertEquals("'say \"it\\'s\"'", NumpyFormat.pythonString("say \"it's\""));
        assertEquals("1.0", NumpyFormat.pythonFloat(1.0));
        assertEquals("1e-05", NumpyFormat.pythonFloat(1e-5));
        assertEquals("1e+16", NumpyFormat.pythonFloat(1e16));
        assertEquals("1234567.0", NumpyFormat.pythonFloat(1234567.0));
        assertEquals("0.1", NumpyFormat.pythonFloat32(0.1f));
        assertEquals("-0.0", NumpyFormat.pythonFloat(-0.0));
        assertEquals("5e-324", NumpyFormat.pythonFloat(Double.MIN_VALUE));
    }
}
