package dev.gym4j.trainer.internal;

import dev.gym4j.trainer.TrainerException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The binary checkpoint file: a magic line, then typed fields in a fixed order, then a CRC-32 of everything
 * before it. Written to a temporary file and moved into place, so a crash leaves the previous checkpoint.
 * A file that is short, has the wrong magic or a wrong checksum is refused with a {@link TrainerException}.
 *
 * <p>{@link Writer} and {@link Reader} are not thread-safe.
 */
public final class Checkpoint {

    static final byte[] MAGIC = "gym4j-ppo-checkpoint-1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Checkpoint() {
    }

    /** Builds a checkpoint in memory. */
    public static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        /** Starts with the magic line. */
        public Writer() {
            try {
                out.write(MAGIC);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Writer utf(String s) {
            try {
                byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.writeInt(b.length);
                out.write(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public Writer i32(int v) {
            try {
                out.writeInt(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public Writer i64(long v) {
            try {
                out.writeLong(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public Writer f64(double v) {
            return i64(Double.doubleToRawLongBits(v));
        }

        public Writer bool(boolean v) {
            return i32(v ? 1 : 0);
        }

        public Writer floats(float[] a) {
            i32(a.length);
            for (float f : a) {
                i32(Float.floatToRawIntBits(f));
            }
            return this;
        }

        public Writer doubles(double[] a) {
            i32(a.length);
            for (double d : a) {
                f64(d);
            }
            return this;
        }

        public Writer big(BigInteger b) {
            return utf(b.toString(16));
        }

        /** Writes the checksum and the file (atomically). */
        public void writeTo(Path file) throws IOException {
            out.flush();
            byte[] body = bytes.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(body);
            byte[] all = Arrays.copyOf(body, body.length + 8);
            long c = crc.getValue();
            for (int i = 0; i < 8; i++) {
                all[body.length + i] = (byte) (c >>> (56 - 8 * i));
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".checkpoint", ".tmp");
            Files.write(tmp, all);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Reads a checkpoint written by {@link Writer}. */
    public static final class Reader {
        private final DataInputStream in;
        private final Path file;

        /**
         * @throws TrainerException if the file is missing, unreadable, not a checkpoint or corrupt
         */
        public Reader(Path file) {
            this.file = file;
            byte[] all;
            try {
                all = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new TrainerException("no checkpoint at " + file);
            } catch (IOException e) {
                throw new TrainerException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
            }
            if (all.length < MAGIC.length + 8 || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
                throw new TrainerException(file + " is not a gym4j PPO checkpoint");
            }
            CRC32 crc = new CRC32();
            crc.update(all, 0, all.length - 8);
            long stored = 0;
            for (int i = 0; i < 8; i++) {
                stored = (stored << 8) | (all[all.length - 8 + i] & 0xff);
            }
            if (stored != crc.getValue()) {
                throw new TrainerException("checkpoint " + file + " is corrupt (checksum mismatch)");
            }
            in = new DataInputStream(new ByteArrayInputStream(all, MAGIC.length, all.length - 8 - MAGIC.length));
        }

        private TrainerException corrupt(Exception e) {
            return new TrainerException("checkpoint " + file + " is corrupt (" + (e instanceof EOFException ? "too short"
                    : e.getMessage()) + ")", e);
        }

        public String utf() {
            try {
                int n = in.readInt();
                if (n < 0 || n > in.available()) {
                    throw new IOException("bad string length " + n);
                }
                byte[] b = in.readNBytes(n);
                return new String(b, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw corrupt(e);
            }
        }

        public int i32() {
            try {
                return in.readInt();
            } catch (IOException e) {
                throw corrupt(e);
            }
        }

        public long i64() {
            try {
                return in.readLong();
            } catch (IOException e) {
                throw corrupt(e);
            }
        }

        public double f64() {
            return Double.longBitsToDouble(i64());
        }

        public boolean bool() {
            return i32() != 0;
        }

        public float[] floats() {
            int n = i32();
            checkLength(n, 4);
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = Float.intBitsToFloat(i32());
            }
            return a;
        }

        public double[] doubles() {
            int n = i32();
            checkLength(n, 8);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = f64();
            }
            return a;
        }

        private void checkLength(int n, int size) {
            try {
                if (n < 0 || (long) n * size > in.available()) {
                    throw corrupt(new IOException("bad array length " + n));
                }
            } catch (IOException e) {
                throw corrupt(e);
            }
        }

        public BigInteger big() {
            try {
                return new BigInteger(utf(), 16);
            } catch (NumberFormatException e) {
                throw corrupt(e);
            }
        }

        /** @return the path read, for messages */
        public Path file() {
            return file;
        }
    }
}
