package dev.gym4j.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Clients that come and go, politely or not, leave no env behind on the server. */
class ConnectCyclesTest {

    @Test
    void aThousandConnectDisconnectCyclesLeakNoEnv() throws Exception {
        ServerOptions options = ServerOptions.defaults("CartPole-v1").withIdleTimeout(Duration.ofMillis(500));
        try (EnvServer server = EnvServer.start(options)) {
            ClientOptions client = ClientOptions.defaults().withTimeout(Duration.ofSeconds(5));
            for (int i = 0; i < 1000; i++) {
                RemoteEnv<float[], Integer> env = RemoteEnv.connect(server.endpoint(), null, Map.of(), client);
                env.reset((long) i);
                env.step(i % 2);
                if (i % 2 == 0) {
                    env.close();
                } else {
                    // Vanish without Close: only the idle timeout can free this one.
                    Vanish.drop(env);
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (server.activeClients() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(0, server.activeClients(), "envs left on the server");
        }
    }

    @Test
    void closeFreesTheEnvAtOnce() {
        try (EnvServer server = EnvServer.start(ServerOptions.defaults("CartPole-v1"))) {
            RemoteEnv<float[], Integer> env = RemoteEnv.connect(server.endpoint(), null, Map.of(), TestServers.fast());
            assertEquals(1, server.activeClients());
            env.close();
            assertTrue(server.activeClients() == 0);
        }
    }
}
