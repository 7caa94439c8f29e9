package dev.gym4j.benchmarks;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.Frame;
import dev.gym4j.video.Mp4Writer;
import dev.gym4j.video.VideoBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * MP4 writing: frames per second that {@link Mp4Writer} sustains on real CartPole renders (600x400 RGB, the
 * frames {@code RecordVideo} gets), with each backend, next to JCodec's plain {@code SequenceEncoder} fed the same
 * frames (what a Java user would write by hand). One operation = one 300-frame episode written to a fresh file;
 * the score times 300 is frames per second.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar VideoBenchmark} ({@code -p backend=jcodec} to
 * narrow it). {@code ffmpeg} needs FFmpeg on the PATH.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class VideoBenchmark {

    /** Frames in one episode (one operation). */
    public static final int FRAMES = 300;
    private static final int FPS = 50;

    /** {@code jcodec} or {@code ffmpeg} (Mp4Writer's backends), or {@code sequence-encoder} (JCodec by hand). */
    @Param({"jcodec", "ffmpeg", "sequence-encoder"})
    public String backend;

    private Frame[] frames;
    private Path dir;
    private int episode;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        frames = new Frame[FRAMES];
        try (Env<float[], Integer> env = Gym.make("CartPole-v1", Map.of("render_mode", "rgb_array"))) {
            env.reset(7L);
            env.actionSpace().seed(7L);
            for (int i = 0; i < FRAMES; i++) {
                frames[i] = env.render().orElseThrow();
                if (env.step(env.actionSpace().sample()).done()) {
                    env.reset();
                }
            }
        }
        dir = Files.createTempDirectory("gym4j-videobench");
    }

    @Benchmark
    public long writeEpisode() throws IOException {
        Path file = dir.resolve("episode-" + (episode++ % 4) + ".mp4");
        if ("sequence-encoder".equals(backend)) {
            SequenceEncoder encoder = SequenceEncoder.createSequenceEncoder(file.toFile(), FPS);
            Picture rgb = Picture.create(frames[0].width(), frames[0].height(), ColorSpace.RGB);
            byte[] plane = rgb.getPlaneData(0);
            for (Frame f : frames) {
                byte[] pixels = f.rgb();
                for (int j = 0; j < pixels.length; j++) {
                    plane[j] = (byte) ((pixels[j] & 0xff) - 128); // JCodec's signed samples
                }
                encoder.encodeNativeFrame(rgb);
            }
            encoder.finish();
        } else {
            VideoBackend chosen = "ffmpeg".equals(backend) ? VideoBackend.FFMPEG : VideoBackend.JCODEC;
            try (Mp4Writer writer = Mp4Writer.builder(file).fps(FPS).backend(chosen).open()) {
                for (Frame f : frames) {
                    writer.write(f);
                }
            }
        }
        return Files.size(file);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }
}
