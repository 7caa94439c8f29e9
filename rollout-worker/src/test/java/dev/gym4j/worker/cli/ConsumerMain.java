package dev.gym4j.worker.cli;

import dev.gym4j.bridge.experience.ExperienceSource;
import dev.gym4j.bridge.experience.ExperienceTransports;
import dev.gym4j.bridge.experience.Trajectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A trainer process for the kill tests: prints "T WORKER SEQUENCE VERSION" for each trajectory it takes, and "C"
 * after it has acknowledged a batch of them (its commit). With STALL_AFTER > 0 it prints "STALL" after that many
 * trajectories, leaving the last ones taken but unacknowledged, and waits to be killed. It ends when STOP_FILE exists
 * and nothing came for a second, acknowledging the rest and printing "END".
 *
 * <p>usage: ConsumerMain URI EXPERIMENT STALL_AFTER COMMIT_EVERY STOP_FILE
 */
public final class ConsumerMain {

    private ConsumerMain() {
    }

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        String experiment = args[1];
        int stallAfter = Integer.parseInt(args[2]);
        int commitEvery = Integer.parseInt(args[3]);
        Path stop = Path.of(args[4]);
        int taken = 0;
        long quietSince = System.nanoTime();
        List<Trajectory> batch = new ArrayList<>();
        try (ExperienceSource source = ExperienceTransports.openSource(uri, experiment)) {
            System.out.println("READY");
            while (true) {
                Optional<Trajectory> t = source.poll(Duration.ofMillis(200));
                if (t.isEmpty()) {
                    if (Files.exists(stop) && System.nanoTime() - quietSince > 1_000_000_000L) {
                        break;
                    }
                    continue;
                }
                quietSince = System.nanoTime();
                Trajectory tr = t.get();
                System.out.println("T " + tr.workerId() + " " + tr.sequence() + " " + tr.policyVersion());
                batch.add(tr);
                taken++;
                if (stallAfter > 0 && taken == stallAfter) {
                    // Let the acknowledgements of what it committed leave the process (ZeroMQ sends them from its
                    // own I/O thread) before the test kills it: a trainer killed between acknowledging and that
                    // send sees those trajectories again after a restart (at-least-once; a trainer's checkpoint is
                    // where it would remember them). The test is about what was taken and not acknowledged.
                    Thread.sleep(500);
                    System.out.println("STALL");
                    System.out.flush();
                    Thread.sleep(Long.MAX_VALUE);
                }
                if (batch.size() >= commitEvery) {
                    for (Trajectory b : batch) {
                        source.acknowledge(b);
                    }
                    batch.clear();
                    System.out.println("C");
                }
            }
            for (Trajectory b : batch) {
                source.acknowledge(b);
            }
            System.out.println("C");
            System.out.println("END");
        }
    }
}
