package dev.gym4j.bridge.experience.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reading Redis' raw RESP replies (nested lists of byte arrays and longs). */
final class Raw {

    private Raw() {
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String s(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return String.valueOf(o);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    static long l(Object o) {
        if (o instanceof Long v) {
            return v;
        }
        return Long.parseLong(s(o));
    }

    /** A stream entry id as (ms, seq), for comparisons. */
    record Id(long ms, long seq) implements Comparable<Id> {
        static final Id ZERO = new Id(0, 0);

        static Id parse(String id) {
            int dash = id.indexOf('-');
            return dash < 0 ? new Id(Long.parseLong(id), 0)
                    : new Id(Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1)));
        }

        Id next() {
            return seq == Long.MAX_VALUE ? new Id(ms + 1, 0) : new Id(ms, seq + 1);
        }

        @Override
        public int compareTo(Id o) {
            int c = Long.compareUnsigned(ms, o.ms);
            return c != 0 ? c : Long.compareUnsigned(seq, o.seq);
        }

        @Override
        public String toString() {
            return Long.toUnsignedString(ms) + "-" + Long.toUnsignedString(seq);
        }
    }
}
