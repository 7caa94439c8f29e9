package dev.gym4j.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.spaces.Discrete;
import org.junit.jupiter.api.Test;

/** Recorded actions read back as their space's values, and JSON of another type is refused. */
class ReplayValueCodecTest {

    @Test
    void aJsonBooleanIsNotADiscreteAction() {
        Discrete space = new Discrete(2);
        assertEquals(1, ValueCodec.fromJson(space, 1L));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ValueCodec.fromJson(space, Boolean.TRUE));
        assertTrue(e.getMessage().contains("Discrete"), e.getMessage());
    }
}
