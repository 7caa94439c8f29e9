package dev.gym4j.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Nothing lost, nothing duplicated, with real processes killed by real signals: {@code gym4j worker}s ship to a
 * trainer process that is SIGKILLed while it holds unacknowledged trajectories and replaced by another; a worker is
 * SIGKILLed mid-run. Counted by (worker, sequence): the trajectories the trainers committed are exactly those the
 * workers shipped.
 */
class WorkerKillTest {

    @TempDir
    Path tmp;

    /** What one trainer process printed: committed keys (before its last "C") and the ones after. */
    record Run(List<String> committed, List<String> uncommitted) {
        static Run of(List<String> lines) {
            List<String> committed = new ArrayList<>();
            List<String> pending = new ArrayList<>();
            synchronized (lines) {
                for (String l : lines) {
                    if (l.startsWith("T ")) {
                        String[] f = l.split(" ");
                        pending.add(f[1] + "#" + f[2]);
                    } else if (l.equals("C")) {
                        committed.addAll(pending);
                        pending.clear();
                    }
                }
            }
            return new Run(committed, pending);
        }
    }

    private static Set<String> expected(String worker, long shipped) {
        Set<String> s = new HashSet<>();
        for (long i = 0; i < shipped; i++) {
            s.add(worker + "#" + i);
        }
        return s;
    }

    private static void noDuplicates(List<String> keys, String what) {
        Set<String> s = new HashSet<>();
        for (String k : keys) {
            assertTrue(s.add(k), what + ": " + k + " twice");
        }
    }

    private WorkerProcesses.Child worker(String uri, String exp, String id, int fragments) throws Exception {
        return WorkerProcesses.gym4j("worker", "CartPole-v1", "--experience", uri, "--experiment", exp,
                "--worker-id", id, "--num-envs", "2", "--fragment-length", "16", "--max-fragments",
                Integer.toString(fragments), "--seed", "7", "--metrics-interval", "60");
    }

    private void killedTrainerIsReplaced(String sourceUri1, String sourceUri2, String workerUri, String exp,
            boolean killAWorker) throws Exception {
        Path stop = tmp.resolve("stop");
        try (WorkerProcesses.Child c1 = WorkerProcesses.javaMain(ConsumerMain.class, sourceUri1, exp, "40", "8",
                stop.toString())) {
            c1.await("READY", 60);
            try (WorkerProcesses.Child w1 = worker(workerUri, exp, "w1", 60);
                    WorkerProcesses.Child w2 = worker(workerUri, exp, "w2", killAWorker ? 100_000 : 60)) {
                c1.await("STALL", 120);
                c1.kill(); // SIGKILL with up to 7 taken and not acknowledged
                Run r1 = Run.of(c1.all);
                assertFalse(r1.uncommitted().isEmpty());
                try (WorkerProcesses.Child c2 = WorkerProcesses.javaMain(ConsumerMain.class, sourceUri2, exp, "0",
                        "8", stop.toString())) {
                    c2.await("READY", 60);
                    long shipped2 = -1;
                    if (killAWorker) {
                        Thread.sleep(1_500);
                        w2.kill(); // SIGKILL: what it had not handed to Redis dies with it
                    }
                    assertEquals(0, w1.exitValue(300), "w1 exit status: " + w1.all);
                    long shipped1 = WorkerEndToEndTest.shipped(w1.all);
                    if (!killAWorker) {
                        assertEquals(0, w2.exitValue(300), "w2 exit status: " + w2.all);
                        shipped2 = WorkerEndToEndTest.shipped(w2.all);
                    }
                    Files.writeString(stop, "");
                    c2.await("END", 120);
                    c2.exitValue(30);
                    Run r2 = Run.of(c2.all);
                    noDuplicates(r1.committed(), "first trainer");
                    noDuplicates(r2.committed(), "second trainer");
                    Set<String> all = new HashSet<>(r1.committed());
                    for (String k : r2.committed()) {
                        assertTrue(all.add(k), k + " committed by both trainers");
                    }
                    assertTrue(r2.committed().containsAll(r1.uncommitted()),
                            "what the killed trainer held unacknowledged came again");
                    Set<String> w1keys = new HashSet<>();
                    Set<String> w2keys = new HashSet<>();
                    for (String k : all) {
                        (k.startsWith("w1#") ? w1keys : w2keys).add(k);
                    }
                    assertEquals(expected("w1", shipped1), w1keys, "w1: 0 lost, 0 duplicated");
                    if (killAWorker) {
                        // the killed worker: every sequence up to the last one Redis took, none twice
                        assertEquals(expected("w2", w2keys.size()), w2keys, "w2: contiguous from 0");
                    } else {
                        assertEquals(expected("w2", shipped2), w2keys, "w2: 0 lost, 0 duplicated");
                    }
                    System.out.println(exp + ": w1 shipped " + shipped1 + ", w2 " + (killAWorker ? "SIGKILLed after "
                            + w2keys.size() + " reached Redis" : "shipped " + shipped2) + "; trainer 1 committed "
                            + r1.committed().size() + " and was SIGKILLed holding " + r1.uncommitted().size()
                            + " unacknowledged; trainer 2 committed " + r2.committed().size() + "; lost 0, duplicated 0");
                }
            }
        }
    }

    @Test
    void redisTrainerKilledAndReplacedAndAWorkerKilled() throws Exception {
        String exp = "kill-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        String base = "redis://127.0.0.1:6379/" + exp;
        try {
            // The second trainer has another consumer name: it claims the first one's pending entries (XAUTOCLAIM).
            killedTrainerIsReplaced(base + "?consumer=t1", base + "?consumer=t2&claim-idle-ms=500", base, exp, true);
        } finally {
            try (Jedis j = new Jedis("127.0.0.1", 6379)) {
                for (String k : j.keys("gym4j:" + exp + ":*")) {
                    j.del(k);
                }
            }
        }
    }

    @Test
    void zmqTrainerKilledAndRestarted() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String uri = "zmq://127.0.0.1:" + port;
        killedTrainerIsReplaced(uri, uri, uri, "zkill", false);
    }
}
