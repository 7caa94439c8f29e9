package dev.gym4j.video.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The hand-off between the env thread and the encoding thread. */
class EncodingPipelineTest {

    /** A sink that blocks every encode until released, and records what it saw. */
    private static final class GatedSink implements FrameSink {
        final CountDownLatch gate = new CountDownLatch(1);
        final List<byte[]> encoded = new CopyOnWriteArrayList<>();
        volatile boolean finished;
        volatile boolean aborted;
        IOException failOnEncode;

        @Override
        public void encode(byte[] rgb) throws IOException {
            try {
                gate.await();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            if (failOnEncode != null) {
                throw failOnEncode;
            }
            encoded.add(rgb.clone());
        }

        @Override
        public void finish() {
            finished = true;
        }

        @Override
        public void abort() {
            aborted = true;
        }
    }

    @Test
    void theProducerDoesNotWaitForTheEncoderUntilTheQueueIsFull() throws Exception {
        GatedSink sink = new GatedSink();
        EncodingPipeline pipeline = EncodingPipeline.start(sink, 3, 4);
        // The encoder is stuck on the first frame; four more fit in the queue, and none of these calls blocks.
        for (int i = 0; i < 5; i++) {
            pipeline.submit(new byte[] {(byte) i, 0, 0});
        }
        Thread producer = new Thread(() -> {
            try {
                pipeline.submit(new byte[] {5, 0, 0});
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        producer.join(300);
        assertTrue(producer.isAlive(), "the sixth frame waits: the queue is full");
        sink.gate.countDown();
        producer.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(producer.isAlive());
        pipeline.finish();
        assertTrue(sink.finished);
        assertEquals(6, sink.encoded.size());
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(new byte[] {(byte) i, 0, 0}, sink.encoded.get(i), "frame " + i + " in order");
        }
    }

    @Test
    void copiesFramesSoTheCallerMayReuseItsArray() throws Exception {
        GatedSink sink = new GatedSink();
        EncodingPipeline pipeline = EncodingPipeline.start(sink, 3, 4);
        byte[] frame = {1, 2, 3};
        pipeline.submit(frame);
        frame[0] = 9;
        sink.gate.countDown();
        pipeline.finish();
        assertArrayEquals(new byte[] {1, 2, 3}, sink.encoded.get(0));
    }

    @Test
    void anEncoderErrorReachesTheProducerAndAbortsTheSink() throws Exception {
        GatedSink sink = new GatedSink();
        sink.failOnEncode = new IOException("disk full");
        EncodingPipeline pipeline = EncodingPipeline.start(sink, 3, 2);
        sink.gate.countDown();
        EncodingPipeline.EncodingFailedException e = assertThrows(EncodingPipeline.EncodingFailedException.class, () -> {
            for (int i = 0; i < 1000; i++) {
                pipeline.submit(new byte[3]);
                Thread.sleep(1);
            }
        });
        assertEquals("disk full", e.getCause().getMessage());
        assertThrows(EncodingPipeline.EncodingFailedException.class, pipeline::finish);
        assertTrue(sink.aborted);
        assertFalse(sink.finished);
    }

    @Test
    void cancelDropsQueuedFramesAndAbortsTheSink() throws Exception {
        GatedSink sink = new GatedSink();
        EncodingPipeline pipeline = EncodingPipeline.start(sink, 3, 4);
        pipeline.submit(new byte[3]);
        pipeline.submit(new byte[3]);
        // cancel() marks the pipeline cancelled, then waits for the encoder, which is held in the first
        // frame by the gate: open the gate only once cancel() is waiting, so the second frame is dropped
        Thread canceller = new Thread(pipeline::cancel, "canceller");
        canceller.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (canceller.getState() != Thread.State.WAITING && canceller.getState() != Thread.State.TERMINATED) {
            assertTrue(System.nanoTime() < deadline, "cancel() never started waiting for the encoder");
            Thread.onSpinWait();
        }
        sink.gate.countDown();
        canceller.join(10_000);
        assertFalse(canceller.isAlive(), "cancel() returned");
        assertTrue(sink.aborted);
        assertFalse(sink.finished);
        assertTrue(sink.encoded.size() <= 1, "at most the frame in progress was encoded");
    }
}
