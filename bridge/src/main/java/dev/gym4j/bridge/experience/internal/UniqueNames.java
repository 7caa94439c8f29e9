package dev.gym4j.bridge.experience.internal;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Names that are unique without drawing anything at random: this host's name, this process's id and a counter.
 * Two processes on one host differ in their pid, two hosts in their name, two names of one process in the
 * counter. A pid reused after a crash may repeat a name of the dead process: callers that hold a lock (the
 * directory store) treat a leftover of that name as garbage, and a Redis consumer of a reused name simply takes
 * over the dead one's pending entries, which is what it would claim anyway.
 *
 * <p>Thread-safe.
 */
final class UniqueNames {

    private static final AtomicLong COUNTER = new AtomicLong();
    private static volatile String processPart;

    private UniqueNames() {
    }

    /** @return {@code HOST-PID}, computed once */
    static String process() {
        String p = processPart;
        if (p == null) {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                host = "host";
            }
            p = host.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + ProcessHandle.current().pid();
            processPart = p;
        }
        return p;
    }

    /** @return {@code HOST-PID-N}, a new {@code N} on every call */
    static String next() {
        return process() + "-" + COUNTER.incrementAndGet();
    }
}
