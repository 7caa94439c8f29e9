package dev.gym4j.bridge;

import dev.gym4j.api.GymException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.zeromq.ZMQ;

/**
 * CURVE keys: Z85 text (40 characters for 32 bytes), as ZeroMQ writes them, one key per file.
 *
 * <p>Thread-safe (stateless).
 */
public final class Curve {

    private Curve() {
    }

    /**
     * Reads a key file: the first line that is not empty and not a {@code #} comment is the Z85 key.
     *
     * @param file the file
     * @return the key in Z85
     * @throws GymException if the file cannot be read or holds no valid key
     */
    public static String readKey(Path file) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    decodeKey(s, file.toString());
                    return s;
                }
            }
        } catch (IOException e) {
            throw new GymException("Cannot read CURVE key file " + file + ": " + e.getMessage(), e);
        }
        throw new GymException("CURVE key file " + file + " holds no key");
    }

    /**
     * Reads a server's secret key file, as {@link #readKey(Path)} does, and refuses a public key passed
     * by mistake: a file named {@code .pub}, one whose comment says it holds a public key, or one whose
     * key is the one in the {@code .pub} file next to it. (A server started with its public key as the
     * secret key would run, and every client would time out.)
     *
     * @param file the secret key file
     * @return the secret key in Z85
     * @throws GymException if the file cannot be read, holds no valid key, or holds the public key
     */
    public static String readSecretKey(Path file) {
        String name = String.valueOf(file.getFileName());
        String hint = "pass the secret key file (NAME.key, written by Curve.writeKeyPair or zmq.curve_keypair()), not the public one";
        if (name.endsWith(".pub")) {
            throw new GymException("CURVE key file " + file + " is a public key (.pub): " + hint);
        }
        String key = readKey(file);
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String s = line.strip().toLowerCase(java.util.Locale.ROOT);
                if (s.startsWith("#") && s.contains("public key")) {
                    throw new GymException("CURVE key file " + file + " says it holds a public key: " + hint);
                }
            }
            int dot = name.lastIndexOf('.');
            Path pub = file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".pub");
            if (Files.isReadable(pub) && key.equals(readKey(pub))) {
                throw new GymException("CURVE key file " + file + " holds the same key as " + pub + ", the public key: " + hint);
            }
        } catch (IOException e) {
            throw new GymException("Cannot read CURVE key file " + file + ": " + e.getMessage(), e);
        }
        return key;
    }

    /**
     * Generates a key pair and writes {@code NAME.key} (secret) and {@code NAME.pub} (public) in {@code dir}.
     * The secret key file is readable and writable by its owner only (mode 0600, on file systems with
     * POSIX permissions): it is created so, never world-readable even for an instant; an existing one is
     * replaced.
     *
     * @param dir the directory
     * @param name the base name
     * @return the public key in Z85
     * @throws GymException if the files cannot be written
     */
    public static String writeKeyPair(Path dir, String name) {
        ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
        try {
            Files.createDirectories(dir);
            Path secret = dir.resolve(name + ".key");
            Files.deleteIfExists(secret);
            if (Files.getFileStore(dir).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
                Files.createFile(secret, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(secret, "# gym4j bridge CURVE secret key: keep private\n" + pair.secretKey + "\n");
            Files.writeString(dir.resolve(name + ".pub"), "# gym4j bridge CURVE public key\n" + pair.publicKey + "\n");
            return pair.publicKey;
        } catch (IOException e) {
            throw new GymException("Cannot write CURVE keys to " + dir + ": " + e.getMessage(), e);
        }
    }

    static byte[] decodeKey(String z85, String what) {
        if (z85 == null || z85.length() != 40) {
            throw new GymException("CURVE " + what + " must be 40 Z85 characters, got " + (z85 == null ? "none" : z85.length()));
        }
        byte[] key = ZMQ.Curve.z85Decode(z85);
        if (key == null || key.length != 32) {
            throw new GymException("CURVE " + what + " is not valid Z85");
        }
        return key;
    }
}
