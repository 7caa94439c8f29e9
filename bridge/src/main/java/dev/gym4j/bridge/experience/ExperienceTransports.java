package dev.gym4j.bridge.experience;

import dev.gym4j.bridge.experience.internal.RedisStreamSink;
import dev.gym4j.bridge.experience.internal.RedisStreamSource;
import dev.gym4j.bridge.experience.internal.RedisTarget;
import dev.gym4j.bridge.experience.internal.ZmqExperienceSink;
import dev.gym4j.bridge.experience.internal.ZmqExperienceSource;

/**
 * Opens experience transports by address ({@code bridge/PROTOCOL.md}, "Experience"):
 * <ul>
 *   <li>{@code zmq://HOST:PORT}: ZeroMQ, nothing to install; the trainer's source binds (loopback by default:
 *       {@code zmq://127.0.0.1:5557}; {@code zmq://0.0.0.0:5557} to take workers from other machines), workers'
 *       sinks connect. Credit-based flow control; unacknowledged trajectories are sent again to a restarted trainer.
 *       Options: {@code ?window=N} (trainer: trajectories each worker may have outstanding, default 256),
 *       {@code ?send-buffer=N} (worker: trajectories held, default 256).</li>
 *   <li>{@code redis://[user:password@]HOST:PORT/EXPERIMENT} ({@code rediss://} for TLS): Redis Streams, for many
 *       machines; the password may instead be in {@code GYM4J_REDIS_PASSWORD}. Options: {@code group},
 *       {@code consumer}, {@code claim-idle-ms}, {@code max-backlog}, {@code send-buffer}, {@code batch},
 *       {@code reconnect-timeout-ms}.</li>
 * </ul>
 * Every transport delivers at least once and the source drops duplicates by (worker, sequence), so a consumer
 * sees every trajectory exactly once.
 *
 * <p>Thread-safe (stateless).
 */
public final class ExperienceTransports {

    private ExperienceTransports() {
    }

    /**
     * Opens a worker's sink.
     *
     * @param uri the address
     * @param experiment the experiment (may be null when a Redis address names it)
     * @param workerId this worker's id, unique within the experiment
     * @return the sink, connected
     * @throws ExperienceException if the address is malformed, or Redis is unreachable or refuses the credentials
     */
    public static ExperienceSink openSink(String uri, String experiment, String workerId) {
        if (uri.startsWith("zmq://") || uri.startsWith("tcp://")) {
            return new ZmqExperienceSink(uri, require(experiment, uri), workerId);
        }
        if (uri.startsWith("redis://") || uri.startsWith("rediss://")) {
            RedisTarget t = RedisTarget.parse(uri);
            return new RedisStreamSink(t, t.experiment(experiment), workerId);
        }
        throw unknown(uri);
    }

    /**
     * Opens a trainer's source.
     *
     * @param uri the address (for ZeroMQ, the one to bind)
     * @param experiment the experiment (may be null when a Redis address names it)
     * @return the source
     * @throws ExperienceException if the address is malformed or taken, or Redis is unreachable or refuses the
     *     credentials
     */
    public static ExperienceSource openSource(String uri, String experiment) {
        if (uri.startsWith("zmq://") || uri.startsWith("tcp://")) {
            return new ZmqExperienceSource(uri, require(experiment, uri));
        }
        if (uri.startsWith("redis://") || uri.startsWith("rediss://")) {
            RedisTarget t = RedisTarget.parse(uri);
            return new RedisStreamSource(t, t.experiment(experiment));
        }
        throw unknown(uri);
    }

    private static String require(String experiment, String uri) {
        if (experiment == null || experiment.isEmpty()) {
            throw new ExperienceException("no experiment given for " + uri);
        }
        return experiment;
    }

    private static ExperienceException unknown(String uri) {
        return new ExperienceException("unknown experience transport '" + uri
                + "': expected zmq://HOST:PORT or redis://[user:password@]HOST:PORT/EXPERIMENT");
    }
}
