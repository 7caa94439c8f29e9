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

    @Test
    void theSecretKeyFileIsOwnerOnly(@TempDir Path dir) throws Exception {
        Curve.writeKeyPair(dir, "server");
        java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = java.nio.file.Files.getPosixFilePermissions(dir.resolve("server.key"));
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"), perms);
        Curve.writeKeyPair(dir, "server"); // replacing keeps it owner-only
        assertEquals(perms, java.nio.file.Files.getPosixFilePermissions(dir.resolve("server.key")));
    }

    @Test
    void aPublicKeyPassedAsTheSecretKeyIsNoticed(@TempDir Path dir) throws Exception {
        Curve.writeKeyPair(dir, "server");
        GymException pub = assertThrows(GymException.class, () -> Curve.readSecretKey(dir.resolve("server.pub")));
        assertEquals(true, pub.getMessage().contains("public key"), pub.getMessage());
        java.nio.file.Files.copy(dir.resolve("server.pub"), dir.resolve("copy.key"));
        GymException copied = assertThrows(GymException.class, () -> Curve.readSecretKey(dir.resolve("copy.key")));
        assertEquals(true, copied.getMessage().contains("public key"), copied.getMessage());
        java.nio.file.Files.writeString(dir.resolve("bare.key"), Curve.readKey(dir.resolve("server.pub")) + "\n");
        java.nio.file.Files.copy(dir.resolve("server.pub"), dir.resolve("bare.pub"));
        GymException bare = assertThrows(GymException.class, () -> Curve.readSecretKey(dir.resolve("bare.key")));
        assertEquals(true, bare.getMessage().contains("same key as"), bare.getMessage());
        assertEquals(Curve.readKey(dir.resolve("server.key")), Curve.readSecretKey(dir.resolve("server.key")));
    }

    @Test
    void aWrongServerKeyIsNamedInTheTimeoutMessage(@TempDir Path dir) {
        Curve.writeKeyPair(dir, "server");
        Curve.writeKeyPair(dir, "other");
        ServerOptions options = ServerOptions.defaults("CartPole-v1").withCurveSecretKey(Curve.readSecretKey(dir.resolve("server.key")));
        try (EnvServer server = EnvServer.start(options)) {
            ClientOptions wrong = ClientOptions.defaults().withTimeout(Duration.ofMillis(800)).withCurveServerKey(Curve.readKey(dir.resolve("other.pub")));
            GymException e = assertThrows(GymException.class, () -> RemoteEnv.connect(server.endpoint(), null, Map.of(), wrong));
            assertEquals(true, e.getMessage().contains("server public key"), e.getMessage());
        }
    }
}
