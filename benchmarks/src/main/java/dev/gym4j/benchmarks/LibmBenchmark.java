package dev.gym4j.benchmarks;

// gym4j:unseeded-ok: SplittableRandom is seeded (15) here; it only makes benchmark arguments.
import dev.gym4j.api.math.Libm;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of glibc-exact math: {@link Libm}'s {@code sin}, {@code cos}, {@code pow} and {@code powf} against
 * what a user would pick instead, {@link Math} (HotSpot intrinsics) and {@link StrictMath} (fdlibm), on the same
 * {@value #N} arguments. Score: nanoseconds per call.
 *
 * <p>{@code range=env}: the classic envs' arguments (angles in [-4pi, 4pi]; {@code x**2} with x in [-30, 30];
 * float32 {@code u**2} with u in [-4, 4]). {@code range=wide}: sin/cos of |x| up to 1e9 (the 2/pi reduction),
 * pow and powf of random positive bases to random exponents in [-20, 20].
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LibmBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@OperationsPerInvocation(LibmBenchmark.N)
public class LibmBenchmark {

    /** Arguments per invocation. */
    public static final int N = 1024;

    /** Which arguments: {@code env} or {@code wide}. */
    @Param({"env", "wide"})
    public String range;

    private final double[] angle = new double[N];
    private final double[] base = new double[N];
    private final double[] exponent = new double[N];
    private final float[] baseF = new float[N];
    private final float[] exponentF = new float[N];

    /** Draws the arguments from a fixed seed. */
    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(15);
        boolean env = range.equals("env");
        for (int i = 0; i < N; i++) {
            angle[i] = env ? r.nextDouble(-4 * Math.PI, 4 * Math.PI) : r.nextDouble(-1e9, 1e9);
            base[i] = env ? r.nextDouble(-30, 30) : r.nextDouble(1e-3, 1e3);
            exponent[i] = env ? 2.0 : r.nextDouble(-20, 20);
            baseF[i] = (float) (env ? r.nextDouble(-4, 4) : r.nextDouble(1e-3, 1e3));
            exponentF[i] = env ? 2.0f : (float) r.nextDouble(-20, 20);
        }
    }

    @Benchmark
    public double sinLibm() {
        double s = 0;
        for (double x : angle) {
            s += Libm.sin(x);
        }
        return s;
    }

    @Benchmark
    public double sinMath() {
        double s = 0;
        for (double x : angle) {
            s += Math.sin(x);
        }
        return s;
    }

    @Benchmark
    public double sinStrictMath() {
        double s = 0;
        for (double x : angle) {
            s += StrictMath.sin(x);
        }
        return s;
    }

    @Benchmark
    public double cosLibm() {
        double s = 0;
        for (double x : angle) {
            s += Libm.cos(x);
        }
        return s;
    }

    @Benchmark
    public double cosMath() {
        double s = 0;
        for (double x : angle) {
            s += Math.cos(x);
        }
        return s;
    }

    @Benchmark
    public double cosStrictMath() {
        double s = 0;
        for (double x : angle) {
            s += StrictMath.cos(x);
        }
        return s;
    }

    @Benchmark
    public double powLibm() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += Libm.pow(base[i], exponent[i]);
        }
        return s;
    }

    @Benchmark
    public double powMath() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += Math.pow(base[i], exponent[i]);
        }
        return s;
    }

    @Benchmark
    public double powStrictMath() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += StrictMath.pow(base[i], exponent[i]);
        }
        return s;
    }

    @Benchmark
    public float powfLibm() {
        float s = 0;
        for (int i = 0; i < N; i++) {
            s += Libm.powf(baseF[i], exponentF[i]);
        }
        return s;
    }

    @Benchmark
    public float powfMath() {
        float s = 0;
        for (int i = 0; i < N; i++) {
            s += (float) Math.pow(baseF[i], exponentF[i]);
        }
        return s;
    }

    @Benchmark
    public float powfStrictMath() {
        float s = 0;
        for (int i = 0; i < N; i++) {
            s += (float) StrictMath.pow(baseF[i], exponentF[i]);
        }
        return s;
    }
}
