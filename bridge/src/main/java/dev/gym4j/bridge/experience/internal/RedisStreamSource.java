package dev.gym4j.bridge.experience.internal;

import dev.gym4j.bridge.ExperienceCodec;
import dev.gym4j.bridge.experience.ExperienceException;
import dev.gym4j.bridge.experience.ExperienceSource;
import dev.gym4j.bridge.experience.Trajectory;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A trainer's end of the Redis Streams transport: one consumer of the experiment's consumer group. It reads its
 * own pending entries first (a consumer that restarts under the same name), claims entries another consumer has
 * left pending for {@code claim-idle-ms} ({@code XAUTOCLAIM}: that consumer died), then reads new entries
 * ({@code XREADGROUP ... >}). Each trajectory is returned once, de-duplicated by (worker, sequence);
 * {@link #acknowledge} sends the {@code XACK}. About once a second it trims the stream below the oldest entry that
 * some group has not yet read or acknowledged, so an unread entry is never removed. An entry that does not decode
 * (corrupt, another protocol version, another experiment) is moved to the {@code rejected} stream with the reason,
 * acknowledged and reported on standard error: it never stops the consumer.
 *
 * <p>Thread safety: as {@link ExperienceSource}.
 */
public final class RedisStreamSource implements ExperienceSource {

    private record Entry(String id, Trajectory trajectory) {
    }

    private final RedisLink link;
    private final String experiment;
    private final RedisKeys keys;
    private final byte[] stream;
    private final byte[] group;
    private final byte[] consumer;
    private final String consumerName;
    private final long claimIdleMillis;
    private final ArrayDeque<Entry> buffer = new ArrayDeque<>();
    private final Dedup dedup = new Dedup();
    private final Map<Trajectory.Key, String> unacked = new HashMap<>();
    private String ownPendingCursor = "0";
    private String claimCursor = "0-0";
    private long nextClaim;
    private long nextTrim;
    private long rejected;
    private long duplicates;
    private volatile boolean closed;

    /**
     * Connects (failing fast if Redis is unreachable or refuses the credentials) and creates the consumer group if
     * it does not exist yet (reading from the stream's start, so nothing written before the first trainer is lost).
     *
     * @param target the address; options {@code group} (default {@code gym4j-trainers}), {@code consumer} (default
     *     HOST-PID-N, N counting the sources of this process), {@code claim-idle-ms} (default 30000)
     * @param experiment the experiment
     */
    public RedisStreamSource(RedisTarget target, String experiment) {
        this.link = new RedisLink(target, 15_000);
        this.experiment = experiment;
        this.keys = new RedisKeys(experiment);
        this.stream = Raw.b(keys.stream());
        this.group = Raw.b(target.option("group", RedisKeys.DEFAULT_GROUP));
        this.consumerName = target.option("consumer", defaultConsumerName());
        this.consumer = Raw.b(consumerName);
        this.claimIdleMillis = target.option("claim-idle-ms", 30_000);
        createGroup();
    }

    private static String defaultConsumerName() {
        return UniqueNames.next();
    }

    /** @return this consumer's name in the group */
    public String consumerName() {
        return consumerName;
    }

    /** @return how many entries were rejected (undecodable) so far */
    public long rejected() {
        return rejected;
    }

    /** @return how many duplicate deliveries were dropped so far */
    public long duplicates() {
        return duplicates;
    }

    private void createGroup() {
        link.call(j -> {
            try {
                j.sendCommand(Protocol.Command.XGROUP, Raw.b("CREATE"), stream, group, Raw.b("0"), Raw.b("MKSTREAM"));
            } catch (JedisDataException e) {
                if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
                    throw e;
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Trajectory> poll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (closed) {
                throw new ExperienceException("the Redis experience source of experiment '" + experiment
                        + "' is closed");
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            long now = System.nanoTime();
            if (now >= nextTrim) {
                trim();
                nextTrim = now + 1_000_000_000L;
            }
            Entry e = buffer.poll();
            if (e != null) {
                return Optional.of(e.trajectory());
            }
            if (ownPendingCursor != null) {
                readOwnPending();
                continue;
            }
            if (now >= nextClaim) {
                nextClaim = now + Math.max(100, claimIdleMillis / 4) * 1_000_000L;
                if (claim() > 0) {
                    continue;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            readNew((int) Math.max(1, Math.min(500, left / 1_000_000)));
        }
    }

    private List<Object> withGroup(java.util.function.Function<redis.clients.jedis.Jedis, Object> call) {
        return Raw.list(link.call(j -> {
            try {
                return call.apply(j);
            } catch (JedisDataException ex) {
                if (String.valueOf(ex.getMessage()).startsWith("NOGROUP")) {
                    // Redis lost the group (restarted without persistence): make it again and retry.
                    j.sendCommand(Protocol.Command.XGROUP, Raw.b("CREATE"), stream, group, Raw.b("0"),
                            Raw.b("MKSTREAM"));
                    return call.apply(j);
                }
                throw ex;
            }
        }));
    }

    private void readOwnPending() {
        List<Object> reply = withGroup(j -> j.sendCommand(Protocol.Command.XREADGROUP, Raw.b("GROUP"), group, consumer,
                Raw.b("COUNT"), Raw.b("256"), Raw.b("STREAMS"), stream, Raw.b(ownPendingCursor)));
        List<Object> entries = streamEntries(reply);
        if (entries.isEmpty()) {
            ownPendingCursor = null;
            return;
        }
        for (Object o : entries) {
            ownPendingCursor = Raw.s(Raw.list(o).get(0));
            accept(Raw.list(o));
        }
    }

    private int claim() {
        List<Object> reply = withGroup(j -> j.sendCommand(Protocol.Command.XAUTOCLAIM, stream, group, consumer,
                Raw.b(Long.toString(claimIdleMillis)), Raw.b(claimCursor), Raw.b("COUNT"), Raw.b("256")));
        claimCursor = Raw.s(reply.get(0));
        List<Object> entries = Raw.list(reply.get(1));
        if (reply.size() > 2) {
            // Entries that were pending but are gone from the stream: nothing to deliver, release them.
            for (Object id : Raw.list(reply.get(2))) {
                ack(Raw.s(id));
            }
        }
        int n = 0;
        for (Object o : entries) {
            if (o != null) {
                accept(Raw.list(o));
                n++;
            }
        }
        return n;
    }

    private void readNew(int blockMillis) {
        List<Object> reply = withGroup(j -> j.sendCommand(Protocol.Command.XREADGROUP, Raw.b("GROUP"), group, consumer,
                Raw.b("COUNT"), Raw.b("256"), Raw.b("BLOCK"), Raw.b(Integer.toString(blockMillis)),
                Raw.b("STREAMS"), stream, Raw.b(">")));
        for (Object o : streamEntries(reply)) {
            accept(Raw.list(o));
        }
    }

    private static List<Object> streamEntries(List<Object> reply) {
        if (reply.isEmpty()) {
            return List.of();
        }
        // [[stream, [[id, [k, v, ...]], ...]]]
        return Raw.list(Raw.list(reply.get(0)).get(1));
    }

    private void accept(List<Object> entry) {
        String id = Raw.s(entry.get(0));
        List<Object> fields = entry.size() > 1 ? Raw.list(entry.get(1)) : List.of();
        byte[] data = null;
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if ("t".equals(Raw.s(fields.get(i)))) {
                data = (byte[]) fields.get(i + 1);
            }
        }
        if (data == null) {
            if (fields.isEmpty()) {
                ack(id); // deleted from the stream while pending
            } else {
                reject(id, new byte[0], "the entry has no 't' field holding a Trajectory message");
            }
            return;
        }
        Trajectory t;
        try {
            t = ExperienceCodec.decodeTrajectory(data);
        } catch (ExperienceException ex) {
            reject(id, data, ex.getMessage());
            return;
        }
        if (!t.experiment().equals(experiment)) {
            reject(id, data, "trajectory of experiment '" + t.experiment() + "' in the stream of experiment '"
                    + experiment + "'");
            return;
        }
        if (!dedup.add(t.key())) {
            duplicates++;
            ack(id);
            return;
        }
        unacked.put(t.key(), id);
        buffer.add(new Entry(id, t));
    }

    private void reject(String id, byte[] data, String reason) {
        rejected++;
        System.err.println("gym4j: rejected entry " + id + " of stream " + keys.stream() + ": " + reason
                + " (kept in " + keys.rejected() + ")");
        link.call(j -> j.sendCommand(Protocol.Command.XADD, Raw.b(keys.rejected()), Raw.b("MAXLEN"), Raw.b("~"),
                Raw.b("10000"), Raw.b("*"), Raw.b("id"), Raw.b(id), Raw.b("reason"), Raw.b(reason), Raw.b("t"), data));
        ack(id);
    }

    private void ack(String id) {
        link.call(j -> j.sendCommand(Protocol.Command.XACK, stream, group, Raw.b(id)));
    }

    @Override
    public void acknowledge(Trajectory trajectory) {
        String id = unacked.remove(trajectory.key());
        if (id == null) {
            if (dedup.contains(trajectory.key())) {
                return; // acknowledged already
            }
            throw new IllegalArgumentException("trajectory " + trajectory.key() + " was not delivered by this source");
        }
        ack(id);
    }

    /**
     * Trims the stream below the oldest entry some group still needs: for each group, its oldest pending entry,
     * or the entry after the last one it read. Without any group nothing is trimmed.
     */
    private void trim() {
        link.call(j -> {
            List<Object> groups = Raw.list(j.sendCommand(Protocol.Command.XINFO, Raw.b("GROUPS"), stream));
            Raw.Id safe = null;
            for (Object g : groups) {
                List<Object> kv = Raw.list(g);
                String name = null;
                String last = null;
                long pending = 0;
                for (int i = 0; i + 1 < kv.size(); i += 2) {
                    switch (Raw.s(kv.get(i))) {
                        case "name" -> name = Raw.s(kv.get(i + 1));
                        case "last-delivered-id" -> last = Raw.s(kv.get(i + 1));
                        case "pending" -> pending = Raw.l(kv.get(i + 1));
                        default -> { }
                    }
                }
                Raw.Id needed = Raw.Id.parse(last).next();
                if (pending > 0) {
                    List<Object> summary = Raw.list(j.sendCommand(Protocol.Command.XPENDING, stream, Raw.b(name)));
                    Raw.Id oldest = Raw.Id.parse(Raw.s(summary.get(1)));
                    if (oldest.compareTo(needed) < 0) {
                        needed = oldest;
                    }
                }
                if (safe == null || needed.compareTo(safe) < 0) {
                    safe = needed;
                }
            }
            if (safe != null && safe.compareTo(Raw.Id.ZERO) > 0) {
                j.sendCommand(Protocol.Command.XTRIM, stream, Raw.b("MINID"), Raw.b(safe.toString()));
            }
            return null;
        });
    }

    @Override
    public void close() {
        closed = true;
        link.close();
    }
}
