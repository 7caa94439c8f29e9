package dev.gym4j.api.spaces;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes numbers and arrays the way NumPy 2's {@code str()} and Python's {@code repr()} do, so that
 * {@code toString()} of a space reads exactly like Gymnasium's.
 *
 * <p>Covered: the shortest round-trip digits of float32 and float64 values, NumPy's scalar {@code str}
 * (positional between 1e-4 and 1e6 for float32, 1e16 for float64, scientific outside), and
 * {@code array2string} with its default options (precision 8, {@code maxprec} float mode, line width
 * 75, summarised with {@code ...} above 1000 elements, 3 edge items).
 *
 * <p>Stateless and thread-safe.
 */
final class NumpyFormat {

    private static final int PRECISION = 8;
    private static final int LINE_WIDTH = 75;
    private static final int THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;

    private NumpyFormat() {
    }

    /**
     * A positive finite number as decimal digits: {@code d1.d2d3... * 10^exponent}.
     *
     * @param digits the significant digits, no leading or trailing zeros (or "0" for zero)
     * @param exponent the power of ten of the first digit
     */
    private record Digits(String digits, int exponent) {

        static Digits of(BigDecimal value) {
            if (value.signum() == 0) {
                return new Digits("0", 0);
            }
            BigDecimal stripped = value.stripTrailingZeros();
            String s = stripped.unscaledValue().toString();
            return new Digits(s, s.length() - 1 - stripped.scale());
        }

        /** @return the number of digits after the decimal point in positional notation */
        int fractionDigits() {
            return Math.max(0, digits.length() - 1 - exponent);
        }

        /** @return {integer part, fraction part} without sign, the fraction without trailing zeros */
        String[] positional() {
            if (digits.equals("0")) {
                return new String[] {"0", ""};
            }
            if (exponent >= 0) {
                if (digits.length() <= exponent + 1) {
                    return new String[] {digits + "0".repeat(exponent + 1 - digits.length()), ""};
                }
                return new String[] {digits.substring(0, exponent + 1), digits.substring(exponent + 1)};
            }
            return new String[] {"0", "0".repeat(-exponent - 1) + digits};
        }
    }

    // ---------------------------------------------------------------- shortest digits

    /**
     * The shortest decimal that reads back as the same float32 or float64, the closest to the exact
     * binary value among those of that length (what NumPy's Dragon4 and Python's repr produce).
     */
    private static Digits shortest(double magnitude, boolean float32) {
        if (magnitude == 0) {
            return new Digits("0", 0);
        }
        BigDecimal exact = new BigDecimal(magnitude);
        int maxDigits = float32 ? 9 : 17;
        for (int p = 1; p <= maxDigits; p++) {
            BigDecimal best = null;
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(p, mode));
                if (readsBack(candidate, magnitude, float32)
                        && (best == null || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return Digits.of(best);
            }
        }
        return Digits.of(exact);
    }

    private static boolean readsBack(BigDecimal candidate, double magnitude, boolean float32) {
        String text = candidate.toString();
        return float32 ? Float.parseFloat(text) == (float) magnitude : Double.parseDouble(text) == magnitude;
    }

    /** Dragon4's "unique" digits, cut at {@code maxFraction} fraction digits (rounded half-even on the exact value). */
    private static Digits positionalDigits(double magnitude, boolean float32, int maxFraction) {
        Digits unique = shortest(magnitude, float32);
        if (unique.fractionDigits() <= maxFraction) {
            return unique;
        }
        return Digits.of(new BigDecimal(magnitude).setScale(maxFraction, RoundingMode.HALF_EVEN));
    }

    /** Dragon4's "unique" digits, cut at {@code maxFraction + 1} significant digits. */
    private static Digits scientificDigits(double magnitude, boolean float32, int maxFraction) {
        Digits unique = shortest(magnitude, float32);
        if (unique.digits().length() <= maxFraction + 1) {
            return unique;
        }
        return Digits.of(new BigDecimal(magnitude).round(new MathContext(maxFraction + 1, RoundingMode.HALF_EVEN)));
    }

    private static String sign(double value) {
        return Double.doubleToRawLongBits(value) < 0 ? "-" : "";
    }

