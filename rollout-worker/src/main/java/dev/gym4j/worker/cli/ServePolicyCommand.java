package dev.gym4j.worker.cli;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.random.SeedSequence;
import dev.gym4j.policy.OnnxPolicy;
import dev.gym4j.policy.PolicyHttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gym4j serve-policy MODEL}: an ONNX policy behind SageMaker's inference contract. */
@Command(name = "serve-policy", mixinStandardHelpOptions = true,
        description = {"Serves an ONNX policy over HTTP as SageMaker's inference containers do: GET /ping answers 200 "
            + "once the model is loaded; POST /invocations takes {\"observations\": [...]} (or {\"observation\": ...}) "
            + "and answers {\"actions\": [...], \"log_probs\": [...], \"values\": [...]}.",
            "MODEL is an .onnx file or a directory holding policy.onnx (such as /opt/ml/model); its spaces come from the "
                + "metadata beside it (policy.json, docs/POLICY.md) or from --env. Runs until SIGTERM or SIGINT."})
final class ServePolicyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "an ONNX model file, or a directory with policy.onnx")
    private Path model;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "the TCP port (default ${DEFAULT-VALUE}, SageMaker's; 0 picks a free one)")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "the address to listen on (default ${DEFAULT-VALUE}: loopback only; 0.0.0.0 for every interface, "
                + "as a container needs)")
    private String bind;

    @Option(names = "--env", paramLabel = "ENV", description = "take the spaces from this env (for a model without "
            + "metadata, or to check that the model fits it)")
    private String envId;

    @Option(names = "--sample", description = "sample actions by default instead of taking the mode (a request's "
            + "\"deterministic\" key overrides it)")
    private boolean sample;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the generator for sampled requests without "
            + "their own \"seed\" (default: OS entropy)")
    private Long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "request threads (default ${DEFAULT-VALUE})")
    private int threads;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CliException("--port must be between 0 and 65535, got " + port);
        }
        if (threads < 1) {
            throw new CliException("--threads must be at least 1, got " + threads);
        }
        if (seed != null && seed < 0) {
            throw new CliException("--seed must be a non-negative integer, got " + seed);
        }
        Path file = resolveModel(model);
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new CliException("--bind '" + bind + "' is not an address or a known host name");
        }
        OnnxPolicy policy;
        if (envId != null) {
            try (Env<?, ?> env = Gym.make(envId)) {
                policy = OnnxPolicy.fromFile(file, env.observationSpace(), env.actionSpace());
            }
        } else {
            policy = OnnxPolicy.fromFile(file);
        }
        long s = seed != null ? seed : SeedSequence.fromOsEntropy().entropy().longValue() & Long.MAX_VALUE;
        PolicyHttpServer server;
        try {
            server = PolicyHttpServer.start(policy, new InetSocketAddress(address, port), !sample, s, threads);
        } catch (UncheckedIOException e) {
            policy.close();
            throw new CliException(e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            policy.close();
            stopped.countDown();
        }, "gym4j-serve-policy-stop"));
        PrintWriter out = spec.commandLine().getOut();
        InetSocketAddress bound = server.address();
        out.println("serving " + file + " (" + policy.distribution().jsonName() + ", observations " + policy.observationSpace()
                + ", actions " + policy.actionSpace() + ") on http://" + bound.getAddress().getHostAddress() + ":"
                + bound.getPort() + " (GET /ping, POST /invocations)");
        out.flush();
        stopped.await();
        return 0;
    }

    private static Path resolveModel(Path model) {
        if (Files.isRegularFile(model)) {
            return model;
        }
        if (!Files.isDirectory(model)) {
            throw new CliException("MODEL " + model + ": no such file or directory (expected an .onnx file or a "
                    + "directory holding policy.onnx)");
        }
        Path standard = model.resolve("policy.onnx");
        if (Files.isRegularFile(standard)) {
            return standard;
        }
        try (Stream<Path> files = Files.list(model)) {
            List<Path> onnx = files.filter(p -> p.getFileName().toString().endsWith(".onnx")).sorted().toList();
            if (onnx.size() == 1) {
                return onnx.get(0);
            }
            throw new CliException("MODEL " + model + " is a directory without policy.onnx and with "
                    + (onnx.isEmpty() ? "no" : onnx.size()) + " .onnx files: name the model file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
