package dev.gym4j.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.spaces.Discrete;
import dev.gym4j.api.spaces.Space;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SageMaker-style endpoint, through a real HTTP client (java.net.http). */
class PolicyHttpServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static OnnxPolicy policy;
    private static PolicyHttpServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        Space<?> obs;
        try (Env<?, ?> env = Gym.make("CartPole-v1")) {
            obs = env.observationSpace();
        }
        policy = OnnxPolicy.fromFile(PythonModels.model("cartpole"), obs, new Discrete(2));
        server = PolicyHttpServer.start(policy, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), true, 0, 2);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (policy != null) {
            policy.close();
        }
    }

    private static HttpResponse<String> post(String path, String body, String contentType) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    }

    @Test
    void pingAnswers200() throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(uri("/ping")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("ok", JSON.readTree(r.body()).get("status").asText());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void invocationsAnswerTheActionsOfPythonOnnxruntime() throws Exception {
        JsonNode ref = PythonModels.reference().get("cartpole");
        String body = "{\"observations\": " + ref.get("obs") + "}";
        HttpResponse<String> r = post("/invocations", body, "application/json");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = JSON.readTree(r.body());
        assertEquals(ref.get("det"), answer.get("actions"));
        assertEquals(37, answer.get("values").size());
        assertEquals(37, answer.get("log_probs").size());

        // Sampled with a seed: NumPy's draws, as the reference sampled them.
        HttpResponse<String> s = post("/invocations", "{\"deterministic\": false, \"seed\": 123, \"observations\": "
                + ref.get("obs") + "}", "application/json");
        assertEquals(ref.get("sampled"), JSON.readTree(s.body()).get("actions"), s.body());

        // One observation, and a bare array of observations.
        HttpResponse<String> one = post("/invocations", "{\"observation\": " + ref.get("obs").get(0) + "}", null);
        assertEquals(ref.get("det").get(0), JSON.readTree(one.body()).get("action"), one.body());
        HttpResponse<String> bare = post("/invocations", ref.get("obs").toString(), "application/json; charset=utf-8");
        assertEquals(ref.get("det"), JSON.readTree(bare.body()).get("actions"), bare.body());
    }

    @Test
    void badRequestsGetA4xxWithAClearMessageAndTheServerCarriesOn() throws Exception {
        assertError(post("/invocations", "{\"observations\": [[1, 2, 3, 4]", "application/json"), 400,
                "the body is not valid JSON");
        assertError(post("/invocations", "{\"observations\": [[1, 2, 3]]}", "application/json"), 400,
                "observation 0 has 3 numbers, but Box(");
        assertError(post("/invocations", "{\"observations\": [[1, 2, \"x\", 4]]}", "application/json"), 400,
                "observation 0 holds \"x\": expected numbers");
        assertError(post("/invocations", "{\"obs\": []}", "application/json"), 400, "got keys [obs]");
        assertError(post("/invocations", "{\"observations\": []}", "application/json"), 400, "non-empty array");
        assertError(post("/invocations", "", "application/json"), 400, "the body is empty");
        assertError(post("/invocations", "1,2", "text/csv"), 415, "expected Content-Type application/json");
        assertError(post("/predict", "{}", "application/json"), 404, "expected GET /ping or POST /invocations");
        assertError(CLIENT.send(HttpRequest.newBuilder(uri("/invocations")).GET().build(),
                HttpResponse.BodyHandlers.ofString()), 405, "/invocations takes POST");
        assertEquals(200, post("/invocations", "{\"observation\": [0, 0, 0, 0]}", "application/json").statusCode());
    }

    private static void assertError(HttpResponse<String> r, int status, String part) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        String message = JSON.readTree(r.body()).get("error").asText();
        assertTrue(message.contains(part), message);
    }
}
