package dev.gym4j.policy;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.Discrete;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not ONNX models give one clear error, not a crash. */
class NotOnnxTest {

    private static final Box<float[]> OBS = Box.float32(-1, 1, 4);

    private static String refused(Path file) {
        PolicyException e = assertThrows(PolicyException.class, () -> OnnxPolicy.fromFile(file, OBS, new Discrete(2)));
        return e.getMessage();
    }

    @Test
    void textIsNotOnnx(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("model.onnx");
        Files.writeString(f, "{\"weights\": [1, 2, 3]}\n");
        String m = refused(f);
        assertTrue(m.contains(f + " is not an ONNX model (it is text, starting \"{\"weights\": [1, 2, 3]}\")"), m);
        assertTrue(m.contains("onnxruntime says"), m);
    }

    @Test
    void randomBytesAreNotOnnx(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("model.onnx");
        byte[] junk = new byte[4096];
        new java.util.Random(1).nextBytes(junk);
        Files.write(f, junk);
        assertTrue(refused(f).startsWith(f + " is not an ONNX model: onnxruntime says: "), refused(f));
    }

    @Test
    void aZipIsProbablyAPyTorchCheckpoint(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("model.pt");
        Files.write(f, new byte[] {'P', 'K', 3, 4, 0, 0, 0});
        assertTrue(refused(f).contains("is a zip archive (a PyTorch checkpoint?), not an ONNX model"), refused(f));
    }

    @Test
    void emptyAndMissingFiles(@TempDir Path tmp) throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.onnx"));
        assertTrue(refused(empty).contains("is empty: expected an ONNX model"), refused(empty));
        Path missing = tmp.resolve("missing.onnx");
        assertTrue(refused(missing).equals("policy file " + missing + " does not exist"), refused(missing));
    }

    @Test
    void badMetadataBesideAModelNamesTheFile(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("policy.onnx");
        Files.write(f, new byte[] {1, 2, 3});
        Files.writeString(tmp.resolve("policy.json"), "{\"distribution\": \"beta\"}", StandardCharsets.UTF_8);
        String m = refused(f);
        assertTrue(m.contains("policy.json: unknown policy distribution 'beta'"), m);
    }
}
