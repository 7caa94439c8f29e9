package dev.gym4j.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gym4j.api.GymException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Optional CURVE encryption with key files: a client with the server's public key is served, one without is not. */
class CurveTest {

    @Test
    void onlyClientsThatKnowTheServersPublicKeyAreServed(@TempDir Path dir) {
        String publicKey = Curve.writeKeyPair(dir, "server");
        assertEquals(publicKey, Curve.readKey(dir.resolve("server.pub")));
        ServerOptions options = ServerOptions.defaults("CartPole-v1").withCurveSecretKey(Curve.readKey(dir.resolve("server.key")));
        try (EnvServer server = EnvServer.start(options)) {
            ClientOptions withKey = TestServers.fast().withCurveServerKey(Curve.readKey(dir.resolve("server.pub")));
            try (RemoteEnv<float[], Integer> env = RemoteEnv.connect(server.endpoint(), null, Map.of(), withKey)) {
                assertEquals(4, env.reset(1L).observation().length);
                assertEquals(1.0, env.step(0).reward());
            }
            ClientOptions plain = ClientOptions.defaults().withTimeout(Duration.ofMillis(800));
            assertThrows(GymException.class, () -> RemoteEnv.connect(server.endpoint(), null, Map.of(), plain));
        }
    }

    @Test
    void aBadKeyFileIsAClearError(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.key");
        java.nio.file.Files.writeString(bad, "# nothing here\nnot-a-key\n");
        GymException e = assertThrows(GymException.class, () -> Curve.readKey(bad));
        assertEquals(true, e.getMessage().contains("40 Z85 characters"), e.getMessage());
    }
}
