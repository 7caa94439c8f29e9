package dev.gym4j.trainer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.gym4j.replay.internal.json.Json;
import dev.gym4j.api.random.Generator;
import dev.gym4j.trainer.TrainerException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported {@code policy.onnx} against the trainer's own network: ONNX Runtime from Java and from Python
 * give the same outputs within 1e-5, Python's {@code onnx.checker} accepts the model, and reading it back gives
 * the very same parameters.
 */
class OnnxExportTest {

    static final int ROWS = 7;

    record Case(String name, ActorCritic net) {
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("categorical", net(new ActorCritic(4, ActorCritic.Kind.CATEGORICAL, new int[] {2}, 1, new int[] {64, 64}), false)));
        cases.add(new Case("multi", net(new ActorCritic(6, ActorCritic.Kind.CATEGORICAL, new int[] {3, 2, 4}, 3, new int[] {16}), true)));
        cases.add(new Case("gaussian", net(new ActorCritic(11, ActorCritic.Kind.GAUSSIAN, new int[0], 3, new int[] {64, 32}), true)));
        // image observations (NHWC pixels): a conv torso in front of each network; two channels so that a mixed-up
        // channel order or a wrong flatten order shows
        ConvSpec conv = new ConvSpec(20, 24, 2, new int[][] {{4, 5, 2}, {6, 3, 1}});
        cases.add(new Case("cnn", net(new ActorCritic(conv.inputSize(), ActorCritic.Kind.CATEGORICAL, new int[] {5}, 1,
                new int[] {16}, conv), false)));
        ConvSpec small = new ConvSpec(9, 7, 3, new int[][] {{3, 3, 2}});
        cases.add(new Case("cnn-gaussian", net(new ActorCritic(small.inputSize(), ActorCritic.Kind.GAUSSIAN, new int[0], 2,
                new int[] {8, 8}, small), false)));
        return cases;
    }

    static ActorCritic net(ActorCritic net, boolean normalize) {
        Generator g = Generator.fromSeed(net.obsDim());
        net.initialize(new Orthogonal(g));
        float[] p = net.params();
        for (int i = 0; i < p.length; i++) {
            p[i] += (float) (0.2 * g.standardNormal());
        }
        net.syncTranspose();
        if (normalize) {
            float[] mean = new float[net.obsDim()];
            float[] std = new float[net.obsDim()];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = (float) g.standardNormal();
                std[i] = (float) (0.5 + g.random());
            }
            net.setObsNormalization(mean, std, 3f);
        }
        return net;
    }

    static String metadata(ActorCritic net) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "gym4j.policy.v1");
        m.put("env_id", "Test-v0");
        m.put("distribution", net.kind() == ActorCritic.Kind.GAUSSIAN ? "diag_gaussian" : "categorical");
        Map<String, Object> trainer = new LinkedHashMap<>(Map.of("name", "gym4j-ppo", "hidden_sizes", net.hidden(), "nvec", net.nvec()));
        if (net.conv() != null) {
            trainer.put("conv", net.conv().toJson());
        }
        m.put("trainer", trainer);
        return Json.write(m);
    }

    static float[] observations(ActorCritic net) {
        Generator g = Generator.fromSeed(99);
        float[] x = new float[ROWS * net.obsDim()];
        for (int i = 0; i < x.length; i++) {
            // pixels for a conv torso; else wide enough to reach the normalization clip
            x[i] = net.conv() != null ? g.integers(256) : (float) (3 * g.standardNormal());
        }
        return x;
    }

    /** The trainer's outputs: actor outputs of each row, then values. */
    static float[][] expected(ActorCritic net, float[] obs) {
        float[] norm = new float[obs.length];
        net.normalize(obs, 0, ROWS, norm, 0);
        Mlp.Workspace a = net.actor().workspace(ROWS);
        Mlp.Workspace c = net.critic().workspace(ROWS);
        net.actor().forward(net.params(), norm, 0, ROWS, a);
        net.critic().forward(net.params(), norm, 0, ROWS, c);
        return new float[][] {java.util.Arrays.copyOf(a.output(), ROWS * net.actorOutputs()), java.util.Arrays.copyOf(c.output(), ROWS)};
    }

    @Test
    void readingBackGivesTheSameParameters() {
        for (Case c : cases()) {
            byte[] onnx = OnnxExport.write(c.net, metadata(c.net));
            ActorCritic back = OnnxImport.read(onnx, c.name).net();
            assertArrayEquals(c.net.params(), back.params(), c.name);
            assertEquals(c.net.normalizesObservations(), back.normalizesObservations());
            assertArrayEquals(OnnxExport.write(c.net, metadata(c.net)), onnx, "export is deterministic");
        }
    }

    @Test
    void somethingElseIsRefused() {
        TrainerException e = assertThrows(TrainerException.class, () -> OnnxImport.read(new byte[] {8, 7, 18, 3, 'a', 'b', 'c'}, "x.onnx"));
        assertTrue(e.getMessage().contains("not a policy written by gym4j"), e.getMessage());
        assertThrows(TrainerException.class, () -> OnnxImport.read(new byte[] {(byte) 0xff, (byte) 0xff}, "junk.onnx"));
    }

    @Test
    void javaOnnxRuntimeGivesTheTrainersOutputs() throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        for (Case c : cases()) {
            byte[] onnx = OnnxExport.write(c.net, metadata(c.net));
            float[] obs = observations(c.net);
            float[][] want = expected(c.net, obs);
            try (OrtSession s = env.createSession(onnx, new OrtSession.SessionOptions());
                    OnnxTensor in = OnnxTensor.createTensor(env, java.nio.FloatBuffer.wrap(obs), new long[] {ROWS, c.net.obsDim()});
                    OrtSession.Result r = s.run(Map.of("obs", in))) {
                String head = c.net.kind() == ActorCritic.Kind.GAUSSIAN ? "mean" : "logits";
                float[][] got = (float[][]) r.get(head).get().getValue();
                float[][] value = (float[][]) r.get("value").get().getValue();
                for (int i = 0; i < ROWS; i++) {
                    for (int j = 0; j < c.net.actorOutputs(); j++) {
                        assertEquals(want[0][i * c.net.actorOutputs() + j], got[i][j], 1e-5, c.name + " " + head);
                    }
                    assertEquals(want[1][i], value[i][0], 1e-5, c.name + " value");
                }
                if (c.net.kind() == ActorCritic.Kind.GAUSSIAN) {
                    float[] ls = (float[]) r.get("log_std").get().getValue();
                    assertArrayEquals(java.util.Arrays.copyOfRange(c.net.params(), c.net.logStdOffset(),
                            c.net.logStdOffset() + c.net.actDim()), ls);
                }
            }
        }
    }

    static String python() {
        String p = System.getProperty("gym4j.python");
        if (p == null) {
            p = System.getenv("GYM4J_PYTHON");
        }
        return p == null ? "python3" : p;
    }

    /** Skips when Python lacks the modules, except under CI. */
    static void assumePython(String... modules) throws Exception {
        StringBuilder code = new StringBuilder();
        for (String m : modules) {
            code.append("import ").append(m).append(";");
        }
        boolean ok;
        try {
            Process p = new ProcessBuilder(python(), "-c", code.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            ok = false;
        }
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(ok, python() + " lacks " + String.join(", ", modules));
        }
        assumeTrue(ok, python() + " lacks " + String.join(", ", modules) + "; set GYM4J_PYTHON");
    }

    @Test
    void pythonOnnxRuntimeGivesTheTrainersOutputs(@TempDir Path dir) throws Exception {
        assumePython("onnx", "onnxruntime", "numpy");
        String script = String.join("\n",
                "import json, sys, numpy as np, onnx, onnxruntime as ort",
                "model, obs_file, rows, dim = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])",
                "onnx.checker.check_model(onnx.load(model))",
                "obs = np.fromfile(obs_file, dtype='<f4').reshape(rows, dim)",
                "s = ort.InferenceSession(model, providers=['CPUExecutionProvider'])",
                "names = [o.name for o in s.get_outputs()]",
                "outs = s.run(None, {'obs': obs})",
                "meta = s.get_modelmeta().custom_metadata_map",
                "print(json.dumps({'names': names, 'outs': [o.astype(float).ravel().tolist() for o in outs],",
                "                  'input': [str(d) for d in s.get_inputs()[0].shape], 'meta': meta['gym4j.policy']}))");
        Path py = dir.resolve("check.py");
        Files.writeString(py, script);
        for (Case c : cases()) {
            String meta = metadata(c.net);
            Path model = dir.resolve(c.name + ".onnx");
            Files.write(model, OnnxExport.write(c.net, meta));
            float[] obs = observations(c.net);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(obs.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(obs);
            Path obsFile = dir.resolve(c.name + ".f32");
            Files.write(obsFile, b.array());
            Process p = new ProcessBuilder(python(), py.toString(), model.toString(), obsFile.toString(), "" + ROWS,
                    "" + c.net.obsDim()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python timed out");
            assertEquals(0, p.exitValue(), output);
            Map<String, Object> r = Json.parseObject(output.strip().lines().reduce((x, y) -> y).orElseThrow());
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) r.get("names");
            @SuppressWarnings("unchecked")
            List<List<Number>> outs = (List<List<Number>>) r.get("outs");
            float[][] want = expected(c.net, obs);
            boolean gaussian = c.net.kind() == ActorCritic.Kind.GAUSSIAN;
            assertEquals(gaussian ? List.of("mean", "log_std", "value") : List.of("logits", "value"), names);
            assertEquals(List.of("batch", "" + c.net.obsDim()), r.get("input"));
            assertEquals(meta, r.get("meta"));
            List<Number> head = outs.get(0);
            for (int i = 0; i < want[0].length; i++) {
                assertEquals(want[0][i], head.get(i).doubleValue(), 1e-5, c.name + " output " + i);
            }
            List<Number> value = outs.get(outs.size() - 1);
            for (int i = 0; i < ROWS; i++) {
                assertEquals(want[1][i], value.get(i).doubleValue(), 1e-5, c.name + " value " + i);
            }
        }
    }
}
