package dev.gym4j.bridge.experience.internal;

import dev.gym4j.bridge.ExperienceCodec;
import dev.gym4j.bridge.experience.ExperienceException;
import dev.gym4j.bridge.experience.PolicyStore;
import dev.gym4j.bridge.experience.PolicyVersion;
import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.Protocol;

/**
 * Policies in Redis: each version under its own key {@code gym4j:EXP:policy:vN} (the {@code PolicyVersion}
 * message), the latest number under {@code gym4j:EXP:policy:latest}, both set by one script that refuses a version
 * that is not newer and then {@code PUBLISH}es the number on {@code gym4j:EXP:policy}. A worker that starts late
 * reads the latest key; a waiting one is woken by the notification (and polls once a second in case it missed one).
 * The last {@code keep-versions} (default 5) versions are kept.
 *
 * <p>Thread-safe: calls are serialized on one connection.
 */
public final class RedisPolicyStore implements PolicyStore {

    private static final String PUBLISH = ""
            + "local cur = tonumber(redis.call('GET', KEYS[1]) or '0')\n"
            + "local v = tonumber(ARGV[1])\n"
            + "if v <= cur then return cur end\n"
            + "redis.call('SET', KEYS[2], ARGV[2])\n"
            + "redis.call('SET', KEYS[1], ARGV[1])\n"
            + "local keep = tonumber(ARGV[4])\n"
            + "if cur > 0 and keep > 0 and v - keep >= 1 then\n"
            + "  for old = math.max(1, cur - keep), v - keep do redis.call('DEL', ARGV[3] .. old) end\n"
            + "end\n"
            + "redis.call('PUBLISH', KEYS[3], ARGV[1])\n"
            + "return -1\n";
    private static final String LATEST = ""
            + "local n = redis.call('GET', KEYS[1])\n"
            + "if not n then return false end\n"
            + "return redis.call('GET', ARGV[1] .. n)\n";
    private static final String RAISE_MINIMUM = ""
            + "local cur = tonumber(redis.call('GET', KEYS[1]) or '0')\n"
            + "if tonumber(ARGV[1]) > cur then redis.call('SET', KEYS[1], ARGV[1]) end\n"
            + "return 0\n";

    private final RedisTarget target;
    private final RedisLink link;
    private final long keepVersions;
    private final Object notified = new Object();
    private Thread subscriber;
    private JedisPubSub pubSub;
    private volatile boolean closed;

    /**
     * Connects, failing fast if Redis is unreachable or refuses the credentials.
     *
     * @param target the address (its experiment, if any, is ignored: calls name theirs)
     */
    public RedisPolicyStore(RedisTarget target) {
        this.target = target;
        this.link = new RedisLink(target, 10_000);
        this.keepVersions = target.option("keep-versions", 5);
    }

    @Override
    public synchronized void publish(PolicyVersion policy) {
        RedisKeys k = new RedisKeys(policy.experiment());
        byte[] bytes = ExperienceCodec.encode(policy);
        long result = Raw.l(link.call(j -> j.sendCommand(Protocol.Command.EVAL, Raw.b(PUBLISH), Raw.b("3"),
                Raw.b(k.policyLatest()), Raw.b(k.policyVersion(policy.version())), Raw.b(k.policyChannel()),
                Raw.b(Long.toString(policy.version())), bytes, Raw.b(k.policyVersionPrefix()),
                Raw.b(Long.toString(keepVersions)))));
        if (result >= 0) {
            throw new ExperienceException("policy version " + policy.version() + " of experiment '"
                    + policy.experiment() + "' is not newer than the latest, " + result);
        }
    }

    @Override
    public synchronized Optional<PolicyVersion> latest(String experiment) {
        RedisKeys k = new RedisKeys(experiment);
        Object reply = link.call(j -> j.sendCommand(Protocol.Command.EVAL, Raw.b(LATEST), Raw.b("1"),
                Raw.b(k.policyLatest()), Raw.b(k.policyVersionPrefix())));
        if (!(reply instanceof byte[] bytes)) {
            return Optional.empty();
        }
        return Optional.of(ExperienceCodec.decodePolicyVersion(bytes));
    }

    private synchronized long latestNumber(String experiment) {
        Object n = link.call(j -> j.sendCommand(Protocol.Command.GET, Raw.b(new RedisKeys(experiment).policyLatest())));
        return n == null ? 0 : Long.parseLong(Raw.s(n));
    }

    @Override
    public Optional<PolicyVersion> awaitNewer(String experiment, long afterVersion, Duration timeout)
            throws InterruptedException {
        startSubscriber();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (latestNumber(experiment) > afterVersion) {
                Optional<PolicyVersion> p = latest(experiment);
                if (p.isPresent() && p.get().version() > afterVersion) {
                    return p;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            synchronized (notified) {
                notified.wait(Math.max(1, Math.min(1_000, left / 1_000_000)));
            }
        }
    }

    private synchronized void startSubscriber() {
        if (subscriber != null || closed) {
            return;
        }
        pubSub = new JedisPubSub() {
            @Override
            public void onPMessage(String pattern, String channel, String message) {
                synchronized (notified) {
                    notified.notifyAll();
                }
            }
        };
        subscriber = new Thread(() -> {
            while (!closed) {
                var config = DefaultJedisClientConfig.builder().connectionTimeoutMillis(5_000).socketTimeoutMillis(0)
                        .ssl(target.tls());
                if (target.user() != null) {
                    config.user(target.user());
                }
                if (target.password() != null) {
                    config.password(target.password());
                }
                try (Jedis j = new Jedis(new HostAndPort(target.host(), target.port()), config.build())) {
                    j.psubscribe(pubSub, "gym4j:*:policy");
                } catch (RuntimeException e) {
                    // Redis went away: the waiters poll meanwhile; subscribe again shortly.
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gym4j-policy-notifications");
        subscriber.setDaemon(true);
        subscriber.start();
    }

    @Override
    public synchronized void setMinimumVersion(String experiment, long version) {
        link.call(j -> j.sendCommand(Protocol.Command.EVAL, Raw.b(RAISE_MINIMUM), Raw.b("1"),
                Raw.b(new RedisKeys(experiment).policyMinimum()), Raw.b(Long.toString(version))));
    }

    @Override
    public synchronized long minimumVersion(String experiment) {
        Object n = link.call(j -> j.sendCommand(Protocol.Command.GET, Raw.b(new RedisKeys(experiment).policyMinimum())));
        return n == null ? 0 : Long.parseLong(Raw.s(n));
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            if (pubSub != null) {
                try {
                    if (pubSub.isSubscribed()) {
                        pubSub.punsubscribe();
                    }
                } catch (RuntimeException ignored) {
                    // the connection is gone already
                }
            }
            if (subscriber != null) {
                subscriber.interrupt();
            }
            link.close();
        }
    }
}
