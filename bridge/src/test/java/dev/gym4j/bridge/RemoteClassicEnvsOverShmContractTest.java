package dev.gym4j.bridge;

/** The testkit's env contract for every classic-control id through RemoteEnv over the shared-memory path. */
class RemoteClassicEnvsOverShmContractTest extends RemoteClassicEnvsContractTest {

    @Override
    protected TestServers.Transport transport() {
        return TestServers.Transport.SHM;
    }
}
