package dev.gym4j.bridge.experience.internal;

import dev.gym4j.bridge.experience.ExperienceException;
import java.util.function.Function;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * One Redis connection that reconnects: a call that fails because the connection broke (Redis restarted, the
 * network dropped) is retried on a new connection, with back-off, until the reconnect time-out; a refused password
 * fails at once with a message naming the cause.
 *
 * <p>Not thread-safe: one user thread.
 */
public final class RedisLink implements AutoCloseable {

    private final RedisTarget target;
    private final int socketTimeoutMillis;
    private final long reconnectTimeoutNanos;
    private Jedis jedis;
    private volatile boolean closed;
    private long reconnects;

    /**
     * Connects at once, failing fast when Redis cannot be reached or refuses the credentials.
     *
     * @param target the address
     * @param socketTimeoutMillis read time-out of one call (longer than any BLOCK)
     */
    public RedisLink(RedisTarget target, int socketTimeoutMillis) {
        this.target = target;
        this.socketTimeoutMillis = socketTimeoutMillis;
        this.reconnectTimeoutNanos = target.option("reconnect-timeout-ms", 60_000) * 1_000_000L;
        this.jedis = connect();
    }

    /** @return the address */
    public RedisTarget target() {
        return target;
    }

    /** @return how many times the connection was re-opened */
    public long reconnects() {
        return reconnects;
    }

    private Jedis connect() {
        var config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(5_000)
                .socketTimeoutMillis(socketTimeoutMillis)
                .ssl(target.tls())
                .clientName("gym4j");
        if (target.user() != null) {
            config.user(target.user());
        }
        if (target.password() != null) {
            config.password(target.password());
        }
        Jedis j = null;
        try {
            j = new Jedis(new HostAndPort(target.host(), target.port()), config.build());
            j.ping();
            return j;
        } catch (JedisAccessControlException e) {
            close(j);
            if (String.valueOf(e.getMessage()).startsWith("NOAUTH")) {
                throw new ExperienceException("Redis at " + target.where() + " needs a password: give it as "
                        + "redis://[user:]password@" + target.where() + "/... or in GYM4J_REDIS_PASSWORD");
            }
            throw new ExperienceException("Redis at " + target.where() + " refused the credentials"
                    + (target.user() != null ? " of user '" + target.user() + "'" : "") + ": " + e.getMessage());
        } catch (JedisDataException e) {
            close(j);
            if (String.valueOf(e.getMessage()).startsWith("NOAUTH")) {
                throw new ExperienceException("Redis at " + target.where() + " needs a password: give it as "
                        + "redis://[user:]password@" + target.where() + "/... or in GYM4J_REDIS_PASSWORD");
            }
            throw new ExperienceException("Redis at " + target.where() + " answered an error: " + e.getMessage());
        } catch (JedisConnectionException e) {
            close(j);
            throw new ExperienceException("cannot reach Redis at " + target.where() + ": " + rootMessage(e), e);
        }
    }

    private static void close(Jedis j) {
        if (j != null) {
            try {
                j.close();
            } catch (RuntimeException ignored) {
                // already broken
            }
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /**
     * Runs a call, reconnecting and retrying it while the connection is broken.
     *
     * @param <T> result type
     * @param call the call (may run more than once: make it safe to repeat)
     * @return its result
     * @throws ExperienceException if Redis stays unreachable past the reconnect time-out, or refuses credentials
     */
    public <T> T call(Function<Jedis, T> call) {
        long deadline = System.nanoTime() + reconnectTimeoutNanos;
        long backoff = 20;
        while (true) {
            if (closed) {
                throw new ExperienceException("the Redis connection to " + target.where() + " is closed");
            }
            try {
                if (jedis == null) {
                    jedis = connect();
                    reconnects++;
                }
                return call.apply(jedis);
            } catch (JedisConnectionException | ExperienceException e) {
                if (e instanceof ExperienceException && !(e.getCause() instanceof JedisConnectionException)) {
                    throw e;
                }
                close(jedis);
                jedis = null;
                if (System.nanoTime() > deadline) {
                    throw new ExperienceException("lost Redis at " + target.where() + " and could not reconnect within "
                            + reconnectTimeoutNanos / 1_000_000_000L + " s: " + rootMessage(e), e);
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new ExperienceException("interrupted while reconnecting to Redis at " + target.where());
                }
                backoff = Math.min(1_000, backoff * 2);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        close(jedis);
        jedis = null;
    }
}
