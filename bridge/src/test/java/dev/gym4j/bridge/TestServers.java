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

    /** @return {@link #fast()} options over the given transport */
    static ClientOptions fast(Transport transport) {
        return fast().withSharedMemory(transport == Transport.SHM);
    }

    static <O, A> RemoteEnv<O, A> connect(String id) {
        return RemoteEnv.connect(registryServer(), id, Map.of(), fast());
    }

    /** Connects over the transport, and checks that it is the one the calls take. */
    static <O, A> RemoteEnv<O, A> connect(String id, Transport transport) {
        RemoteEnv<O, A> env = RemoteEnv.connect(registryServer(), id, Map.of(), fast(transport));
        transport.check(env.sharedMemoryPath(), env.toString());
        return env;
    }

    /** The two ways a client on this machine reaches a server: ZeroMQ over tcp loopback, or the shared-memory file. */
    enum Transport {
        ZMQ, SHM;

        void check(String sharedMemoryPath, String what) {
            if ((this == SHM) != (sharedMemoryPath != null)) {
                throw new AssertionError(what + " should go over " + this + ", its shared-memory file is " + sharedMemoryPath);
            }
        }
    }
}
