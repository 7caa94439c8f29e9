package dev.gym4j.video.internal;

import java.io.IOException;

/**
 * One backend's encoder and muxer for one file: takes RGB frames of one size and writes them to a file.
 *
 * <p>Not thread-safe: the encoding thread alone calls it after construction.
 */
interface FrameSink {

    /**
     * Encodes one frame.
     *
     * @param rgb {@code width * height * 3} bytes, rows top-down; the sink may not keep the array
     * @throws IOException if writing failed
     */
    void encode(byte[] rgb) throws IOException;

    /**
     * Writes what is pending and the container's index, then makes the file durable and closes it.
     *
     * @throws IOException if the file could not be completed
     */
    void finish() throws IOException;

    /** Stops at once, releasing resources, leaving the output file in any state; never throws. */
    void abort();
}
