package dev.gym4j.testkit;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import java.util.function.Supplier;

/** The contract test as an env author writes it: one line. */
class GridWalkContractTest extends EnvContractTest {
    @Override
    protected Supplier<Env<?, ?>> envFactory() {
        return () -> Gym.make(TestkitEnvProvider.GRID_WALK);
    }
}
