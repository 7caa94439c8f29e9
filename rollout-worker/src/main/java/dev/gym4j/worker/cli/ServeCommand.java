package dev.gym4j.worker.cli;

import dev.gym4j.api.Gym;
import dev.gym4j.bridge.Curve;
import dev.gym4j.bridge.EnvServer;
import dev.gym4j.bridge.ServerOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gym4j serve ENV}: serves an env over the bridge protocol until the process is stopped, so that
 * a Python trainer (or any bridge client) uses it as a local env.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves an env over the gym4j bridge protocol (ZeroMQ + Protobuf, see bridge/PROTOCOL.md): each "
            + "client that connects gets its own env, made by Gym.make. Prints the bound endpoint, then serves until killed."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ENV", description = "the registered env id clients get by default, such as CartPole-v1")
    private String envId;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = ServerOptions.DEFAULT_BIND,
            description = "the ZeroMQ endpoint to bind (default ${DEFAULT-VALUE}: loopback only, a free port)")
    private String bind;

    @Option(names = "--num-envs", paramLabel = "N", defaultValue = "0",
            description = "serve each client a vector env of N copies (0, the default: a single env)")
    private int numEnvs;

    @Option(names = "--idle-timeout", paramLabel = "S", defaultValue = "300",
            description = "seconds a silent client keeps its env (default ${DEFAULT-VALUE})")
    private double idleSeconds;

    @Option(names = "--max-message-size", paramLabel = "BYTES", defaultValue = "67108864",
            description = "largest message accepted; a client sending more is disconnected (default ${DEFAULT-VALUE})")
    private long maxMessageSize;

    @Option(names = "--curve-secret-key", paramLabel = "FILE",
            description = "require CURVE encryption with the server secret key in FILE (Z85; see bridge/PROTOCOL.md)")
    private Path curveSecretKey;

    @Override
    public Integer call() throws InterruptedException {
        Gym.spec(envId); // fail fast, with suggestions, on an unknown id
        if (numEnvs < 0) {
            throw new CliException("--num-envs must be >= 0, got " + numEnvs);
        }
        ServerOptions options = ServerOptions.defaults(envId).withBind(bind).withNumEnvs(numEnvs)
                .withIdleTimeout(Duration.ofMillis((long) (idleSeconds * 1000))).withMaxMessageSize(maxMessageSize)
                .withCurveSecretKey(curveSecretKey == null ? null : Curve.readKey(curveSecretKey));
        EnvServer server = EnvServer.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        PrintWriter out = spec.commandLine().getOut();
        out.println("serving " + envId + (numEnvs > 0 ? " x" + numEnvs : "") + " on " + server.endpoint());
        out.flush();
        server.awaitTermination();
        return 0;
    }
}
