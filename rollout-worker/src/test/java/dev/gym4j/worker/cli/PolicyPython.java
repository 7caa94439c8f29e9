package dev.gym4j.worker.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Python scripts for the policy command tests. The interpreter is the system property {@code gym4j.python},
 * else env {@code GYM4J_PYTHON}, else {@code python3}; without the modules a test needs it is skipped, or fails
 * when env {@code CI=true}.
 */
final class PolicyPython {

    private PolicyPython() {
    }

    static String python() {
        String p = System.getProperty("gym4j.python");
        if (p == null || p.isBlank()) {
            p = System.getenv("GYM4J_PYTHON");
        }
        return p == null || p.isBlank() ? "python3" : p;
    }

    /** Skips (or fails on CI) unless the interpreter imports {@code modules}. */
    static void require(String modules) {
        String out;
        int code;
        try {
            Process p = new ProcessBuilder(python(), "-c", "import " + modules).redirectErrorStream(true).start();
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            code = p.waitFor(120, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException | InterruptedException e) {
            out = e.toString();
            code = -1;
        }
        if (code != 0) {
            String why = python() + " cannot import " + modules + " (set -Dgym4j.python or GYM4J_PYTHON): " + out;
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
    }

    /**
     * Runs a script and returns its standard output; fails the test on a non-zero exit.
     *
     * @param dir where the script is written
     * @param script the Python source
     * @param args its arguments
     */
    static String run(Path dir, String script, String... args) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "script", ".py");
        Files.writeString(file, script);
        List<String> command = new ArrayList<>(List.of(python(), file.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("python timed out: " + script);
        }
        if (p.exitValue() != 0) {
            fail("python exited with " + p.exitValue() + ": " + out);
        }
        return out;
    }

    /** Exports a CartPole actor-critic MLP (logits and value) with torch.onnx.export to {@code model}. */
    static void exportCartPoleMlp(Path model) throws IOException, InterruptedException {
        run(model.getParent(), """
                import sys, warnings, torch
                warnings.filterwarnings("ignore")
                torch.manual_seed(0)
                class AC(torch.nn.Module):
                    def __init__(self):
                        super().__init__()
                        self.pi = torch.nn.Sequential(torch.nn.Linear(4, 64), torch.nn.Tanh(), torch.nn.Linear(64, 2))
                        self.v = torch.nn.Sequential(torch.nn.Linear(4, 64), torch.nn.Tanh(), torch.nn.Linear(64, 1))
                    def forward(self, x):
                        # Large weights on the pole angle and angular velocity: a policy that balances for a while.
                        return self.pi(x) + torch.stack([-x[:, 2] * 40 - x[:, 3] * 10, x[:, 2] * 40 + x[:, 3] * 10], 1), self.v(x)
                torch.onnx.export(AC(), torch.zeros(1, 4), sys.argv[1], input_names=["obs"],
                                  output_names=["logits", "value"],
                                  dynamic_axes={"obs": {0: "batch"}, "logits": {0: "batch"}, "value": {0: "batch"}},
                                  dynamo=False)
                """, model.toString());
    }
}
