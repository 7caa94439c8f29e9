package dev.gym4j.worker.cli;

import dev.gym4j.Gym;
import dev.gym4j.bridge.Curve;
import dev.gym4j.bridge.EnvServer;
import dev.gym4j.bridge.ServerLimits;
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

    @Option(names = "--max-clients", paramLabel = "N", defaultValue = "1024",
            description = "clients that may hold an env at once (default ${DEFAULT-VALUE})")
    private int maxClients;

    @Option(names = "--max-clients-per-peer", paramLabel = "N", defaultValue = "" + ServerLimits.DEFAULT_MAX_CLIENTS_PER_PEER,
            description = "clients one peer IP address may hold at once (default ${DEFAULT-VALUE})")
    private int maxClientsPerPeer;

    @Option(names = "--max-envs", paramLabel = "N", defaultValue = "" + ServerLimits.DEFAULT_MAX_ENVS,
            description = "envs (sub-envs counted one by one) all clients may hold together (default ${DEFAULT-VALUE})")
    private int maxEnvs;

    @Option(names = "--max-envs-per-hello", paramLabel = "N", defaultValue = "" + ServerLimits.DEFAULT_MAX_ENVS_PER_HELLO,
            description = "the largest vector env one client may ask for (default ${DEFAULT-VALUE})")
    private int maxEnvsPerHello;

    @Option(names = "--max-seed-bytes", paramLabel = "BYTES", defaultValue = "" + ServerLimits.DEFAULT_MAX_SEED_BYTES,
            description = "the largest reset seed, in bytes (default ${DEFAULT-VALUE})")
    private int maxSeedBytes;

    @Option(names = "--max-id-length", paramLabel = "N", defaultValue = "" + ServerLimits.DEFAULT_MAX_ID_LENGTH,
            description = "the longest env id a client may name, in characters (default ${DEFAULT-VALUE})")
    private int maxIdLength;

    @Option(names = "--max-kwargs-bytes", paramLabel = "BYTES", defaultValue = "" + ServerLimits.DEFAULT_MAX_KWARGS_BYTES,
            description = "the largest kwargs (and reset options) of a request, encoded (default ${DEFAULT-VALUE})")
    private int maxKwargsBytes;

    @Option(names = "--max-tensor-elements", paramLabel = "N", defaultValue = "" + ServerLimits.DEFAULT_MAX_TENSOR_ELEMENTS,
            description = "the most elements one tensor of a request may have (default ${DEFAULT-VALUE})")
    private long maxTensorElements;

    @Option(names = "--evict-after", paramLabel = "S", defaultValue = "2",
            description = "at a client limit, a new client takes the slot of the client silent the longest if it has been "
                    + "silent this many seconds (default ${DEFAULT-VALUE})")
    private double evictAfterSeconds;

    @Option(names = "--heartbeat", paramLabel = "S", defaultValue = "5",
            description = "seconds between ZeroMQ heartbeats; a client silent on the wire for 6 of them is dropped; 0 = off "
                    + "(default ${DEFAULT-VALUE})")
    private double heartbeatSeconds;

    @Option(names = "--workers", paramLabel = "N", description = "threads serving requests, one client's requests at a time "
            + "each (default: twice the processors, at least 8)")
    private Integer workers;

    @Option(names = "--quiet", description = "do not log clients that connect and disconnect")
    private boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        Gym.spec(envId); // fail fast, with suggestions, on an unknown id
        if (numEnvs < 0) {
            throw new CliException("--num-envs must be >= 0, got " + numEnvs);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerOptions options;
        try {
            ServerLimits limits = ServerLimits.defaults().withMaxClientsPerPeer(maxClientsPerPeer).withMaxEnvs(maxEnvs)
                    .withMaxEnvsPerHello(maxEnvsPerHello).withMaxSeedBytes(maxSeedBytes).withMaxIdLength(maxIdLength)
                    .withMaxKwargsBytes(maxKwargsBytes).withMaxTensorElements(maxTensorElements)
                    .withEvictAfter(seconds("--evict-after", evictAfterSeconds, true))
                    .withHeartbeat(seconds("--heartbeat", heartbeatSeconds, true))
                    .withWorkers(workers == null ? ServerLimits.defaultWorkers() : workers);
            options = ServerOptions.defaults(envId).withBind(bind).withNumEnvs(numEnvs)
                    .withIdleTimeout(seconds("--idle-timeout", idleSeconds, false)).withMaxMessageSize(maxMessageSize)
                    .withMaxClients(maxClients).withLimits(limits)
                    .withEvents(quiet ? line -> { } : line -> {
                        out.println(line);
                        out.flush();
                    })
                    .withCurveSecretKey(curveSecretKey == null ? null : Curve.readSecretKey(curveSecretKey));
        } catch (IllegalArgumentException e) {
            throw new CliException(optionName(e.getMessage()));
        }
        // An Error outside the server's request boundary (a ZeroMQ I/O thread, say) is fatal: say so and exit non-zero.
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> fatal(err, "thread " + t.getName() + " failed: " + e));
        EnvServer server = EnvServer.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        if (curveSecretKey == null && !isLocal(server.endpoint())) {
            err.println("gym4j serve: warning: " + server.endpoint() + " is reachable from other machines and CURVE is off: anyone "
                    + "who can connect can use the envs (see --curve-secret-key in bridge/PROTOCOL.md)");
            err.flush();
        }
        out.println("serving " + envId + (numEnvs > 0 ? " x" + numEnvs : "") + " on " + server.endpoint());
        out.flush();
        server.awaitTermination();
        if (server.failure() != null) {
            throw new CliException("fatal: the server stopped: " + server.failure());
        }
        return 0;
    }

    private static void fatal(PrintWriter err, String message) {
        try {
            err.println("gym4j serve: fatal: " + Gym4jCommand.oneLine(message));
            err.flush();
        } finally {
            Runtime.getRuntime().halt(Gym4jCommand.ERROR);
        }
    }

    /** @return a duration of a finite, in-range number of seconds, else a one-line error naming the option */
    private static Duration seconds(String option, double s, boolean zeroAllowed) {
        if (Double.isNaN(s) || Double.isInfinite(s) || s < 0 || (!zeroAllowed && s == 0)) {
            throw new CliException(option + " must be a " + (zeroAllowed ? "non-negative" : "positive") + " number of seconds, got " + s);
        }
        if (s > ServerOptions.MAX_IDLE_TIMEOUT.toSeconds()) {
            throw new CliException(option + " must be at most " + ServerOptions.MAX_IDLE_TIMEOUT.toSeconds() + " seconds, got " + s);
        }
        long ms = Math.round(s * 1000);
        if (!zeroAllowed && ms == 0) {
            throw new CliException(option + " must be at least 0.001 seconds, got " + s);
        }
        return Duration.ofMillis(ms);
    }

    /** Maps a ServerOptions/ServerLimits message to the command line's option names. */
    private static String optionName(String message) {
        String[][] names = {{"maxMessageSize", "--max-message-size"}, {"maxClientsPerPeer", "--max-clients-per-peer"},
            {"maxClients", "--max-clients"}, {"maxEnvsPerHello", "--max-envs-per-hello"}, {"maxEnvs", "--max-envs"},
            {"maxSeedBytes", "--max-seed-bytes"}, {"maxIdLength", "--max-id-length"}, {"maxKwargsBytes", "--max-kwargs-bytes"},
            {"maxTensorElements", "--max-tensor-elements"}, {"evictAfter", "--evict-after"}, {"heartbeat", "--heartbeat"},
            {"workers", "--workers"}, {"idleTimeout", "--idle-timeout"}, {"numEnvs", "--num-envs"}};
        for (String[] n : names) {
            if (message.startsWith(n[0] + " ")) {
                return n[1] + message.substring(n[0].length());
            }
        }
        return message;
    }

    /** @return whether the endpoint is reachable from this machine only (loopback, ipc, inproc) */
    static boolean isLocal(String endpoint) {
        if (!endpoint.startsWith("tcp://")) {
            return true;
        }
        String host = endpoint.substring("tcp://".length());
        int colon = host.lastIndexOf(':');
        host = colon >= 0 ? host.substring(0, colon) : host;
        host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (host.equals("localhost") || host.equals("::1") || host.startsWith("127.")) {
            return true;
        }
        return false;
    }
}
