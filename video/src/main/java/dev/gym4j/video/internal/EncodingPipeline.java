package dev.gym4j.video.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands frames from the producing thread to one encoding thread through a bounded queue.
 *
 * <p>The producer pays for copying a frame into a pooled buffer, and waits only while the queue is full. Buffers
 * go back to the pool once encoded, so a steady stream allocates nothing. The first error of the sink is kept: the
 * encoding thread then aborts the sink and discards frames until the end marker, and the producer sees the error
 * at its next {@link #submit} or at {@link #finish}.
 *
 * <p>Thread safety: {@link #submit} and {@link #finish} are for one producing thread; the encoding thread is
 * internal.
 */
public final class EncodingPipeline {

    private static final byte[] END = new byte[0];
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final FrameSink sink;
    private final BlockingQueue<byte[]> queue;
    private final ConcurrentLinkedQueue<byte[]> pool = new ConcurrentLinkedQueue<>();
    private final int frameBytes;
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean cancelled;
    private boolean finished;

    private EncodingPipeline(FrameSink sink, int frameBytes, int capacity) {
        this.sink = sink;
        this.frameBytes = frameBytes;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "gym4j-video-encoder-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
    }

    /**
     * Starts the encoding thread.
     *
     * @param sink the sink, built on the calling thread and from now on used by the encoding thread only
     * @param frameBytes the size of every frame
     * @param capacity how many frames may wait for the encoder
     * @return the running pipeline
     */
    static EncodingPipeline start(FrameSink sink, int frameBytes, int capacity) {
        EncodingPipeline pipeline = new EncodingPipeline(sink, frameBytes, capacity);
        pipeline.thread.start();
        return pipeline;
    }

    /**
     * Copies a frame and queues it, waiting while the queue is full.
     *
     * @param rgb the frame's bytes, {@code frameBytes} long; not kept
     * @throws EncodingFailedException if the encoder failed on an earlier frame
     * @throws InterruptedException if interrupted while waiting for room
     */
    public void submit(byte[] rgb) throws InterruptedException {
        throwIfFailed();
        byte[] copy = pool.poll();
        if (copy == null) {
            copy = new byte[frameBytes];
        }
        System.arraycopy(rgb, 0, copy, 0, frameBytes);
        queue.put(copy);
    }

    /**
     * Waits until every queued frame is encoded and the file is complete.
     *
     * @throws EncodingFailedException if encoding or completing the file failed
     */
    public void finish() {
        if (!finished) {
            finished = true;
            putUninterruptibly(END);
            joinUninterruptibly();
        }
        throwIfFailed();
    }

    /**
     * Drops the queued frames, stops the sink without completing its file and waits for the encoding thread.
     * Does nothing after {@link #finish}.
     */
    public void cancel() {
        if (!finished) {
            cancelled = true;
            finished = true;
            putUninterruptibly(END);
            joinUninterruptibly();
        }
    }

    private void throwIfFailed() {
        Throwable cause = failure;
        if (cause != null) {
            throw new EncodingFailedException(cause);
        }
    }

    private void run() {
        try {
            byte[] frame;
            while ((frame = queue.take()) != END) {
                if (failure == null && !cancelled) {
                    encode(frame);
                }
                pool.offer(frame);
            }
            if (failure == null) {
                if (cancelled) {
                    sink.abort();
                } else {
                    sink.finish();
                }
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    private void encode(byte[] frame) {
        try {
            sink.encode(frame);
        } catch (Throwable t) {
            // Keep draining so a producer blocked on a full queue wakes up and sees the failure.
            fail(t);
        }
    }

    private void fail(Throwable t) {
        if (failure == null) {
            failure = t;
            sink.abort();
        }
    }

    private void putUninterruptibly(byte[] item) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(item);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void joinUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The encoder's error, carried to the producing thread. */
    public static final class EncodingFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EncodingFailedException(Throwable cause) {
            super(cause);
        }
    }
}
