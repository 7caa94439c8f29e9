package dev.gym4j.worker.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.gym4j.bridge.proto.DType;
import dev.gym4j.bridge.proto.Hello;
import dev.gym4j.bridge.proto.Render;
import dev.gym4j.bridge.proto.Request;
import dev.gym4j.bridge.proto.Reset;
import dev.gym4j.bridge.proto.Response;
import dev.gym4j.bridge.proto.Seed;
import dev.gym4j.bridge.proto.Step;
import dev.gym4j.bridge.proto.Tensor;
import dev.gym4j.bridge.proto.Value;
import dev.gym4j.bridge.proto.ValueEntry;
import dev.gym4j.bridge.proto.ValueList;
import dev.gym4j.bridge.proto.ValueMap;
import dev.gym4j.bridge.proto.VectorReset;
import dev.gym4j.bridge.proto.VectorStep;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Fuzzes a real {@code gym4j serve} process (256 MiB heap) with random and mutated requests from 8
 * clients at once, while a well-behaved client steps CartPole: the server must answer or drop every
 * request, never exit, never keep the well-behaved client waiting 3 s, and keep its memory bounded.
 *
 * <p>{@code -Dgym4j.fuzz.requests=N} sets the number of requests (10,000 by default, the CI run;
 * {@code bridge/fuzz/run.sh} runs 100,000) and {@code -Dgym4j.fuzz.seed=S} the seed.
 */
class ServeFuzzTest {

    private static final String[] IDS = {"", "CartPole-v1", "Pendulum-v1", "MountainCar-v0", "Acrobot-v1", "CartPole-v0",
        "FrozenLake-v1", "LunarLander-v3", "Nope-v0", "cartpole", "CartPole-v1\0", "Cart\u00e9Pole-v1", "x".repeat(300)};

    private final Random random = new Random(Long.getLong("gym4j.fuzz.seed", 17));
    private final Map<String, Integer> counts = new TreeMap<>();

    @Test
    void theServerSurvivesRandomAndMutatedRequests() throws Exception {
        int total = Integer.getInteger("gym4j.fuzz.requests", 10_000);
        int clients = 8;
        try (ServeProcess server = ServeProcess.start("--quiet", "--max-message-size", "" + (8 << 20));
                ZContext ctx = new ZContext(1)) {
            ServeProcess.SteadyClient steady = new ServeProcess.SteadyClient(server.endpoint);
            long warm = System.nanoTime();
            while (steady.calls() < 10 && System.nanoTime() - warm < 60_000_000_000L) {
                Thread.sleep(10);
            }
            ZMQ.Socket[] sockets = new ZMQ.Socket[clients];
            long t0 = System.nanoTime();
            try {
                for (int i = 0; i < clients; i++) {
                    sockets[i] = ServeProcess.answering(ctx, server.endpoint, 10_000);
                }
                // Rounds: one request on each client's socket, then each reply (the server serves the 8 in parallel).
                for (int n = 0; n < total; n += clients) {
                    int inRound = Math.min(clients, total - n);
                    for (int k = 0; k < inRound; k++) {
                        sockets[k].send(message(), 0);
                    }
                    for (int k = 0; k < inRound; k++) {
                        sockets[k].setReceiveTimeOut(10_000);
                        byte[] reply = sockets[k].recv(0);
                        if (reply == null) {
                            count("no reply (socket replaced)");
                            sockets[k].close();
                            sockets[k] = ServeProcess.dealer(ctx, server.endpoint);
                        } else {
                            Response r = Response.parseFrom(reply);
                            count(r.hasError() ? "error " + r.getError().getCode().name().replace("ERROR_CODE_", "") : "reply " + r.getBodyCase());
                            assertTrue(reply.length < (1 << 20) || r.hasRender() || r.hasVectorReset() || r.hasVectorStep(),
                                    "a reply of " + reply.length + " bytes to a fuzzed request: " + r.getBodyCase());
                        }
                    }
                    if (n % 10_000 < clients) {
                        assertTrue(server.alive(), "the server runs after " + n + " requests: " + server.output());
                    }
                }
                double slowest = steady.stop();
                double seconds = (System.nanoTime() - t0) / 1e9;
                long rss = server.peakRssKib();
                System.out.printf("fuzzed %d requests in %.1f s from %d clients; the well-behaved client made %d calls, slowest %.3f s;"
                        + " server peak RSS (VmHWM) %d KiB; outcomes %s%n", total, seconds, clients, steady.calls(), slowest, rss, counts);
                assertTrue(slowest < 3.0, "the well-behaved client waited " + slowest + " s");
                assertTrue(server.alive(), "the server runs: " + server.output());
                assertTrue(server.freshClientSeconds() < 3.0);
                assertTrue(rss < 0 || rss < 1_000_000, "peak RSS " + rss + " KiB");
            } finally {
                steady.close();
            }
        }
    }

