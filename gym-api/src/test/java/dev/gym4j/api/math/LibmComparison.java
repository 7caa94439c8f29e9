package dev.gym4j.api.math;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Compares {@link Libm} with glibc on the records {@code scripts/libm_glibc_cases.py} streams (function byte,
 * category byte, x, y, glibc's result as little-endian float64s). A result matches when its bits equal glibc's,
 * or when both are NaN. {@link #main} reads standard input and exits 1 on any mismatch
 * ({@code scripts/libm_compare.sh} runs it).
 */
final class LibmComparison {
    static final String[] FUNCTIONS = {"sin", "cos", "pow", "powf"};
    private static final int RECORD = 26;

    /** Counts per function and category, plus the first few mismatches. */
    static final class Report {
        final long[] total = new long[4];
        final long[] mismatches = new long[4];
        /** How many of the same arguments {@link Math} (sin, cos, pow, float of pow) gets different from glibc. */
        final long[] javaMathDiffers = new long[4];
        final TreeMap<Integer, long[]> byCategory = new TreeMap<>();
        final List<String> examples = new ArrayList<>();

        long totalMismatches() {
            long m = 0;
            for (long v : mismatches) {
                m += v;
            }
            return m;
        }

        void print(PrintStream out) {
            for (int f = 0; f < 4; f++) {
                if (total[f] == 0) {
                    continue;
                }
                out.printf("%-5s %,11d arguments, %,d mismatches (java.lang.Math differs on %,d)%n",
                        FUNCTIONS[f], total[f], mismatches[f], javaMathDiffers[f]);
                for (var e : byCategory.entrySet()) {
                    if (e.getKey() / 256 == f) {
                        out.printf("        category %d: %,10d arguments, %,d mismatches%n",
                                e.getKey() % 256, e.getValue()[0], e.getValue()[1]);
                    }
                }
            }
            for (String s : examples) {
                out.println("MISMATCH " + s);
            }
        }
    }

    private LibmComparison() {}

    static Report compare(InputStream raw) throws IOException {
        Report report = new Report();
        byte[] chunk = new byte[RECORD * 4096];
        try (InputStream in = new BufferedInputStream(raw, 1 << 20)) {
            while (true) {
                int n = in.readNBytes(chunk, 0, chunk.length);
                if (n == 0) {
                    break;
                }
                if (n % RECORD != 0) {
                    throw new IOException("truncated record stream (" + n + " bytes in the last chunk)");
                }
                ByteBuffer b = ByteBuffer.wrap(chunk, 0, n).order(ByteOrder.LITTLE_ENDIAN);
                while (b.hasRemaining()) {
                    int f = b.get();
                    int cat = b.get() & 0xff;
                    double x = b.getDouble();
                    double y = b.getDouble();
                    double expected = b.getDouble();
                    double got = switch (f) {
                        case 0 -> Libm.sin(x);
                        case 1 -> Libm.cos(x);
                        case 2 -> Libm.pow(x, y);
                        case 3 -> Libm.powf((float) x, (float) y);
                        default -> throw new IOException("unknown function byte " + f);
                    };
                    boolean ok = Double.doubleToRawLongBits(got) == Double.doubleToRawLongBits(expected)
                            || (Double.isNaN(got) && Double.isNaN(expected));
                    double math = switch (f) {
                        case 0 -> Math.sin(x);
                        case 1 -> Math.cos(x);
                        case 2 -> Math.pow(x, y);
                        default -> (float) Math.pow((float) x, (float) y);
                    };
                    if (Double.doubleToRawLongBits(math) != Double.doubleToRawLongBits(expected)
                            && !(Double.isNaN(math) && Double.isNaN(expected))) {
                        report.javaMathDiffers[f]++;
                    }
                    report.total[f]++;
                    long[] c = report.byCategory.computeIfAbsent(f * 256 + cat, k -> new long[2]);
                    c[0]++;
                    if (!ok) {
                        report.mismatches[f]++;
                        c[1]++;
                        if (report.examples.size() < 20) {
                            report.examples.add(String.format("%s(%s, %s) glibc %s gym4j %s (category %d)",
                                    FUNCTIONS[f], Double.toHexString(x), Double.toHexString(y),
                                    Double.toHexString(expected), Double.toHexString(got), cat));
                        }
                    }
                }
            }
        }
        return report;
    }

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        Report report = compare(System.in);
        report.print(System.out);
        System.out.printf("total mismatches: %d (%.1f s)%n", report.totalMismatches(), (System.nanoTime() - start) / 1e9);
        System.exit(report.totalMismatches() == 0 ? 0 : 1);
    }
}
