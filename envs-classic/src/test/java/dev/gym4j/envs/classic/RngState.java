package dev.gym4j.envs.classic;

import dev.gym4j.api.random.Generator;
import dev.gym4j.api.random.PCG64;
import java.util.Map;

/** Reads a generator's PCG64 state in the gymref file's form ({@code hex()} strings, as Python writes them). */
final class RngState {

    private RngState() {
    }

    static Map<String, Object> of(Generator g) {
        PCG64 bits = g.bitGenerator();
        return Map.of(
                "state", "0x" + bits.state().toString(16),
                "inc", "0x" + bits.increment().toString(16),
                "has_uint32", bits.hasUint32() ? 1L : 0L,
                "uinteger", Integer.toUnsignedLong(bits.uinteger()));
    }
}