    private void count(String what) {
        counts.merge(what, 1, Integer::sum);
    }

    // ------------------------------------------------------------------ requests

    private byte[] message() {
        int kind = random.nextInt(10);
        if (kind == 0) {
            byte[] garbage = new byte[random.nextInt(random.nextBoolean() ? 16 : 4096)];
            random.nextBytes(garbage);
            return garbage;
        }
        byte[] valid = request().toByteArray();
        if (kind <= 3 && valid.length > 0) {
            return mutate(valid);
        }
        return valid;
    }

    private byte[] mutate(byte[] b) {
        switch (random.nextInt(4)) {
            case 0:
                return java.util.Arrays.copyOf(b, random.nextInt(b.length));
            case 1: {
                byte[] c = b.clone();
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    c[random.nextInt(c.length)] ^= (byte) (1 << random.nextInt(8));
                }
                return c;
            }
            case 2: {
                byte[] c = b.clone();
                c[random.nextInt(c.length)] = (byte) random.nextInt(256);
                return c;
            }
            default: {
                int at = random.nextInt(b.length + 1);
                byte[] extra = new byte[1 + random.nextInt(16)];
                random.nextBytes(extra);
                byte[] c = new byte[b.length + extra.length];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(extra, 0, c, at, extra.length);
                System.arraycopy(b, at, c, at + extra.length, b.length - at);
                return c;
            }
        }
    }

    private Request request() {
        Request.Builder r = Request.newBuilder().setId(random.nextInt(3) == 0 ? random.nextLong() : 1 + random.nextInt(1000));
        switch (random.nextInt(9)) {
            case 0: {
                Hello.Builder h = Hello.newBuilder().setProtocolVersion(random.nextInt(8) == 0 ? random.nextInt() : 1)
                        .setEnvId(IDS[random.nextInt(IDS.length)]).setClientName("fuzz");
                int n = random.nextInt(10);
                h.setNumEnvs(n < 6 ? 0 : n == 6 ? 1 + random.nextInt(8) : n == 7 ? random.nextInt() : 1 + random.nextInt(1100));
                if (random.nextBoolean()) {
                    h.setKwargs(map(2));
                }
                return r.setHello(h).build();
            }
            case 1:
            case 2: {
                Reset.Builder reset = Reset.newBuilder();
                if (random.nextBoolean()) {
                    reset.setSeed(seed());
                }
                if (random.nextInt(4) == 0) {
                    reset.setOptions(map(2));
                }
                return r.setReset(reset).build();
            }
            case 3:
            case 4:
                return r.setStep(Step.newBuilder().setAction(action())).build();
            case 5: {
                VectorReset.Builder v = VectorReset.newBuilder();
                if (random.nextBoolean()) {
                    v.setSeed(seed());
                }
                if (random.nextInt(4) == 0) {
                    v.addSeeds(seed());
                }
                if (random.nextInt(3) == 0) {
                    v.setOptions(ValueMap.newBuilder().addEntries(ValueEntry.newBuilder().setKey("reset_mask").setValue(tensorValue())));
                }
                return r.setVectorReset(v).build();
            }
            case 6:
                return r.setVectorStep(VectorStep.newBuilder().setActions(action())).build();
            case 7:
                return random.nextBoolean() ? r.setRender(Render.getDefaultInstance()).build()
                        : r.setPing(dev.gym4j.bridge.proto.Ping.getDefaultInstance()).build();
            default:
                return random.nextInt(4) == 0 ? r.setClose(dev.gym4j.bridge.proto.Close.getDefaultInstance()).build() : r.build();
        }
    }

    private Seed seed() {
        int size = random.nextInt(10) == 0 ? random.nextInt(8192) : random.nextInt(9);
        byte[] b = new byte[size];
        random.nextBytes(b);
        return Seed.newBuilder().setMagnitude(ByteString.copyFrom(b)).build();
    }

    private Value action() {
        switch (random.nextInt(5)) {
            case 0:
                return Value.newBuilder().setInteger(random.nextInt(5) - 1L).build();
            case 1:
                return Value.newBuilder().setFlag(random.nextBoolean()).build();
            case 2:
                return anyValue(2);
            default:
                return tensorValue();
        }
    }

    private Value tensorValue() {
        return Value.newBuilder().setTensor(tensor()).build();
    }

    private Tensor tensor() {
        DType dtype = DType.forNumber(random.nextInt(9));
        if (dtype == null) {
            dtype = DType.DTYPE_FLOAT64;
        }
        Tensor.Builder t = Tensor.newBuilder().setDtype(dtype);
        int dims = random.nextInt(4);
        long elements = 1;
        for (int i = 0; i < dims; i++) {
            long d = random.nextInt(20) == 0 ? (random.nextBoolean() ? random.nextLong() : 1L << (20 + random.nextInt(43)))
                    : random.nextInt(6);
            t.addShape(d);
            elements = d >= 0 && elements < (1 << 20) ? elements * Math.min(d, 1 << 20) : elements;
        }
        int item = dtype == DType.DTYPE_FLOAT64 || dtype == DType.DTYPE_INT64 ? 8 : dtype == DType.DTYPE_FLOAT32 || dtype == DType.DTYPE_INT32 ? 4 : 1;
        long bytes = random.nextInt(5) == 0 ? random.nextInt(64) : Math.min(elements * item, 1 << 16);
        byte[] data = new byte[(int) Math.max(0, Math.min(bytes, 1 << 16))];
        random.nextBytes(data);
        if (random.nextBoolean()) {
            for (int i = 0; i + 8 <= data.length; i += 8) {
                long v = random.nextInt(4) - 1;
                for (int k = 0; k < 8; k++) {
                    data[i + k] = (byte) (v >>> (8 * k));
                }
            }
        }
        return t.setData(ByteString.copyFrom(data)).build();
    }

    private ValueMap map(int depth) {
        ValueMap.Builder m = ValueMap.newBuilder();
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            String[] keys = {"render_mode", "max_episode_steps", "gravity", "sutton_barto_reward", "x", "", "num_envs", "goal_velocity"};
            m.addEntries(ValueEntry.newBuilder().setKey(keys[random.nextInt(keys.length)]).setValue(anyValue(depth)));
        }
        return m.build();
    }

    private Value anyValue(int depth) {
        Value.Builder v = Value.newBuilder();
        switch (random.nextInt(depth > 0 ? 9 : 7)) {
            case 0:
                return v.setInteger(random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(600) - 100).build();
            case 1:
                return v.setReal(random.nextInt(4) == 0 ? Double.NaN : random.nextGaussian() * 10).build();
            case 2:
                return v.setText(random.nextBoolean() ? "rgb_array" : "human").build();
            case 3:
                return v.setFlag(random.nextBoolean()).build();
            case 4:
                return v.setTensor(tensor()).build();
            case 5: {
                byte[] raw = new byte[random.nextInt(32)];
                random.nextBytes(raw);
                return v.setRaw(ByteString.copyFrom(raw)).build();
            }
            case 6:
                return v.build();
            case 7: {
                ValueList.Builder l = ValueList.newBuilder();
                for (int i = 0, n = random.nextInt(4); i < n; i++) {
                    l.addItems(anyValue(depth - 1));
                }
                return v.setList(l).build();
            }
            default:
                return v.setMap(map(depth - 1)).build();
        }
    }
}
