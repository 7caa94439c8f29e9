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
     * Generates a key pair and writes {@code NAME.key} (secret) and {@code NAME.pub} (public) in {@code dir}.
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
