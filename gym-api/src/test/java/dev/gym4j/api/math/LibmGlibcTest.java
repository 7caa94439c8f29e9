package dev.gym4j.api.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The short CI variant of {@code scripts/libm_compare.sh}: 50,000 seeded random arguments per function, over the
 * envs' ranges and wide ranges (subnormals, huge values, NaN, infinities, raw bit patterns), compared bit for bit
 * with this machine's glibc called through Python's ctypes. Needs a Python 3 (any; standard library only), glibc
 * 2.36 and a CPU with FMA (glibc's ifunc then picks the variants {@link Libm} reproduces). Without Python the test
 * is skipped, except under {@code CI=true}, where it fails; on another glibc or a CPU without FMA it is skipped,
 * because the reference itself is then a different function.
 */
class LibmGlibcTest {
    private static final int PER_FUNCTION = 50_000;
    private static String python;

    @BeforeAll
    static void needsPythonAndGlibc236WithFma() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/proc/cpuinfo"))
                && Files.readString(Path.of("/proc/cpuinfo")).contains(" fma "), "CPU without FMA");
        Assumptions.assumeTrue("glibc 2.36".equals(glibcVersion()), "glibc is not 2.36");
        python = pythonCommand();
        boolean ok = run(python, "-c", "import ctypes; ctypes.CDLL('libm.so.6')") == 0;
        if (!ok && System.getenv("CI") != null) {
            throw new AssertionError(python + " with ctypes is needed to compare with glibc (apt-get install python3)");
        }
        Assumptions.assumeTrue(ok, python + " with ctypes is not available");
    }

    static String pythonCommand() {
        String p = System.getProperty("gym4j.python");
        if (p == null || p.isBlank()) {
            p = System.getenv("GYM4J_PYTHON");
        }
        return p == null || p.isBlank() ? "python3" : p;
    }

    private static String glibcVersion() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("getconf", "GNU_LIBC_VERSION").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.waitFor() == 0 ? out : "";
    }

    private static int run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static LibmComparison.Report compareWithGlibc(String functions) throws Exception {
        File script = new File("../scripts/libm_glibc_cases.py");
        assertTrue(script.isFile(), "missing " + script.getAbsolutePath());
        Process p = new ProcessBuilder(python, script.getPath(), String.valueOf(PER_FUNCTION), "15", functions)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        LibmComparison.Report report = LibmComparison.compare(p.getInputStream());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python did not finish");
        assertEquals(0, p.exitValue(), "libm_glibc_cases.py failed");
        return report;
    }

    @Test
    void sinAndCosAgreeWithGlibcBitForBit() throws Exception {
        LibmComparison.Report report = compareWithGlibc("sin,cos");
        assertEquals(PER_FUNCTION, report.total[0]);
        assertEquals(PER_FUNCTION, report.total[1]);
        assertEquals(0, report.totalMismatches(), () -> "mismatches: " + report.examples);
        // the comparison can fail: java.lang.Math is not glibc
        assertTrue(report.javaMathDiffers[0] > 0 && report.javaMathDiffers[1] > 0, "Math.sin/cos never differ");
    }

    @Test
    void powAndPowfAgreeWithGlibcBitForBit() throws Exception {
        LibmComparison.Report report = compareWithGlibc("pow,powf");
        assertEquals(PER_FUNCTION, report.total[2]);
        assertEquals(PER_FUNCTION, report.total[3]);
        assertEquals(0, report.totalMismatches(), () -> "mismatches: " + report.examples);
    }
}
