package dev.gym4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.api.Env;
import org.junit.jupiter.api.Test;

class RegisteredEnvsTest {

    @Test
    void theTestProviderIsFoundThroughServiceLoader() {
        assertTrue(RegisteredEnvs.ids().contains(TestkitEnvProvider.GRID_WALK), RegisteredEnvs.ids().toString());
        try (Env<?, ?> env = RegisteredEnvs.factory(TestkitEnvProvider.GRID_WALK).get()) {
            assertEquals(TestkitEnvProvider.GRID_WALK, env.spec().id());
            assertEquals(50, env.spec().maxEpisodeSteps());
        }
    }
}
