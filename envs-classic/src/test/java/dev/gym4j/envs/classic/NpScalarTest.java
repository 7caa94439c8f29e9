package dev.gym4j.envs.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.envs.classic.NpScalar.Kind;
import org.junit.jupiter.api.Test;

/** NumPy 2's promotion rules as {@link NpScalar} implements them (facts from NEP 50 and gymref FACTS.md 5). */
class NpScalarTest {

    @Test
    void float32WithAPythonFloatStaysFloat32AndRoundsTheConstant() {
        NpScalar r = NpScalar.float32(1f).times(NpScalar.python(0.0015));
        assertEquals(Kind.FLOAT32, r.kind());
        assertEquals((double) (1f * (float) 0.0015), r.value());
        assertEquals((double) (0.1f + (float) 0.2), NpScalar.float32(0.1f).plus(NpScalar.python(0.2)).value());
    }

    @Test
    void float64WinsOverFloat32AndPythonFloats() {
        NpScalar r = NpScalar.float64(0.1).plus(NpScalar.float32(0.2f));
        assertEquals(Kind.FLOAT64, r.kind());
        assertEquals(0.1 + (double) 0.2f, r.value());
        assertEquals(Kind.FLOAT64, NpScalar.python(3).times(NpScalar.float64(0.5)).kind());
        assertEquals(Kind.PYTHON, NpScalar.python(3).minus(NpScalar.python(0.5)).kind());
    }

    @Test
    void comparisonsWithAPythonFloatHappenInFloat32() {
        NpScalar p = NpScalar.float32(0.44999998807907104);
        assertTrue(p.atLeast(NpScalar.python(0.45)), "0.45 rounds to this very float32");
        assertFalse(NpScalar.float64(0.44999998807907104).atLeast(NpScalar.python(0.45)));
        assertTrue(NpScalar.float32(0.07f).equalTo(NpScalar.python(0.07)));
        assertFalse(NpScalar.float32(0.07f).greaterThan(NpScalar.python(0.07)));
    }

    @Test
    void pythonMinAndMaxReturnTheBoundOnlyWhenStrictlyBeyond() {
        NpScalar a = NpScalar.float32(-1f);
        assertEquals(Kind.FLOAT32, a.pyMax(NpScalar.python(-1.0)).kind(), "a tie keeps the first argument");
        assertEquals(Kind.PYTHON, NpScalar.float32(-3f).pyMax(NpScalar.python(-1.0)).kind());
        assertEquals(Kind.PYTHON, NpScalar.float32(3f).pyMin(NpScalar.python(1.0)).kind());
    }
}
