package dev.gym4j.worker.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.spaces.Box;
import dev.gym4j.api.spaces.DType;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.bridge.experience.ExperienceSource;
import dev.gym4j.bridge.experience.ExperienceTransports;
import dev.gym4j.bridge.experience.PolicyStore;
import dev.gym4j.bridge.experience.PolicyStores;
import dev.gym4j.bridge.experience.PolicyVersion;
import dev.gym4j.bridge.experience.Trajectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerCommandTest {

    @TempDir
    Path tmp;

    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static List<Trajectory> collect(ExperienceSource source, int n) throws InterruptedException {
        List<Trajectory> got = new ArrayList<>();
        while (got.size() < n) {
            Trajectory t = source.poll(Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("too few"));
            got.add(t);
            source.acknowledge(t);
        }
        return got;
    }

    @Test
    void passesKwargsToEverySubEnv() throws Exception {
        String uri = "zmq://127.0.0.1:" + freePort();
        try (ExperienceSource source = ExperienceTransports.openSource(uri, "exp")) {
            CompletableFuture<Cli> run = CompletableFuture.supplyAsync(() -> Cli.run("worker", "tracker/ObjectTracker-v0",
                    "--experience", uri, "--experiment", "exp", "--worker-id", "w", "--num-envs", "2",
                    "--fragment-length", "5", "--max-fragments", "1", "--seed", "3", "--kwarg", "observation=state"));
            for (Trajectory t : collect(source, 2)) {
                assertArrayEquals(new int[] {5, 6}, t.observations().shape());
            }
            Cli cli = run.get();
            assertEquals(0, cli.status(), cli.toString());
        }
        Cli bad = Cli.run("worker", "tracker/ObjectTracker-v0", "--kwarg", "observation=depth", "--experience",
                "zmq://127.0.0.1:" + freePort());
        assertEquals(2, bad.status(), bad.toString());
        assertTrue(bad.err().contains("kwarg 'observation' of ObjectTrackerEnv must be one of"), bad.toString());
    }

    @Test
    void shipsConsecutiveFragmentsOfEverySubEnv() throws Exception {
        String uri = "zmq://127.0.0.1:" + freePort();
        try (ExperienceSource source = ExperienceTransports.openSource(uri, "exp")) {
            CompletableFuture<Cli> run = CompletableFuture.supplyAsync(() -> Cli.run("worker", "CartPole-v1",
                    "--experience", uri, "--experiment", "exp", "--worker-id", "w", "--num-envs", "2",
                    "--fragment-length", "10", "--max-fragments", "3", "--seed", "3"));
            List<Trajectory> got = collect(source, 6);
            Cli cli = run.get();
            assertEquals(0, cli.status(), cli.toString());
            assertTrue(cli.out().contains("shipped 6 trajectories (60 steps) with policy v0; all acknowledged"),
                    cli.out());
            for (int s = 0; s < 6; s++) {
                Trajectory t = got.get(s);
                assertEquals(s, t.sequence());
                assertEquals(0, t.policyVersion());
                assertArrayEquals(new int[] {10, 4}, t.observations().shape());
                assertArrayEquals(new int[] {10}, t.actions().shape());
                assertEquals(DType.INT64, t.actions().dtype());
                assertEquals((float) -Math.log(2), t.extras().get(Trajectory.LOGPROB).floats()[0], 1e-6);
            }
            // Sub-env i's fragment k+1 starts where fragment k ended (unless it ended an episode).
            for (int i = 0; i < 2; i++) {
                Trajectory a = got.get(i);
                Trajectory b = got.get(2 + i);
                boolean[] doneA = new boolean[10];
                for (int t = 0; t < 10; t++) {
                    doneA[t] = a.terminated()[t] || a.truncated()[t];
                }
                if (!doneA[9]) {
                    float[] next = java.util.Arrays.copyOfRange(b.observations().floats(), 0, 4);
                    assertArrayEquals(a.lastObservation().floats(), next);
                }
                long dones = 0;
                for (boolean d : doneA) {
                    dones += d ? 1 : 0;
                }
                assertEquals(a.episodeId() + dones, b.episodeId(), "episode ids continue");
                assertEquals((long) i << 32, a.episodeId());
            }
        }
    }

    @Test
    void policiesThatAreNotOnnxOrForOtherSpacesAreRefusedAndTheWorkerGoesOn() throws Exception {
        Env<?, ?> cartPole = Gym.make("CartPole-v1");
        String store = "dir:" + tmp.resolve("policies");
        try (PolicyStore s = PolicyStores.open(store)) {
            s.publish(PolicyVersion.onnx("exp", 1, "not an onnx model".getBytes(), cartPole.observationSpace(),
                    cartPole.actionSpace(), "{}"));
        }
        Cli notOnnx = runAgainst(store);
        assertTrue(notOnnx.err().contains("refused policy v1"), notOnnx.err());
        try (PolicyStore s = PolicyStores.open(store)) {
            s.publish(PolicyVersion.onnx("exp", 2, new byte[] {1, 2, 3},
                    Box.of(DType.FLOAT32, new double[] {-1, -1, -1}, new double[] {1, 1, 1}, new int[] {3}),
                    new Discrete(3), "{}"));
        }
        Cli wrongSpaces = runAgainst(store);
        assertTrue(wrongSpaces.err().contains("refused policy v2") && wrongSpaces.err().contains("Discrete(3)")
                && wrongSpaces.err().contains("Discrete(2)"), wrongSpaces.err());
    }

    /** Runs a worker for two fragments against a policy store; it must act at random and succeed. */
    private Cli runAgainst(String store) throws Exception {
        String uri = "zmq://127.0.0.1:" + freePort();
        try (ExperienceSource source = ExperienceTransports.openSource(uri, "exp")) {
            CompletableFuture<Cli> run = CompletableFuture.supplyAsync(() -> Cli.run("worker", "CartPole-v1",
                    "--experience", uri, "--experiment", "exp", "--worker-id", "w", "--policy-store", store,
                    "--fragment-length", "5", "--max-fragments", "2", "--seed", "1"));
            List<Trajectory> got = collect(source, 2);
            Cli cli = run.get();
            assertEquals(0, cli.status(), cli.toString());
            assertEquals(0, got.get(1).policyVersion(), "still acting at random");
            return cli;
        }
    }

    @Test
    void badOptionsAndAnUnreachableRedisAreOneLineWithStatus2() {
        Cli missing = Cli.run("worker", "CartPole-v1");
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("missing --experience"), missing.err());
        assertEquals(1, missing.err().lines().count());
        Cli redis = Cli.run("worker", "CartPole-v1", "--experience", "redis://127.0.0.1:1/x");
        assertEquals(2, redis.status());
        assertTrue(redis.err().contains("cannot reach Redis at 127.0.0.1:1"), redis.err());
        assertEquals(1, redis.err().lines().count(), redis.err());
        Cli envs = Cli.run("worker", "CartPole-v1", "--experience", "zmq://127.0.0.1:5", "--num-envs", "0");
        assertEquals(2, envs.status());
        assertTrue(envs.err().contains("--num-envs must be at least 1"), envs.err());
        Cli lag = Cli.run("worker", "CartPole-v1", "--experience", "zmq://127.0.0.1:5", "--policy-store",
                "dir:" + tmp, "--max-policy-lag", "-1");
        assertEquals(2, lag.status());
        assertTrue(lag.err().contains("--max-policy-lag must be 0 or more, got -1"), lag.err());
        Cli lagWithoutStore = Cli.run("worker", "CartPole-v1", "--experience", "zmq://127.0.0.1:5",
                "--max-policy-lag", "0");
        assertEquals(2, lagWithoutStore.status());
        assertTrue(lagWithoutStore.err().contains("--max-policy-lag needs --policy-store"), lagWithoutStore.err());
    }

    @Test
    void sageMakerHyperparametersAndFailureFile() throws Exception {
        Path base = tmp.resolve("ml");
        Files.createDirectories(base.resolve("input/config"));
        Files.writeString(base.resolve("input/config/hyperparameters.json"),
                "{\"rl.worker.num_envs\": \"8\", \"experience\": \"\\\"zmq://trainer:5557\\\"\", \"seed\": \"1\"}");
        SageMaker sm = new SageMaker(Map.of("SAGEMAKER_BASE_DIR", base.toString(),
                "SM_HPS", "{\"fragment-length\": 64, \"seed\": 2}", "SM_HP_SEED", "3", "SM_HP_RL.POLICY_STORE",
                "dir:/opt/ml/checkpoints"));
        Map<String, String> hp = sm.hyperparameters();
        assertEquals("8", hp.get("num_envs"));
        assertEquals("zmq://trainer:5557", hp.get("experience"));
        assertEquals("64", hp.get("fragment_length"));
        assertEquals("3", hp.get("seed"), "SM_HP_* wins over SM_HPS over hyperparameters.json");
        assertEquals("dir:/opt/ml/checkpoints", hp.get("policy_store"));
        assertEquals(base.resolve("output/intermediate"), sm.intermediate());
        sm.writeFailure("cannot reach Redis at trainer:6379");
        assertEquals("cannot reach Redis at trainer:6379\n", Files.readString(base.resolve("output/failure")));
        SageMaker outside = new SageMaker(Map.of());
        if (!Files.isDirectory(Path.of("/opt/ml/input/config"))) {
            assertTrue(outside.hyperparameters().isEmpty());
        }
    }
}
