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

    @Test
    void badLimitsAreOneLineErrorsNamingTheOption() {
        String[][] cases = {{"--idle-timeout", "1e10"}, {"--idle-timeout", "0"}, {"--idle-timeout", "NaN"}, {"--max-message-size", "10"},
            {"--workers", "0"}, {"--heartbeat", "-1"}, {"--max-clients", "0"}, {"--max-seed-bytes", "0"}, {"--evict-after", "Infinity"}};
        for (String[] c : cases) {
            Cli r = Cli.run("serve", "CartPole-v1", c[0], c[1]);
            assertEquals(2, r.status(), String.join(" ", c));
            assertTrue(r.err().contains(c[0]) && r.err().strip().lines().count() == 1 && !r.err().contains("internal error")
                    && !r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void localEndpointsAreToldApartFromPublicOnes() {
        assertTrue(ServeCommand.isLocal("tcp://127.0.0.1:5555"));
        assertTrue(ServeCommand.isLocal("tcp://localhost:5555"));
        assertTrue(ServeCommand.isLocal("tcp://[::1]:5555"));
        assertTrue(ServeCommand.isLocal("ipc:///tmp/x"));
        assertTrue(!ServeCommand.isLocal("tcp://0.0.0.0:5555"));
        assertTrue(!ServeCommand.isLocal("tcp://192.168.1.2:5555"));
    }
}
