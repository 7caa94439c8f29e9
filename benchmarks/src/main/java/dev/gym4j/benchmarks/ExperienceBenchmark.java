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
 *   <li>{@code transport=rawzmq}: the bound for {@code zmq}: the same bytes (one encoded trajectory, made once) sent
 *       from a DEALER to a ROUTER in this JVM whose thread receives and drops them; flow control is ZeroMQ's
 *       high-water mark only, nothing is encoded, decoded, kept or acknowledged.</li>
 * </ul>
 * Aims (issue 12, 1 KB transitions): Redis at least 100,000 transitions/s, ZeroMQ at least 300,000. Measured
 * 2026-12-03 on the 2-core dev machine (shared), {@code -wi 3 -w 2 -i 5 -r 2}: zmq steps=64 window=256 17,492
 * trajectories/s (1.12M transitions/s; window=1024: 4,092, the retained 64 MB/128 MB make it GC-bound), rawzmq
 * steps=64 28,906 messages/s; steps=1 zmq 146,468/s against rawzmq 156,017-231,496/s (one 1 KB message each: the
 * per-message cost of ZeroMQ itself bounds it).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ExperienceBenchmark -p redisPort=6379}
 * ({@code -p transport=zmq,rawzmq} for the ZeroMQ pair alone).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExperienceBenchmark {

    /** redis, zmq or rawzmq. */
    @Param({"redis", "zmq", "rawzmq"})
    public String transport;

    /** Transitions per trajectory (1: one 1 KB stream entry per transition). */
    @Param({"1", "64"})
    public int steps;

    /** ZeroMQ: the trainer's credit window (trajectories outstanding per worker); the worker holds twice that. */
    @Param({"256", "1024"})
    public int window;

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
        } else if ("rawzmq".equals(transport)) {
            setUpRaw();
        } else {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            String uri = "zmq://127.0.0.1:" + port;
            source = ExperienceTransports.openSource(uri + "?window=" + window, experiment);
            sink = ExperienceTransports.openSink(uri + "?send-buffer=" + 2 * window, experiment, "bench");
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

    private org.zeromq.ZContext raw;
    private org.zeromq.ZMQ.Socket rawDealer;
    private byte[] rawMessage;

    private void setUpRaw() {
        rawMessage = dev.gym4j.bridge.ExperienceCodec.encode(new Trajectory(experiment, "bench", 0, 1, "Bench-v0", 0,
                obs, actions, rewards, flags, flags, last, extras));
        raw = new org.zeromq.ZContext(1);
        org.zeromq.ZMQ.Socket router = raw.createSocket(org.zeromq.SocketType.ROUTER);
        router.setRcvHWM(1000);
        int port = router.bindToRandomPort("tcp://127.0.0.1");
        router.setReceiveTimeOut(100);
        rawDealer = raw.createSocket(org.zeromq.SocketType.DEALER);
        rawDealer.setSndHWM(1000);
        rawDealer.connect("tcp://127.0.0.1:" + port);
        helper = new Thread(() -> {
            while (running) {
                if (router.recv() != null) {
                    while (router.hasReceiveMore()) {
                        router.recv();
                    }
                }
            }
            router.close();
        });
    }

    /** Ships one trajectory of {@code steps} transitions. */
    @Benchmark
    public void send() throws InterruptedException {
        if (rawDealer != null) {
            rawDealer.send(rawMessage);
            return;
        }
        sink.send(new Trajectory(experiment, "bench", sequence++, 1, "Bench-v0", 0, obs, actions, rewards, flags,
                flags, last, extras));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (rawDealer != null) {
            running = false;
            helper.join(5_000);
            rawDealer.close();
            raw.close();
            return;
        }
        sink.flush(Duration.ofSeconds(60));
        sink.close();
        running = false;
        helper.join(5_000);
        if (source != null) {
            source.close();
        }
    }
}
