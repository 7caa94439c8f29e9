package dev.gym4j.benchmarks;

import dev.gym4j.bridge.experience.ExperienceSink;
import dev.gym4j.bridge.experience.ExperienceSource;
import dev.gym4j.bridge.experience.ExperienceTransports;
import dev.gym4j.bridge.experience.TensorData;
import dev.gym4j.bridge.experience.Trajectory;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import redis.clients.jedis.Jedis;

/**
 * Experience from one worker: trajectories of {@code steps} transitions of about 1 KB each (a float32
 * observation of 248 elements, an int64 action, reward and flags, a log-prob) handed to an {@link ExperienceSink}.
 * The score is trajectories per second; transitions per second is that times {@code steps}.
 *
 * <ul>
 *   <li>{@code transport=redis}: into Redis Streams at {@code redisPort} (pipelined {@code XADD}s). A helper thread
 *       keeps the stream at about 100k entries ({@code XTRIM MAXLEN ~}) so the benchmark does not fill the server;
 *       no trainer reads. Compared against: {@code redis-benchmark -p PORT -P 128 XADD bench * t <1 KB>} on the same
 *       server in the same run ({@code scripts/experience_bench.sh} does both).</li>
 *   <li>{@code transport=zmq}: over ZeroMQ to a trainer source in this JVM, whose thread takes and acknowledges
 *       each trajectory (credit-based flow control end to end).</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ExperienceBenchmark -p redisPort=6379}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExperienceBenchmark {

    /** redis or zmq. */
    @Param({"redis", "zmq"})
    public String transport;

    /** Transitions per trajectory (1: one 1 KB stream entry per transition). */
    @Param({"1", "64"})
    public int steps;

    /** Port of the Redis server to write to. */
    @Param({"6379"})
    public int redisPort;

    private ExperienceSink sink;
    private ExperienceSource source;
    private Thread helper;
    private volatile boolean running;
    private String experiment;
    private long sequence;
    private TensorData obs;
    private TensorData actions;
    private float[] rewards;
    private boolean[] flags;
    private TensorData last;
    private Map<String, TensorData> extras;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) throws Exception {
        experiment = "bench-" + Long.toHexString(System.nanoTime());
        float[] o = new float[steps * 248];
        for (int i = 0; i < o.length; i++) {
            o[i] = i * 0.25f;
        }
        obs = TensorData.ofFloats(new int[] {steps, 248}, o);
        actions = TensorData.ofLongs(new int[] {steps}, new long[steps]);
        rewards = new float[steps];
        flags = new boolean[steps];
        last = TensorData.ofFloats(new int[] {248}, new float[248]);
        extras = Map.of(Trajectory.LOGPROB, TensorData.ofFloats(new int[] {steps}, new float[steps]));
        running = true;
        if ("redis".equals(transport)) {
            String uri = "redis://127.0.0.1:" + redisPort + "/" + experiment + "?max-backlog=100000000&send-buffer=1024&batch=256";
            sink = ExperienceTransports.openSink(uri, null, "bench");
            String stream = "gym4j:" + experiment + ":trajectories";
            helper = new Thread(() -> {
                try (Jedis j = new Jedis("127.0.0.1", redisPort)) {
                    while (running) {
                        j.sendCommand(redis.clients.jedis.Protocol.Command.XTRIM, stream, "MAXLEN", "~", "100000");
                        Thread.sleep(100);
                    }
                    j.del(stream);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        } else {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            String uri = "zmq://127.0.0.1:" + port;
            source = ExperienceTransports.openSource(uri + "?window=1024", experiment);
            sink = ExperienceTransports.openSink(uri + "?send-buffer=2048", experiment, "bench");
            helper = new Thread(() -> {
                try {
                    while (running) {
                        Optional<Trajectory> t = source.poll(Duration.ofMillis(100));
                        t.ifPresent(source::acknowledge);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        helper.setDaemon(true);
        helper.start();
    }

    /** Ships one trajectory of {@code steps} transitions. */
    @Benchmark
    public void send() throws InterruptedException {
        sink.send(new Trajectory(experiment, "bench", sequence++, 1, "Bench-v0", 0, obs, actions, rewards, flags,
                flags, last, extras));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        sink.flush(Duration.ofSeconds(60));
        sink.close();
        running = false;
        helper.join(5_000);
        if (source != null) {
            source.close();
        }
    }
}
