package dev.gym4j.bridge;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on what one request can make an {@link EnvServer} allocate or compute, and on how many
 * clients it keeps, so that no client, however hostile, can exhaust the server's memory, stall it or
 * lock other clients out. A request over a bound gets an {@code Error} reply that says which bound,
 * its value, and the option that raises it; the server keeps serving.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxEnvsPerHello the largest {@code Hello.num_envs} (a vector env of that many copies); option
 *     {@code --max-envs-per-hello}, default {@value #DEFAULT_MAX_ENVS_PER_HELLO}
 * @param maxEnvs how many envs (sub-envs counted one by one) all clients together may hold; option
 *     {@code --max-envs}, default {@value #DEFAULT_MAX_ENVS}
 * @param maxClientsPerPeer how many clients one peer address (an IP address) may hold an env at once;
 *     option {@code --max-clients-per-peer}, default {@value #DEFAULT_MAX_CLIENTS_PER_PEER}
 * @param maxSeedBytes the largest reset seed, in bytes of its magnitude; option {@code --max-seed-bytes},
 *     default {@value #DEFAULT_MAX_SEED_BYTES} (a 32,768-bit integer)
 * @param maxIdLength the longest env id in a {@code Hello}, in characters; option {@code --max-id-length},
 *     default {@value #DEFAULT_MAX_ID_LENGTH}
 * @param maxKwargsBytes the largest encoded kwargs map of a {@code Hello} (and options map of a reset),
 *     in bytes; option {@code --max-kwargs-bytes}, default {@value #DEFAULT_MAX_KWARGS_BYTES}
 * @param maxTensorElements the most elements one tensor of a request may declare; option
 *     {@code --max-tensor-elements}, default {@value #DEFAULT_MAX_TENSOR_ELEMENTS}
 * @param evictAfter when the server is at a client limit, a new client's {@code Hello} takes the slot of
 *     the client silent the longest, if that one has been silent at least this long (it gets
 *     {@code NO_SESSION} on its next request and can say {@code Hello} again); option
 *     {@code --evict-after}, default 2 s
 * @param heartbeat the interval of ZeroMQ's own (ZMTP) heartbeats to each client; a client whose
 *     connection does not answer them for 6 intervals is disconnected and its env freed at once, as is
 *     the env of any client whose connection closes; zero turns heartbeats off; option {@code --heartbeat},
 *     default 5 s
 * @param workers how many threads serve requests; each client's requests run one at a time, in order,
 *     and different clients' run in parallel, so a slow env or request holds up at most one thread;
 *     option {@code --workers}, default twice the processors, at least 8
 */
public record ServerLimits(int maxEnvsPerHello, int maxEnvs, int maxClientsPerPeer, int maxSeedBytes, int maxIdLength,
                           int maxKwargsBytes, long maxTensorElements, Duration evictAfter, Duration heartbeat, int workers) {

    /** Default of {@link #maxEnvsPerHello()}. */
    public static final int DEFAULT_MAX_ENVS_PER_HELLO = 1024;
    /** Default of {@link #maxEnvs()}. */
    public static final int DEFAULT_MAX_ENVS = 65_536;
    /** Default of {@link #maxClientsPerPeer()}. */
    public static final int DEFAULT_MAX_CLIENTS_PER_PEER = 256;
    /** Default of {@link #maxSeedBytes()}. */
    public static final int DEFAULT_MAX_SEED_BYTES = 4096;
    /** Default of {@link #maxIdLength()}. */
    public static final int DEFAULT_MAX_ID_LENGTH = 256;
    /** Default of {@link #maxKwargsBytes()}: 1 MiB. */
    public static final int DEFAULT_MAX_KWARGS_BYTES = 1 << 20;
    /** Default of {@link #maxTensorElements()}: 2^26, a batch of 256 camera images of 256 x 256 x 4. */
    public static final long DEFAULT_MAX_TENSOR_ELEMENTS = 1L << 26;

    /** Validates every bound. */
    public ServerLimits {
        positive(maxEnvsPerHello, "maxEnvsPerHello");
        positive(maxEnvs, "maxEnvs");
        positive(maxClientsPerPeer, "maxClientsPerPeer");
        positive(maxSeedBytes, "maxSeedBytes");
        positive(maxIdLength, "maxIdLength");
        positive(maxKwargsBytes, "maxKwargsBytes");
        if (maxTensorElements < 1) {
            throw new IllegalArgumentException("maxTensorElements must be at least 1, got " + maxTensorElements);
        }
        Objects.requireNonNull(evictAfter, "evictAfter");
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (evictAfter.isNegative()) {
            throw new IllegalArgumentException("evictAfter must not be negative, got " + evictAfter);
        }
        if (heartbeat.isNegative() || heartbeat.toMillis() > Integer.MAX_VALUE / 6) {
            throw new IllegalArgumentException("heartbeat must be between 0 and " + Integer.MAX_VALUE / 6 / 1000 + " s, got " + heartbeat);
        }
        if (!heartbeat.isZero() && heartbeat.toMillis() < 10) {
            throw new IllegalArgumentException("heartbeat must be 0 (off) or at least 10 ms, got " + heartbeat);
        }
        positive(workers, "workers");
    }

    private static void positive(int v, String name) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + v);
        }
    }

    /** @return the documented defaults */
    public static ServerLimits defaults() {
        return new ServerLimits(DEFAULT_MAX_ENVS_PER_HELLO, DEFAULT_MAX_ENVS, DEFAULT_MAX_CLIENTS_PER_PEER, DEFAULT_MAX_SEED_BYTES,
                DEFAULT_MAX_ID_LENGTH, DEFAULT_MAX_KWARGS_BYTES, DEFAULT_MAX_TENSOR_ELEMENTS, Duration.ofSeconds(2),
                Duration.ofSeconds(5), defaultWorkers());
    }

    /** @return twice the available processors, at least 8 */
    public static int defaultWorkers() {
        return Math.max(8, 2 * Runtime.getRuntime().availableProcessors());
    }

    /** @param n the bound @return a copy with it */
    public ServerLimits withMaxEnvsPerHello(int n) {
        return new ServerLimits(n, maxEnvs, maxClientsPerPeer, maxSeedBytes, maxIdLength, maxKwargsBytes, maxTensorElements, evictAfter, heartbeat, workers);
    }

    /** @param n the bound @return a copy with it */
    public ServerLimits withMaxEnvs(int n) {
        return new ServerLimits(maxEnvsPerHello, n, maxClientsPerPeer, maxSeedBytes, maxIdLength, maxKwargsBytes, maxTensorElements, evictAfter, heartbeat, workers);
    }

    /** @param n the bound @return a copy with it */
    public ServerLimits withMaxClientsPerPeer(int n) {
        return new ServerLimits(maxEnvsPerHello, maxEnvs, n, maxSeedBytes, maxIdLength, maxKwargsBytes, maxTensorElements, evictAfter, heartbeat, workers);
    }

    /** @param n the bound @return a copy with it */
    public ServerLimits withMaxSeedBytes(int n) {
        return new ServerLimits(maxEnvsPerHello, maxEnvs, maxClientsPerPeer, n, maxIdLength, maxKwargsBytes, maxTensorElements, evictAfter, heartbeat, workers);
    }

    /** @param n the bound @return a copy with it */
    public ServerLimits withMaxIdLength(int n) {
        return new ServerLimits(maxEnvsPerHello, maxEnvs, maxClientsPerPeer, maxSeedBytes, n, maxKwargsBytes, maxTensorElements, evictAfter, heartbeat, workers);
    }

    /** @param n the bound @return a copy with it */
    public ServerLimits withMaxKwargsBytes(int n) {
        return new ServerLimits(maxEnvsPerHello, maxEnvs, maxClientsPerPeer, maxSeedBytes, maxIdLength, n, maxTensorElements, evictAfter, heartbeat, workers);
    }

    /** @param n the bound @return a copy with it */
    public ServerLimits withMaxTensorElements(long n) {
        return new ServerLimits(maxEnvsPerHello, maxEnvs, maxClientsPerPeer, maxSeedBytes, maxIdLength, maxKwargsBytes, n, evictAfter, heartbeat, workers);
    }

    /** @param d the silence after which a slot may be taken at the limit @return a copy with it */
    public ServerLimits withEvictAfter(Duration d) {
        return new ServerLimits(maxEnvsPerHello, maxEnvs, maxClientsPerPeer, maxSeedBytes, maxIdLength, maxKwargsBytes, maxTensorElements, d, heartbeat, workers);
    }

    /** @param d the heartbeat interval, zero for none @return a copy with it */
    public ServerLimits withHeartbeat(Duration d) {
        return new ServerLimits(maxEnvsPerHello, maxEnvs, maxClientsPerPeer, maxSeedBytes, maxIdLength, maxKwargsBytes, maxTensorElements, evictAfter, d, workers);
    }

    /** @param n the number of serving threads @return a copy with it */
    public ServerLimits withWorkers(int n) {
        return new ServerLimits(maxEnvsPerHello, maxEnvs, maxClientsPerPeer, maxSeedBytes, maxIdLength, maxKwargsBytes, maxTensorElements, evictAfter, heartbeat, n);
    }
}
