package dev.gym4j.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code gym4j serve}'s argument errors; serving itself is exercised end to end by bridge/python's tests. */
class ServeCommandTest {

    @Test
    void anUnknownEnvIdIsAnErrorThatSuggestsIds() {
        Cli r = Cli.run("serve", "CartPol-v1");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("CartPole-v1"), r.err());
    }

    @Test
    void aNegativeNumEnvsIsAnError() {
        Cli r = Cli.run("serve", "CartPole-v1", "--num-envs", "-1");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--num-envs"), r.err());
    }
}
