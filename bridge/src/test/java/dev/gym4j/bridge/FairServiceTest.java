package dev.gym4j.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's fair service with issue 16's fast path: a fast client's requests are served on the thread
 * that reads the socket, yet a client whose env step (or env construction) takes seconds never holds up
 * another client for long, on its first slow request or its later ones.
 */
class FairServiceTest {

    /** Fast clients must never wait this long while a slow one is served; the slow steps take twice as long. */
    private static final long BOUND_MILLIS = 1500;
    private static final long SLOW_MILLIS = 3000;
    private static final ClientOptions PATIENT = ClientOptions.defaults().withTimeout(Duration.ofSeconds(30));

    /** CartPole-v1, whose steps take {@code step_millis} and whose construction takes {@code make_millis}. */
    private static Env<?, ?> make(String id, Map<String, Object> kwargs) {
        Map<String, Object> rest = new HashMap<>(kwargs);
        long step = rest.containsKey("step_millis") ? ((Number) rest.remove("step_millis")).longValue() : 0;
        long make = rest.containsKey("make_millis") ? ((Number) rest.remove("make_millis")).longValue() : 0;
        sleep(make);
        Env<float[], Integer> env = Gym.make(id, rest);
        return step > 0 ? new ServerProcess.Slow<>(env, step) : env;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Connects a fast client, then starts {@code slowWork} and steps the fast client until it is done;
     * returns the fast client's slowest step in milliseconds.
     */
    private static long fastClientWhile(EnvServer server, ExecutorService exec, Callable<?> slowWork) throws Exception {
        RemoteEnv<float[], Integer> fast = RemoteEnv.connect(server.endpoint(), null, Map.of(), PATIENT);
        try {
            fast.reset(1L);
            Future<?> slow = exec.submit(slowWork);
            long slowest = 0;
            int steps = 0;
            while (!slow.isDone() || steps < 100) {
                long start = System.nanoTime();
                if (fast.step(steps & 1).terminated()) {
                    fast.reset();
                }
                slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
                steps++;
            }
            slow.get();
            assertTrue(steps > 100, "the fast client stepped " + steps + " times");
            return slowest;
        } finally {
            fast.close();
        }
    }

    @Test
    void slowStepsHoldUpOnlyTheirOwnClient() throws Exception {
        ExecutorService exec = Executors.newCachedThreadPool();
        try (EnvServer server = EnvServer.start(ServerOptions.defaults("CartPole-v1"), FairServiceTest::make)) {
            RemoteEnv<float[], Integer> slow = RemoteEnv.connect(server.endpoint(), null, Map.of("step_millis", SLOW_MILLIS), PATIENT);
            try {
                assertEquals(4, slow.reset(0L).observation().length);
                // Its first slow step runs where fast requests run (nothing told the server it was slow), its
                // second one where slow clients' requests run: neither may stall the fast client.
                long slowest = fastClientWhile(server, exec, () -> {
                    for (int i = 0; i < 2; i++) {
                        long start = System.nanoTime();
                        assertEquals(1.0, slow.step(1).reward());
                        long millis = (System.nanoTime() - start) / 1_000_000;
                        assertTrue(millis >= SLOW_MILLIS - 100, "a slow step took " + millis + " ms");
                    }
                    return null;
                });
                assertTrue(slowest < BOUND_MILLIS, "the fast client waited " + slowest + " ms for a step");
                // Both still served, in order, by the same env.
                assertEquals(4, slow.reset(2L).observation().length);
            } finally {
                slow.close();
            }
        } finally {
            exec.shutdownNow();
        }
    }

    @Test
    void aSlowEnvConstructionAndManySlowClientsHoldUpNoFastOne() throws Exception {
        ExecutorService exec = Executors.newCachedThreadPool();
        try (EnvServer server = EnvServer.start(ServerOptions.defaults("CartPole-v1"), FairServiceTest::make)) {
            long slowest = fastClientWhile(server, exec, () -> {
                // One slow Hello, then several clients whose first steps are all slow at once.
                RemoteEnv<float[], Integer> first = RemoteEnv.connect(server.endpoint(), null, Map.of("make_millis", SLOW_MILLIS), PATIENT);
                first.close();
                var clients = new java.util.ArrayList<Future<Double>>();
                for (int i = 0; i < 4; i++) {
                    clients.add(exec.submit(() -> {
                        RemoteEnv<float[], Integer> c = RemoteEnv.connect(server.endpoint(), null, Map.of("step_millis", SLOW_MILLIS / 2), PATIENT);
                        try {
                            c.reset(0L);
                            return c.step(0).reward();
                        } finally {
                            c.close();
                        }
                    }));
                }
                for (Future<Double> f : clients) {
                    assertEquals(1.0, f.get());
                }
                return null;
            });
            assertTrue(slowest < BOUND_MILLIS, "the fast client waited " + slowest + " ms for a step");
        } finally {
            exec.shutdownNow();
            assertTrue(exec.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void closingTheServerDuringASlowStepReturns() throws Exception {
        EnvServer server = EnvServer.start(ServerOptions.defaults("CartPole-v1"), FairServiceTest::make);
        RemoteEnv<float[], Integer> slow = RemoteEnv.connect(server.endpoint(), null, Map.of("step_millis", 1000L),
                ClientOptions.defaults().withTimeout(Duration.ofSeconds(5)));
        ExecutorService exec = Executors.newSingleThreadExecutor();
        try {
            slow.reset(0L);
            Future<?> step = exec.submit(() -> slow.step(0));
            Thread.sleep(200); // the step is running and the sockets were taken over
            long start = System.nanoTime();
            server.close();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 8000, "close took " + millis + " ms");
            try {
                step.get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException expected) {
                // the reply may or may not have left before the sockets closed
            }
            // The address is free again: a new server binds it.
            try (EnvServer again = EnvServer.start(ServerOptions.defaults("CartPole-v1").withBind(server.endpoint()))) {
                assertEquals(server.endpoint(), again.endpoint());
            }
        } finally {
            slow.close();
            exec.shutdownNow();
        }
    }
}
