package dev.gym4j.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gym4j.api.random.Generator;
import dev.gym4j.api.spaces.Discrete;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A policy endpoint as SageMaker's inference containers define it, on the JDK's HTTP server
 * ({@code com.sun.net.httpserver}):
 *
 * <ul>
 *   <li>{@code GET /ping}: {@code 200} with {@code {"status": "ok", ...}} once the model is loaded (the health
 *       check);</li>
 *   <li>{@code POST /invocations} with a JSON body: observations in, actions out. The body is
 *       {@code {"observations": [obs, ...]}} (or {@code "instances"}, or a bare JSON array of observations), or
 *       {@code {"observation": obs}} for one; an observation is a number (Discrete) or a (nested) array of
 *       numbers in the space's shape. Optional keys: {@code "deterministic"} (true by default, or as the server
 *       was configured) and {@code "seed"} (sample with {@code Generator.fromSeed(seed)} for reproducible
 *       answers). The answer is {@code {"actions": [...], "log_probs": [...], "values": [...]}} ({@code action},
 *       {@code log_prob}, {@code value} for a single observation); a Discrete action is an integer, others are
 *       lists. {@code log_probs} and {@code values} are present when the policy gives them.</li>
 * </ul>
 *
 * <p>Bad requests are answered {@code 400} (bad JSON, wrong observation sizes, with a message saying what was
 * expected), {@code 404} for other paths, {@code 405} for other methods, {@code 413} for bodies over the limit
 * and {@code 415} for a content type other than JSON; every error body is {@code {"error": "..."}}. The server
 * keeps running after any of them.
 *
 * <p>Thread-safe: requests run concurrently on a small pool (the policy must be thread-safe, as
 * {@link OnnxPolicy} is; the server's own generator is used under a lock). {@link #close()} stops the server
 * but does not close the policy.
 */
public final class PolicyHttpServer implements AutoCloseable {

    /** SageMaker's limit for a real-time invocation payload: 6 MB. */
    public static final int MAX_BODY_BYTES = 6 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final Policy policy;
    private final HttpServer server;
    private final ExecutorService pool;
    private final boolean deterministicByDefault;
    private final Generator generator;
    private final AtomicLong invocations = new AtomicLong();

    private PolicyHttpServer(Policy policy, HttpServer server, ExecutorService pool, boolean deterministicByDefault,
            Generator generator) {
        this.policy = policy;
        this.server = server;
        this.pool = pool;
        this.deterministicByDefault = deterministicByDefault;
        this.generator = generator;
    }

    /**
     * Starts serving.
     *
     * @param policy the policy to serve (not closed by {@link #close()})
     * @param address where to listen, such as {@code 127.0.0.1:8080}; port 0 picks a free port
     * @param deterministicByDefault whether requests without {@code "deterministic"} get the mode (true) or a sample
     * @param seed the seed of the generator used for sampled requests without their own {@code "seed"}
     * @param threads request threads, at least 1
     * @return the running server
     * @throws UncheckedIOException if the address cannot be bound (the message names it)
     */
    public static PolicyHttpServer start(Policy policy, InetSocketAddress address, boolean deterministicByDefault,
            long seed, int threads) {
        Objects.requireNonNull(policy, "policy");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        HttpServer server;
        try {
            server = HttpServer.create(address, 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gym4j-policy-http");
            t.setDaemon(true);
            return t;
        });
        PolicyHttpServer s = new PolicyHttpServer(policy, server, pool, deterministicByDefault, Generator.fromSeed(seed));
        server.createContext("/", s::handle);
        server.setExecutor(pool);
        server.start();
        return s;
    }

    /** @return the address actually bound (with the chosen port) */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** @return the number of invocations answered with 200 so far */
    public long invocations() {
        return invocations.get();
    }

    /** Stops listening and waits up to a second for requests in flight; the policy stays open. */
    @Override
    public void close() {
        server.stop(1);
        pool.shutdown();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A request error answered with its status and message. */
    private static final class HttpError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        HttpError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                String path = exchange.getRequestURI().getPath();
                String method = exchange.getRequestMethod();
                switch (path) {
                    case "/ping" -> {
                        if (!method.equals("GET") && !method.equals("HEAD")) {
                            throw new HttpError(405, "/ping takes GET, got " + method);
                        }
                        ObjectNode body = MAPPER.createObjectNode();
                        body.put("status", "ok");
                        body.put("distribution", policy.distribution().jsonName());
                        body.put("observation_space", policy.observationSpace().toString());
                        body.put("action_space", policy.actionSpace().toString());
                        send(exchange, 200, body);
                    }
                    case "/invocations" -> {
                        if (!method.equals("POST")) {
                            throw new HttpError(405, "/invocations takes POST with a JSON body, got " + method);
                        }
                        String type = exchange.getRequestHeaders().getFirst("Content-Type");
                        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                            throw new HttpError(415, "expected Content-Type application/json, got " + type);
                        }
                        JsonNode answer = invoke(readBody(exchange.getRequestBody()));
                        invocations.incrementAndGet();
                        send(exchange, 200, answer);
                    }
                    default -> throw new HttpError(404, "no such path " + path + ": expected GET /ping or POST /invocations");
                }
            } catch (HttpError e) {
                sendError(exchange, e.status, e.getMessage());
            } catch (PolicyException | IllegalArgumentException e) {
                sendError(exchange, 400, e.getMessage());
            } catch (RuntimeException e) {
                sendError(exchange, 500, "internal error: " + e);
            }
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new HttpError(413, "the request body is over " + MAX_BODY_BYTES + " bytes");
        }
        return body;
    }

    private JsonNode invoke(byte[] body) {
        JsonNode request;
        try {
            request = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new HttpError(400, "the body is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (request == null || request.isMissingNode()) {
            throw new HttpError(400, "the body is empty: expected {\"observations\": [...]}");
        }
        boolean single = false;
        JsonNode observations;
        boolean deterministic = deterministicByDefault;
        Long seed = null;
        if (request.isArray()) {
            observations = request;
        } else if (request.isObject()) {
            if (request.has("observation")) {
                single = true;
                observations = MAPPER.createArrayNode().add(request.get("observation"));
            } else if (request.has("observations")) {
                observations = request.get("observations");
            } else if (request.has("instances")) {
                observations = request.get("instances");
            } else {
                throw new HttpError(400, "expected {\"observations\": [...]}, {\"instances\": [...]} or "
                        + "{\"observation\": ...}, got keys " + fieldNames(request));
            }
            JsonNode d = request.get("deterministic");
            if (d != null) {
                if (!d.isBoolean()) {
                    throw new HttpError(400, "\"deterministic\" must be true or false, got " + d);
                }
                deterministic = d.asBoolean();
            }
            JsonNode s = request.get("seed");
            if (s != null) {
                if (!s.canConvertToLong() || !s.isIntegralNumber() || s.asLong() < 0) {
                    throw new HttpError(400, "\"seed\" must be a non-negative integer, got " + s);
                }
                seed = s.asLong();
            }
        } else {
            throw new HttpError(400, "expected a JSON object {\"observations\": [...]}, got " + request.getNodeType()
                    .toString().toLowerCase(Locale.ROOT));
        }
        if (!observations.isArray() || observations.isEmpty()) {
            throw new HttpError(400, "\"observations\" must be a non-empty array of observations, got " + observations);
        }
        int batch = observations.size();
        float[] flat = new float[batch * policy.observationSize()];
        for (int r = 0; r < batch; r++) {
            List<Float> row = new ArrayList<>();
            flatten(observations.get(r), row, r);
            if (row.size() != policy.observationSize()) {
                throw new HttpError(400, "observation " + r + " has " + row.size() + " numbers, but "
                        + policy.observationSpace() + " takes " + policy.observationSize());
            }
            for (int j = 0; j < row.size(); j++) {
                flat[r * policy.observationSize() + j] = row.get(j);
            }
        }
        Object input = flat;
        if (policy.observationSpace() instanceof Discrete) {
            long[] ids = new long[batch];
            for (int r = 0; r < batch; r++) {
                ids[r] = (long) flat[r];
            }
            input = ids;
        }
        PolicyStep step;
        if (deterministic) {
            step = policy.actDeterministic(input, batch);
        } else if (seed != null) {
            step = policy.act(input, batch, Generator.fromSeed(seed));
        } else {
            synchronized (generator) {
                step = policy.act(input, batch, generator);
            }
        }
        return answer(step, single);
    }

    private static void flatten(JsonNode v, List<Float> out, int row) {
        if (v.isArray()) {
            for (JsonNode x : v) {
                flatten(x, out, row);
            }
        } else if (v.isNumber()) {
            out.add(v.floatValue());
        } else if (v.isBoolean()) {
            out.add(v.asBoolean() ? 1f : 0f);
        } else {
            throw new HttpError(400, "observation " + row + " holds " + v + ": expected numbers");
        }
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode answer(PolicyStep step, boolean single) {
        ObjectNode out = MAPPER.createObjectNode();
        ArrayNode actions = MAPPER.createArrayNode();
        for (int r = 0; r < step.batchSize(); r++) {
            actions.add(MAPPER.valueToTree(step.action(r)));
        }
        if (single) {
            out.set("action", actions.get(0));
        } else {
            out.set("actions", actions);
        }
        if (step.logProbs() != null) {
            putFloats(out, single ? "log_prob" : "log_probs", step.logProbs(), single);
        }
        if (step.values() != null) {
            putFloats(out, single ? "value" : "values", step.values(), single);
        }
        return out;
    }

    private static void putFloats(ObjectNode out, String key, float[] values, boolean single) {
        if (single) {
            out.put(key, values[0]);
            return;
        }
        ArrayNode a = out.putArray(key);
        for (float v : values) {
            a.add(v);
        }
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(bytes);
            }
        }
    }

    private static void sendError(HttpExchange exchange, int status, String message) throws IOException {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("error", message);
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        } catch (IOException ignored) {
            // The client went away; nothing to tell it.
        }
    }
}