    private static String exponentText(int exponent, int minDigits) {
        String digits = Integer.toString(Math.abs(exponent));
        if (digits.length() < minDigits) {
            digits = "0".repeat(minDigits - digits.length()) + digits;
        }
        return "e" + (exponent < 0 ? "-" : "+") + digits;
    }

    // ---------------------------------------------------------------- scalars

    /**
     * @param value a float32 (widened exactly) or float64 value
     * @param float32 whether it is a float32
     * @return NumPy's {@code str(np.float32(value))} or {@code str(np.float64(value))}
     */
    static String floatScalar(double value, boolean float32) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        double magnitude = Math.abs(value);
        double positionalLimit = float32 ? 1e6 : 1e16;
        Digits d = shortest(magnitude, float32);
        if (magnitude == 0 || (magnitude >= 1e-4 && magnitude < positionalLimit)) {
            String[] parts = d.positional();
            return sign(value) + parts[0] + "." + (parts[1].isEmpty() ? "0" : parts[1]);
        }
        return sign(value) + mantissa(d) + exponentText(d.exponent(), 2);
    }

    /** @return Python's {@code repr} of a float64 value, e.g. {@code 1.0}, {@code 1e-05}, {@code inf} */
    static String pythonFloat(double value) {
        return pythonStyle(value, false);
    }

    /** @return a float32 value in Python's float style, with the float32's own shortest digits */
    static String pythonFloat32(float value) {
        return pythonStyle(value, true);
    }

    private static String pythonStyle(double value, boolean float32) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        Digits d = shortest(Math.abs(value), float32);
        if (d.digits().equals("0") || (d.exponent() >= -4 && d.exponent() < 16)) {
            String[] parts = d.positional();
            return sign(value) + parts[0] + "." + (parts[1].isEmpty() ? "0" : parts[1]);
        }
        return sign(value) + mantissa(d) + exponentText(d.exponent(), 2);
    }

    /** @return the mantissa {@code d.ddd}, or just {@code d} for a single digit */
    private static String mantissa(Digits d) {
        String fraction = d.digits().substring(1);
        return fraction.isEmpty() ? d.digits() : d.digits().charAt(0) + "." + fraction;
    }

    // ---------------------------------------------------------------- arrays

    /**
     * @param values the elements in C order (float32 values widened exactly)
     * @param shape the array's shape
     * @param float32 whether the array is float32
     * @return NumPy's {@code str(array)}
     */
    static String floatArray(double[] values, int[] shape, boolean float32) {
        if (values.length == 0) {
            return "[]";
        }
        if (shape.length == 0) {
            return floatScalar(values[0], float32);
        }
        int[] shown = shownIndices(shape);
        FloatFormatter formatter = new FloatFormatter(values, shown, float32);
        return formatArray(shape, i -> formatter.format(values[i]), values.length > THRESHOLD);
    }

    /**
     * @param values the elements in C order, already read as signed or unsigned as the dtype says
     * @param shape the array's shape
     * @return NumPy's {@code str(array)} of an integer array
     */
    static String intArray(long[] values, int[] shape) {
        if (values.length == 0) {
            return "[]";
        }
        if (shape.length == 0) {
            return Long.toString(values[0]);
        }
        int width = 0;
        long max = Long.MIN_VALUE;
        long min = Long.MAX_VALUE;
        for (int i : shownIndices(shape)) {
            max = Math.max(max, values[i]);
            min = Math.min(min, values[i]);
        }
        width = Math.max(Long.toString(max).length(), Long.toString(min).length());
        int w = width;
        return formatArray(shape, i -> pad(Long.toString(values[i]), w), values.length > THRESHOLD);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** The flat indices NumPy looks at to choose the format: all, or the summarised corners. */
    private static int[] shownIndices(int[] shape) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (size <= THRESHOLD) {
            int[] all = new int[size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            return all;
        }
        List<Integer> out = new ArrayList<>();
        collectCorners(shape, 0, 0, out);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void collectCorners(int[] shape, int axis, int base, List<Integer> out) {
        if (axis == shape.length) {
            out.add(base);
            return;
        }
        int stride = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            stride *= shape[a];
        }
        for (int i : axisIndices(shape[axis], true)) {
            collectCorners(shape, axis + 1, base + i * stride, out);
        }
    }

    private static int[] axisIndices(int length, boolean summarise) {
        if (summarise && length > 2 * EDGE_ITEMS) {
            int[] idx = new int[2 * EDGE_ITEMS];
            for (int i = 0; i < EDGE_ITEMS; i++) {
                idx[i] = i;
                idx[EDGE_ITEMS + i] = length - EDGE_ITEMS + i;
            }
            return idx;
        }
        int[] idx = new int[length];
        for (int i = 0; i < length; i++) {
            idx[i] = i;
        }
        return idx;
    }

    /** Formats one element given its flat index. */
    private interface ElementFormat {
        String format(int flatIndex);
    }

    /** NumPy's {@code _formatArray} (non-legacy): rows wrapped at the line width, nested rows on new lines. */
    private static String formatArray(int[] shape, ElementFormat element, boolean summarise) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int a = shape.length - 1; a >= 0; a--) {
            strides[a] = stride;
            stride *= shape[a];
        }
        return recurse(shape, strides, 0, 0, " ", LINE_WIDTH, element, summarise);
    }

    private static String recurse(int[] shape, int[] strides, int axis, int base, String hangingIndent, int width,
                                  ElementFormat element, boolean summarise) {
        if (axis == shape.length) {
            return element.format(base);
        }
        String nextIndent = hangingIndent + " ";
        int nextWidth = width - 1;
        int length = shape[axis];
        boolean showSummary = summarise && 2 * EDGE_ITEMS < length;
        int leading = showSummary ? EDGE_ITEMS : 0;
        int trailing = showSummary ? EDGE_ITEMS : length;
        StringBuilder s = new StringBuilder();
        if (axis == shape.length - 1) {
            int elementWidth = width - 1;
            StringBuilder line = new StringBuilder(hangingIndent);
            for (int i = 0; i < leading; i++) {
                String word = recurse(shape, strides, axis + 1, base + i * strides[axis], nextIndent, nextWidth, element, summarise);
                line = extendLine(s, line, word, elementWidth, hangingIndent);
                line.append(' ');
            }
            if (showSummary) {
                line = extendLine(s, line, "...", elementWidth, hangingIndent);
                line.append(' ');
            }
            for (int i = trailing; i > 1; i--) {
                String word = recurse(shape, strides, axis + 1, base + (length - i) * strides[axis], nextIndent, nextWidth, element, summarise);
                line = extendLine(s, line, word, elementWidth, hangingIndent);
                line.append(' ');
            }
            String last = recurse(shape, strides, axis + 1, base + (length - 1) * strides[axis], nextIndent, nextWidth, element, summarise);
            line = extendLine(s, line, last, elementWidth, hangingIndent);
            s.append(line);
        } else {
            String lineSep = "\n".repeat(shape.length - axis - 1);
            for (int i = 0; i < leading; i++) {
                s.append(hangingIndent)
                        .append(recurse(shape, strides, axis + 1, base + i * strides[axis], nextIndent, nextWidth, element, summarise))
                        .append(lineSep);
            }
            if (showSummary) {
                s.append(hangingIndent).append("...").append(lineSep);
            }
            for (int i = trailing; i > 1; i--) {
                s.append(hangingIndent)
                        .append(recurse(shape, strides, axis + 1, base + (length - i) * strides[axis], nextIndent, nextWidth, element, summarise))
                        .append(lineSep);
            }
            s.append(hangingIndent)
                    .append(recurse(shape, strides, axis + 1, base + (length - 1) * strides[axis], nextIndent, nextWidth, element, summarise));
        }
        return "[" + s.substring(hangingIndent.length()) + "]";
    }

    /** NumPy's {@code _extendLine}: wrap before {@code word} if it would pass the width, unless wrapping cannot help. */
    private static StringBuilder extendLine(StringBuilder s, StringBuilder line, String word, int lineWidth, String nextLinePrefix) {
        boolean needsWrap = line.length() + word.length() > lineWidth;
        if (line.length() <= nextLinePrefix.length()) {
            needsWrap = false;
        }
        if (needsWrap) {
            s.append(line.toString().stripTrailing()).append('\n');
            line = new StringBuilder(nextLinePrefix);
        }
        line.append(word);
        return line;
    }

    /** NumPy's {@code FloatingFormat} with the default print options. */
    private static final class FloatFormatter {
        private final boolean float32;
        private boolean expFormat;
        private int padLeft;
        private int padRight;
        private int expSize = -1;
        private int precision = PRECISION;

        FloatFormatter(double[] values, int[] shown, boolean float32) {
            this.float32 = float32;
            double maxAbs = 0;
            double minAbs = Double.POSITIVE_INFINITY;
            boolean anyFinite = false;
            boolean anyNonFinite = false;
            boolean negativeInf = false;
            for (int i : shown) {
                double v = values[i];
                if (Double.isFinite(v)) {
                    anyFinite = true;
                    if (v != 0) {
                        maxAbs = Math.max(maxAbs, Math.abs(v));
                        minAbs = Math.min(minAbs, Math.abs(v));
                    }
                } else {
                    anyNonFinite = true;
                    negativeInf |= v == Double.NEGATIVE_INFINITY;
                }
            }
            if (maxAbs > 0) {
                expFormat = useExponent(maxAbs, minAbs);
            }
            if (anyFinite) {
                measure(values, shown);
            }
            if (anyNonFinite) {
                int offset = padRight + 1;
                padLeft = Math.max(padLeft, Math.max(3 - offset, 3 + (negativeInf ? 1 : 0) - offset));
            }
        }

        /** NumPy compares in the array's own dtype: the float32 thresholds are float32 values. */
        private boolean useExponent(double maxAbs, double minAbs) {
            if (float32) {
                float max = (float) maxAbs;
                float min = (float) minAbs;
                return max >= 1e6f || min < 0.0001f || max / min > 1000f;
            }
            return maxAbs >= 1e8 || minAbs < 0.0001 || maxAbs / minAbs > 1000.0;
        }

        private void measure(double[] values, int[] shown) {
            int maxInt = 0;
            int maxFraction = 0;
            int maxExp = 0;
            for (int i : shown) {
                double v = values[i];
                if (!Double.isFinite(v)) {
                    continue;
                }
                double magnitude = Math.abs(v);
                if (expFormat) {
                    Digits d = scientificDigits(magnitude, float32, PRECISION);
                    maxInt = Math.max(maxInt, sign(v).length() + 1);
                    maxFraction = Math.max(maxFraction, d.digits().length() - 1);
                    maxExp = Math.max(maxExp, Math.max(2, Integer.toString(Math.abs(d.exponent())).length()));
                } else {
                    String[] parts = positionalDigits(magnitude, float32, PRECISION).positional();
                    maxInt = Math.max(maxInt, sign(v).length() + parts[0].length());
                    maxFraction = Math.max(maxFraction, parts[1].length());
                }
            }
            padLeft = maxInt;
            if (expFormat) {
                expSize = maxExp;
                precision = maxFraction;
                padRight = expSize + 2 + precision;
            } else {
                padRight = maxFraction;
            }
        }

        String format(double v) {
            if (!Double.isFinite(v)) {
                String text = Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
                return pad(text, padLeft + padRight + 1);
            }
            double magnitude = Math.abs(v);
            if (expFormat) {
                // min_digits == precision: Dragon4 prints further true digits (not zeros) past the unique ones
                Digits d = magnitude == 0 ? new Digits("0", 0)
                        : Digits.of(new BigDecimal(magnitude).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN)));
                String fraction = d.digits().substring(1);
                fraction = fraction + "0".repeat(Math.max(0, precision - fraction.length()));
                String body = pad(sign(v) + d.digits().charAt(0), padLeft) + "." + fraction;
                return body + exponentText(d.exponent(), expSize);
            }
            String[] parts = positionalDigits(magnitude, float32, PRECISION).positional();
            String fraction = parts[1] + " ".repeat(Math.max(0, padRight - parts[1].length()));
            return pad(sign(v) + parts[0], padLeft) + "." + fraction;
        }
    }

    // ---------------------------------------------------------------- Python literals

    /** @return a shape as a Python tuple: {@code ()}, {@code (4,)}, {@code (2, 3)} */
    static String shapeTuple(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return b.append(')').toString();
    }

    /** @return Python's {@code repr} of a str: single quotes unless the text holds ' and no " */
    static String pythonString(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(quote);
        text.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') {
                b.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                b.append("\\n");
            } else if (cp == '\r') {
                b.append("\\r");
            } else if (cp == '\t') {
                b.append("\\t");
            } else if (cp < 0x20 || cp == 0x7f) {
                b.append(String.format("\\x%02x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.append(quote).toString();
    }
}
