package dev.gym4j.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.replay.internal.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gym4j rollout ENV --policy model.onnx}: the actions are those of Python's onnxruntime. */
class RolloutPolicyCommandTest {

    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void exportModel() throws Exception {
        PolicyPython.require("torch, onnxruntime, numpy");
        model = dir.resolve("P.onnx");
        PolicyPython.exportCartPoleMlp(model);
    }

    @Test
    void deterministicRolloutTakesTheActionsOfPythonOnnxruntime() throws Exception {
        Cli r = Cli.run("rollout", "CartPole-v1", "--policy", model.toString(), "--deterministic", "--json", "--trace",
                "--seed", "3", "--episodes", "3");
        assertEquals(0, r.status(), r.toString());
        List<String> lines = r.lines();
        assertEquals(4, lines.size(), r.toString());
        Path trace = dir.resolve("trace.jsonl");
        Files.write(trace, lines.subList(0, 3));
        long steps = 0;
        for (String line : lines.subList(0, 3)) {
            Map<String, Object> e = Json.parseObject(line);
            steps += (Long) e.get("length");
            assertEquals(e.get("length"), (long) ((List<?>) e.get("actions")).size());
        }
        assertTrue(steps > 30, "the policy balances for a while: " + steps + " steps");
        String out = PolicyPython.run(dir, """
                import json, sys
                import numpy as np, onnxruntime as ort
                sess = ort.InferenceSession(sys.argv[1], providers=["CPUExecutionProvider"])
                steps = mismatches = 0
                for line in open(sys.argv[2]):
                    e = json.loads(line)
                    obs = np.array(e["observations"], dtype=np.float32)
                    logits, value = sess.run(None, {"obs": obs})
                    expected = logits.argmax(axis=1)
                    steps += len(expected)
                    mismatches += int((expected != np.array(e["actions"])).sum())
                print(steps, mismatches)
                """, model.toString(), trace.toString());
        assertEquals(steps + " 0", out.strip(), "steps and mismatching actions, as Python's onnxruntime counts them");
        Map<String, Object> summary = Json.parseObject(lines.get(3));
        assertEquals(model.toString(), summary.get("policy"));
    }

    @Test
    void sampledRolloutIsReproducibleWithASeed() {
        String[] args = {"rollout", "CartPole-v1", "--policy", model.toString(), "--json", "--seed", "5",
            "--episodes", "2"};
        Cli a = Cli.run(args);
        assertEquals(0, a.status(), a.toString());
        assertEquals(a.out(), Cli.run(args).out());
    }

    @Test
    void aPolicyForTheWrongSpacesIsOneLineAndStatus2() {
        Cli r = Cli.run("rollout", "Pendulum-v1", "--policy", model.toString(), "--episodes", "1");
        assertEquals(2, r.status(), r.toString());
        assertEquals(1, r.err().lines().count(), r.toString());
        assertTrue(r.err().contains("does not fit the env's spaces") && r.err().contains("'obs' float32[batch, 4]")
                && r.err().contains("action space Box("), r.toString());
    }

    @Test
    void aFileThatIsNotOnnxIsOneLineAndStatus2() throws Exception {
        Path notOnnx = Files.writeString(dir.resolve("notes.onnx"), "not a model\n");
        Cli r = Cli.run("rollout", "CartPole-v1", "--policy", notOnnx.toString());
        assertEquals(2, r.status(), r.toString());
        assertEquals("gym4j rollout: " + notOnnx + " is not an ONNX model (it is text, starting \"not a model\")",
                r.err().strip().replaceAll(": onnxruntime says: .*", ""), r.toString());
        Cli d = Cli.run("rollout", "CartPole-v1", "--deterministic");
        assertEquals(2, d.status(), d.toString());
        assertTrue(d.err().contains("--deterministic needs --policy FILE.onnx"), d.toString());
    }
}
