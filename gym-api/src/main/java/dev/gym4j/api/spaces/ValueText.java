package dev.gym4j.api.spaces;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Text for values that may not belong to any space, for error messages.
 *
 * <p>Stateless and thread-safe.
 */
final class ValueText {

    /** Longer value texts are cut, so that a huge array does not flood a message. */
    static final int MAX_LENGTH = 200;

    private ValueText() {
    }

    /** @return a readable text for any object: arrays by content, {@code null} as {@code null} */
    static String generic(Object x) {
        if (x instanceof float[]) {
            return Arrays.toString((float[]) x);
        } else if (x instanceof double[]) {
            return Arrays.toString((double[]) x);
        } else if (x instanceof byte[]) {
            return Arrays.toString((byte[]) x);
        } else if (x instanceof int[]) {
            return Arrays.toString((int[]) x);
        } else if (x instanceof long[]) {
            return Arrays.toString((long[]) x);
        } else if (x instanceof Object[]) {
            return Arrays.deepToString((Object[]) x);
        } else if (x instanceof List) {
            StringBuilder b = new StringBuilder("[");
            for (Object o : (List<?>) x) {
                b.append(b.length() > 1 ? ", " : "").append(generic(o));
            }
            return b.append(']').toString();
        } else if (x instanceof Map) {
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<?, ?> e : ((Map<?, ?>) x).entrySet()) {
                b.append(b.length() > 1 ? ", " : "").append(e.getKey()).append('=').append(generic(e.getValue()));
            }
            return b.append('}').toString();
        }
        return String.valueOf(x);
    }

    /**
     * @param shape an array's shape
     * @param element the text of the element at a flat (C-order) index
     * @return nested Python lists, e.g. {@code [[1, 0], [0, 1]]}; a scalar shape gives the bare element
     */
    static String nested(int[] shape, java.util.function.IntFunction<String> element) {
        StringBuilder b = new StringBuilder();
        appendNested(b, shape, 0, 0, element);
        return b.toString();
    }

    private static int appendNested(StringBuilder b, int[] shape, int axis, int index, java.util.function.IntFunction<String> element) {
        if (axis == shape.length) {
            b.append(element.apply(index));
            return index + 1;
        }
        b.append('[');
        for (int i = 0; i < shape[axis]; i++) {
            b.append(i == 0 ? "" : ", ");
            index = appendNested(b, shape, axis + 1, index, element);
        }
        b.append(']');
        return index;
    }

    /** @return {@code text}, cut to {@link #MAX_LENGTH} characters with {@code ...} */
    static String shorten(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 3) + "...";
    }
}
