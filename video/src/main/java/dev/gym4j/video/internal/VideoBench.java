package dev.gym4j.video.internal;

import dev.gym4j.api.Frame;
import dev.gym4j.video.Mp4Writer;
import dev.gym4j.video.VideoBackend;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;

/**
 * Measures how many frames per second each way of writing MP4 sustains, on frames that look like a CartPole
 * render. (There is no JMH {@code benchmarks} module yet; this main is the measuring tool until there is.)
 *
 * <p>Run, after {@code mvn -B -q -pl video -am package -DskipTests}:
 * <pre>
 * java -cp "video/target/classes:gym-api/target/classes:$HOME/.m2/repository/org/jcodec/jcodec/0.2.5/jcodec-0.2.5.jar" \
 *     dev.gym4j.video.internal.VideoBench [--frames 300] [--warmup 150] [--rounds 3] [--sizes 600x400,84x84] \
 *     [--backends jcodec,jcodec-sync,ffmpeg,sequence-encoder] [--tune IQP,PQP,KEYINT,RANGE]
 * </pre>
 *
 * <p>Backends: {@code jcodec} is {@link Mp4Writer} with JCodec (frames queued from this thread, encoded on the
 * writer's thread); {@code jcodec-sync} is the same encoder called on this thread alone ({@code --tune} changes
 * its settings, to compare tunings); {@code ffmpeg} is {@link Mp4Writer} with ffmpeg (libx264 uses its own
 * threads); {@code sequence-encoder} is JCodec's plain {@code SequenceEncoder}, fed an RGB picture per frame, the
 * figure the JCodec path is compared against. Each figure is the median of the rounds, after a warm-up run.
 * {@code fps} is by wall time; {@code cpu-fps}, for the backends that run on the calling thread, is by that
 * thread's CPU time, which stays comparable when other processes load the machine.
 */
public final class VideoBench {

    private static final double FPS = 50;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int DISTINCT_FRAMES = 120;

    private VideoBench() {
    }

    /**
     * @param args see the class comment
     * @throws Exception if a backend fails
     */
    public static void main(String[] args) throws Exception {
        int frames = 300;
        int warmup = 150;
        int rounds = 3;
        List<int[]> sizes = List.of(new int[] {600, 400}, new int[] {84, 84});
        List<String> backends = List.of("jcodec", "jcodec-sync", "ffmpeg", "sequence-encoder");
        JCodecSettings settings = JCodecSettings.DEFAULT;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--frames" -> frames = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--sizes" -> sizes = Arrays.stream(value.split(",")).map(VideoBench::size).toList();
                case "--backends" -> backends = List.of(value.split(","));
                case "--tune" -> {
                    int[] t = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
                    settings = new JCodecSettings(t[0], t[1], t[2], t[3]);
                }
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; see the class comment");
            }
        }
        Path dir = Files.createTempDirectory("gym4j-videobench");
        System.out.printf(Locale.ROOT, "%-17s %-9s %8s %8s %10s%n", "backend", "size", "fps", "cpu-fps", "bytes");
        for (int[] size : sizes) {
            Frame[] scene = new Frame[DISTINCT_FRAMES];
            for (int t = 0; t < scene.length; t++) {
                scene[t] = SyntheticScene.cartPole(size[0], size[1], t);
            }
            for (String backend : backends) {
                Path file = dir.resolve(backend + "-" + size[0] + "x" + size[1] + ".mp4");
                run(backend, scene, warmup, file, settings);
                double[] fps = new double[rounds];
                double[] cpuFps = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    long start = System.nanoTime();
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    run(backend, scene, frames, file, settings);
                    fps[r] = frames / ((System.nanoTime() - start) / 1e9);
                    cpuFps[r] = frames / ((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
                }
                Arrays.sort(fps);
                Arrays.sort(cpuFps);
                boolean onThisThread = backend.equals("jcodec-sync") || backend.equals("sequence-encoder");
                System.out.printf(Locale.ROOT, "%-17s %-9s %8.1f %8s %10d%n", backend, size[0] + "x" + size[1],
                        fps[rounds / 2], onThisThread ? String.format(Locale.ROOT, "%.1f", cpuFps[rounds / 2]) : "-",
                        Files.size(file));
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    private static int[] size(String text) {
        String[] parts = text.split("x");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    private static void run(String backend, Frame[] scene, int frames, Path file, JCodecSettings settings)
            throws IOException {
        switch (backend) {
            case "jcodec", "ffmpeg" -> {
                VideoBackend chosen = backend.equals("jcodec") ? VideoBackend.JCODEC : VideoBackend.FFMPEG;
                try (Mp4Writer writer = Mp4Writer.builder(file).fps(FPS).backend(chosen).open()) {
                    for (int i = 0; i < frames; i++) {
                        writer.write(scene[i % scene.length]);
                    }
                }
            }
            case "jcodec-sync" -> {
                Frame first = scene[0];
                JCodecSink sink = new JCodecSink(file, new FrameGeometry(first.width(), first.height()),
                        FrameRate.of(FPS), settings);
                for (int i = 0; i < frames; i++) {
                    sink.encode(scene[i % scene.length].rgb());
                }
                sink.finish();
            }
            case "sequence-encoder" -> runSequenceEncoder(scene, frames, file.toFile());
            default -> throw new IllegalArgumentException("Unknown backend " + backend);
        }
    }

    private static void runSequenceEncoder(Frame[] scene, int frames, File file) throws IOException {
        SequenceEncoder encoder = SequenceEncoder.createSequenceEncoder(file, (int) FPS);
        Frame first = scene[0];
        Picture rgb = Picture.create(first.width(), first.height(), ColorSpace.RGB);
        byte[] plane = rgb.getPlaneData(0);
        for (int i = 0; i < frames; i++) {
            byte[] pixels = scene[i % scene.length].rgb();
            for (int j = 0; j < pixels.length; j++) {
                plane[j] = (byte) ((pixels[j] & 0xff) - 128);
            }
            encoder.encodeNativeFrame(rgb);
        }
        encoder.finish();
    }
}
