package dev.gym4j.video.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Rewrites the picture size that an MP4 file's video track declares (track header and AVC sample entry) in place.
 *
 * <p>Used on ffmpeg's output for odd frame sizes: the stream is coded at the even size, and the container then
 * states the real size, which decoders such as FFmpeg's apply as container cropping (they take a container size
 * within the stream's macroblocks as the picture size). Only the fixed-size fields are changed: no box moves.
 *
 * <p>Stateless and thread-safe; the file must not be written concurrently.
 */
final class Mp4DisplaySize {

    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl");
    private static final int HEADER = 8;
    private static final int TKHD_WIDTH_V0 = HEADER + 4 + 20 + 8 + 8 + 36;
    private static final int TKHD_WIDTH_V1 = HEADER + 4 + 32 + 8 + 8 + 36;
    private static final int VISUAL_ENTRY_WIDTH = HEADER + 6 + 2 + 16;
    private static final int STSD_ENTRIES = HEADER + 8;

    private Mp4DisplaySize() {
    }

    /**
     * @param file a complete MP4 file with one video track
     * @param width the width to declare
     * @param height the height to declare
     * @throws IOException if the file cannot be read or written, or has no {@code moov} box with a track header
     *     and a visual sample entry
     */
    static void rewrite(Path file, int width, int height) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long position = 0;
            long size = channel.size();
            while (position + HEADER <= size) {
                ByteBuffer header = read(channel, position, 16);
                long boxSize = Integer.toUnsignedLong(header.getInt(0));
                String type = fourcc(header, 4);
                if (boxSize == 1) {
                    boxSize = header.getLong(8);
                } else if (boxSize == 0) {
                    boxSize = size - position;
                }
                if (boxSize < HEADER) {
                    throw new IOException("Malformed MP4 box '" + type + "' at " + position + " in " + file);
                }
                if (type.equals("moov")) {
                    ByteBuffer moov = read(channel, position, Math.toIntExact(boxSize));
                    int patched = patch(moov, 0, moov.limit(), width, height);
                    if (patched < 2) {
                        throw new IOException("No track header and visual sample entry in the moov box of " + file);
                    }
                    moov.rewind();
                    while (moov.hasRemaining()) {
                        channel.write(moov, position + moov.position());
                    }
                    return;
                }
                position += boxSize;
            }
            throw new IOException("No moov box in " + file);
        }
    }

    /** Patches the boxes within {@code [start, end)} of {@code buf}; returns how many fields were rewritten. */
    private static int patch(ByteBuffer buf, int start, int end, int width, int height) {
        int patched = 0;
        int position = start;
        while (position + HEADER <= end) {
            int size = buf.getInt(position);
            String type = fourcc(buf, position + 4);
            if (size < HEADER || position + size > end) {
                return patched;
            }
            if (CONTAINERS.contains(type)) {
                patched += patch(buf, position + HEADER, position + size, width, height);
            } else if (type.equals("tkhd")) {
                int at = position + (buf.get(position + HEADER) == 1 ? TKHD_WIDTH_V1 : TKHD_WIDTH_V0);
                buf.putInt(at, width << 16);
                buf.putInt(at + 4, height << 16);
                patched++;
            } else if (type.equals("stsd")) {
                int entry = position + STSD_ENTRIES;
                String format = fourcc(buf, entry + 4);
                if (format.equals("avc1") || format.equals("avc3")) {
                    buf.putShort(entry + VISUAL_ENTRY_WIDTH, (short) width);
                    buf.putShort(entry + VISUAL_ENTRY_WIDTH + 2, (short) height);
                    patched++;
                }
            }
            position += size;
        }
        return patched;
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(length, channel.size() - position));
        while (buf.hasRemaining()) {
            if (channel.read(buf, position + buf.position()) < 0) {
                break;
            }
        }
        buf.flip();
        return buf;
    }

    private static String fourcc(ByteBuffer buf, int at) {
        char[] chars = new char[4];
        for (int i = 0; i < 4; i++) {
            chars[i] = (char) (buf.get(at + i) & 0xff);
        }
        return new String(chars);
    }
}
