package dev.gym4j.worker.cli;

import dev.gym4j.testkit.AllRegisteredEnvsContractTest;

/** Every env the command line ships (all env modules) meets the testkit's contract; the CLI's own test envs are left out. */
class AllEnvsContractTest extends AllRegisteredEnvsContractTest {
    @Override
    protected boolean include(String id) {
        return !id.startsWith("clitest/");
    }
}
