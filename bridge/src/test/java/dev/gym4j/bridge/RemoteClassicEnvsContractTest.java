package dev.gym4j.bridge;

import dev.gym4j.api.Env;
import dev.gym4j.testkit.AllRegisteredEnvsContractTest;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The testkit's env contract for every classic-control id, each served by an EnvServer and used through RemoteEnv
 * over ZeroMQ on tcp loopback ({@link RemoteClassicEnvsOverShmContractTest}: through the shared-memory file).
 */
class RemoteClassicEnvsContractTest extends AllRegisteredEnvsContractTest {

    private static final Set<String> IDS = Set.of("CartPole-v0", "CartPole-v1", "MountainCar-v0",
            "MountainCarContinuous-v0", "Acrobot-v1", "Pendulum-v1");

    @Override
    protected boolean include(String id) {
        return IDS.contains(id);
    }

    @Override
    protected Supplier<Env<?, ?>> factory(String id) {
        return () -> TestServers.connect(id, transport());
    }

    protected TestServers.Transport transport() {
        return TestServers.Transport.ZMQ;
    }
}
