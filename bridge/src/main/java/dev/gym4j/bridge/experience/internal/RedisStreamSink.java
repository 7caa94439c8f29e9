package dev.gym4j.bridge.experience.internal;

import dev.gym4j.bridge.ExperienceCodec;
import dev.gym4j.bridge.experience.ExperienceException;
import dev.gym4j.bridge.experience.ExperienceSink;
import dev.gym4j.bridge.experience.Trajectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;

/**
 * A worker's end of the Redis Streams transport: trajectories go into a bounded queue, and one sender thread
 * appends them to the experiment's stream with pipelined {@code XADD}s, each pipeline ending with an {@code XLEN}.
 * A trajectory counts as acknowledged once Redis has answered its {@code XADD}. When the stream holds
 * {@code max-backlog} entries or more (a slow trainer), the sender waits, the queue fills, and {@link #send} blocks:
 * the worker's memory and Redis' stay bounded. A broken connection is re-opened and the unanswered pipeline sent
 * again (the trainer drops the duplicates by (worker, sequence)).
 *
 * <p>Thread safety: as {@link ExperienceSink}.
 */
public final class RedisStreamSink implements ExperienceSink {

    private static final byte[] F_WORKER = Raw.b("w");
    private static final byte[] F_SEQUENCE = Raw.b("s");
    private static final byte[] F_TRAJECTORY = Raw.b("t");

    private record Item(long sequence, byte[] bytes) {
    }

    private final RedisLink link;
    private final String experiment;
    private final String workerId;
    private final byte[] stream;
    private final byte[] workerBytes;
    private final long maxBacklog;
    private final int maxBatch;
    private final ArrayBlockingQueue<Item> queue;
    private final Thread sender;
    private final Object lock = new Object();
    private int inFlight;
    private volatile boolean closing;
    private volatile RuntimeException failure;
    private long nextSequence = -1;
    private volatile long lastLength;
    private long sent;

    /**
     * Connects (failing fast if Redis is unreachable or refuses the credentials) and starts the sender.
     *
     * @param target the address; options {@code send-buffer} (trajectories held, default 256),
     *     {@code max-backlog} (stream length at which workers wait, default 10000), {@code batch} (XADDs per pipeline,
     *     default 128)
     * @param experiment the experiment
     * @param workerId this worker's id
     */
    public RedisStreamSink(RedisTarget target, String experiment, String workerId) {
        if (workerId == null || workerId.isEmpty()) {
            throw new IllegalArgumentException("workerId must be non-empty");
        }
        this.link = new RedisLink(target, 10_000);
        this.experiment = experiment;
        this.workerId = workerId;
        this.stream = Raw.b(new RedisKeys(experiment).stream());
        this.workerBytes = Raw.b(workerId);
        this.maxBacklog = target.option("max-backlog", 10_000);
        this.maxBatch = (int) Math.max(1, target.option("batch", 128));
        this.queue = new ArrayBlockingQueue<>((int) Math.max(1, target.option("send-buffer", 256)));
        this.sender = new Thread(this::run, "gym4j-redis-sink-" + workerId);
        this.sender.setDaemon(true);
        this.sender.start();
    }

    @Override
    public void send(Trajectory t) throws InterruptedException {
        checkUsable();
        if (!t.experiment().equals(experiment) || !t.workerId().equals(workerId)) {
            throw new IllegalArgumentException("this sink sends experiment '" + experiment + "' worker '" + workerId
                    + "', got a trajectory of experiment '" + t.experiment() + "' worker '" + t.workerId() + "'");
        }
        if (nextSequence >= 0 && t.sequence() != nextSequence) {
            throw new IllegalArgumentException("worker '" + workerId + "' sent sequence " + t.sequence()
                    + ", expected " + nextSequence);
        }
        Item item = new Item(t.sequence(), ExperienceCodec.encode(t));
        while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
            checkUsable();
        }
        nextSequence = t.sequence() + 1;
    }

    private void checkUsable() {
        RuntimeException f = failure;
        if (f != null) {
            throw new ExperienceException("the Redis experience sink of worker '" + workerId + "' has failed: "
                    + f.getMessage(), f);
        }
        if (closing) {
            throw new ExperienceException("the Redis experience sink of worker '" + workerId + "' is closed");
        }
    }

    private void run() {
        List<Item> batch = new ArrayList<>(maxBatch);
        try {
            while (true) {
                Item first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing) {
                        return;
                    }
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                synchronized (lock) {
                    inFlight = batch.size();
                }
                waitForRoom();
                long length = link.call(j -> {
                    Pipeline p = j.pipelined();
                    List<Response<Object>> replies = new ArrayList<>(batch.size());
                    for (Item it : batch) {
                        replies.add(p.sendCommand(Protocol.Command.XADD, stream, Raw.b("*"), F_WORKER, workerBytes,
                                F_SEQUENCE, Raw.b(Long.toString(it.sequence())), F_TRAJECTORY, it.bytes()));
                    }
                    Response<Object> len = p.sendCommand(Protocol.Command.XLEN, stream);
                    p.sync();
                    for (Response<Object> r : replies) {
                        r.get(); // throws if Redis refused the entry
                    }
                    return Raw.l(len.get());
                });
                lastLength = length;
                synchronized (lock) {
                    sent += batch.size();
                    inFlight = 0;
                    lock.notifyAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            link.close();
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /** Waits while the stream holds max-backlog entries or more (the trainers are behind). */
    private void waitForRoom() throws InterruptedException {
        while (lastLength >= maxBacklog) {
            Thread.sleep(10);
            lastLength = link.call(j -> Raw.l(j.sendCommand(Protocol.Command.XLEN, stream)));
        }
    }

    @Override
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!queue.isEmpty() || inFlight > 0) {
                if (failure != null) {
                    checkUsable();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !sender.isAlive()) {
                    return false;
                }
                lock.wait(Math.max(1, Math.min(50, left / 1_000_000)));
            }
            return true;
        }
    }

    @Override
    public int unacknowledged() {
        synchronized (lock) {
            return queue.size() + inFlight;
        }
    }

    /** @return the trajectories Redis has taken so far */
    public long sent() {
        synchronized (lock) {
            return sent;
        }
    }

    /** Sends what is queued (waiting at most 10 s for it), then disconnects. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        try {
            flush(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExperienceException ignored) {
            // already failed: nothing more to send
        }
        closing = true;
        try {
            sender.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sender.isAlive()) {
            sender.interrupt();
        }
    }
}
