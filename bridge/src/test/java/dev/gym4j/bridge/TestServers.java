package dev.gym4j.bridge;

import java.time.Duration;
import java.util.Map;

/** One server per test JVM for the tests that only need some server of registered envs; closed at exit. */
final class TestServers {

    private static EnvServer shared;

    private TestServers() {
    }

    static synchronized String registryServer() {
        if (shared == null) {
            shared = EnvServer.start(ServerOptions.defaults("CartPole-v1"));
            EnvServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        }
        return shared.endpoint();
    }

    static ClientOptions fast() {
        return ClientOptions.defaults().withTimeout(Duration.ofSeconds(10));
    }

    static <O, A> RemoteEnv<O, A> connect(String id) {
        return RemoteEnv.connect(registryServer(), id, Map.of(), fast());
    }
}
