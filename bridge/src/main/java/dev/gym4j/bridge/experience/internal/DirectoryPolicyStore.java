package dev.gym4j.bridge.experience.internal;

import dev.gym4j.bridge.ExperienceCodec;
import dev.gym4j.bridge.experience.ExperienceException;
import dev.gym4j.bridge.experience.PolicyStore;
import dev.gym4j.bridge.experience.PolicyVersion;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Policies in a directory (a shared file system, {@code /opt/ml/checkpoints}):
 * {@code ROOT/EXPERIMENT/v000000000007/} holds {@code policy.onnx}, {@code policy.json} (the metadata) and
 * {@code policy.pb} (the whole {@code PolicyVersion} message). A version is written into a temporary directory
 * that is then renamed into place, and only then is the index {@code ROOT/EXPERIMENT/LATEST} (the number, one line)
 * replaced by an atomic rename: a reader that follows the index never sees a torn policy. Publishers on any
 * number of processes are serialized by a lock on {@code ROOT/EXPERIMENT/.lock}. The last {@code keep} versions
 * are kept (default 5).
 *
 * <p>Thread-safe.
 */
public final class DirectoryPolicyStore implements PolicyStore {

    private final Path root;
    private final int keep;

    /**
     * @param root the directory (created if missing)
     * @param keep how many versions to keep, {@code >= 1}
     */
    public DirectoryPolicyStore(Path root, int keep) {
        this.root = root;
        this.keep = Math.max(1, keep);
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new ExperienceException("cannot create the policy directory " + root + ": " + e);
        }
    }

    private Path dir(String experiment) {
        if (experiment.isEmpty() || experiment.contains("/") || experiment.contains("\\") || experiment.startsWith(".")) {
            throw new IllegalArgumentException("experiment '" + experiment + "' cannot name a directory");
        }
        return root.resolve(experiment);
    }

    private static String versionName(long v) {
        return String.format("v%012d", v);
    }

    @SuppressWarnings("try") // the FileLock is held for the block, never read
    @Override
    public void publish(PolicyVersion policy) {
        Path dir = dir(policy.experiment());
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
                synchronized (this) {
                    long current = readNumber(dir.resolve("LATEST"));
                    if (policy.version() <= current) {
                        throw new ExperienceException("policy version " + policy.version() + " of experiment '"
                                + policy.experiment() + "' is not newer than the latest, " + current);
                    }
                    Path tmp = temporary(dir, versionName(policy.version()));
                    Files.createDirectories(tmp);
                    write(tmp.resolve("policy.onnx"), policy.model());
                    write(tmp.resolve("policy.json"), policy.metadataJson().getBytes(StandardCharsets.UTF_8));
                    write(tmp.resolve("policy.pb"), ExperienceCodec.encode(policy));
                    Path target = dir.resolve(versionName(policy.version()));
                    if (Files.exists(target)) {
                        deleteTree(target); // a leftover of a publisher that died before writing the index
                    }
                    move(tmp, target);
                    Path index = temporary(dir, "LATEST");
                    write(index, (policy.version() + "\n").getBytes(StandardCharsets.US_ASCII));
                    move(index, dir.resolve("LATEST"));
                    prune(dir, policy.version());
                }
            }
        } catch (IOException e) {
            throw new ExperienceException("cannot publish policy " + policy.experiment() + " v" + policy.version()
                    + " to " + dir + ": " + e);
        }
    }

    /**
     * A fresh temporary path in {@code dir}, named after this host, process and a counter. Called with the lock
     * held, so anything already there is the leftover of a dead publisher whose pid this process reuses.
     */
    private static Path temporary(Path dir, String what) throws IOException {
        Path p = dir.resolve(".tmp-" + what + "-" + UniqueNames.next());
        if (Files.exists(p)) {
            deleteTree(p);
        }
        return p;
    }

    private void prune(Path dir, long latest) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (n.matches("v\\d{12}") && Long.parseLong(n.substring(1)) <= latest - keep) {
                    deleteTree(p);
                }
            }
        }
    }

    private static void write(Path p, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to + " cannot rename atomically", e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(q);
            }
        }
    }

    private static long readNumber(Path p) throws IOException {
        try {
            String s = Files.readString(p, StandardCharsets.US_ASCII).trim();
            return s.isEmpty() ? 0 : Long.parseLong(s);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (NumberFormatException e) {
            throw new ExperienceException("the policy index " + p + " does not hold a version number");
        }
    }

    @Override
    public Optional<PolicyVersion> latest(String experiment) {
        Path dir = dir(experiment);
        for (int attempt = 0; ; attempt++) {
            try {
                long n = readNumber(dir.resolve("LATEST"));
                if (n == 0) {
                    return Optional.empty();
                }
                return Optional.of(ExperienceCodec.decodePolicyVersion(
                        Files.readAllBytes(dir.resolve(versionName(n)).resolve("policy.pb"))));
            } catch (NoSuchFileException e) {
                if (attempt >= 3) {
                    throw new ExperienceException("the policy index of " + dir + " names a version that is missing: "
                            + e.getMessage());
                }
                // pruned under our feet by a publisher: read the index again
            } catch (IOException e) {
                throw new ExperienceException("cannot read the latest policy of " + dir + ": " + e);
            }
        }
    }

    @Override
    public Optional<PolicyVersion> awaitNewer(String experiment, long afterVersion, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path index = dir(experiment).resolve("LATEST");
        while (true) {
            long n;
            try {
                n = readNumber(index);
            } catch (IOException e) {
                throw new ExperienceException("cannot read the policy index " + index + ": " + e);
            }
            if (n > afterVersion) {
                Optional<PolicyVersion> p = latest(experiment);
                if (p.isPresent() && p.get().version() > afterVersion) {
                    return p;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            Thread.sleep(Math.max(1, Math.min(100, left / 1_000_000)));
        }
    }

    @SuppressWarnings("try") // the FileLock is held for the block, never read
    @Override
    public synchronized void setMinimumVersion(String experiment, long version) {
        Path dir = dir(experiment);
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
                if (version <= readNumber(dir.resolve("MINIMUM"))) {
                    return;
                }
                Path tmp = temporary(dir, "MINIMUM");
                write(tmp, (version + "\n").getBytes(StandardCharsets.US_ASCII));
                move(tmp, dir.resolve("MINIMUM"));
            }
        } catch (FileAlreadyExistsException e) {
            throw new ExperienceException("cannot set the minimum policy version in " + dir + ": " + e);
        } catch (IOException e) {
            throw new ExperienceException("cannot set the minimum policy version in " + dir + ": " + e);
        }
    }

    @Override
    public long minimumVersion(String experiment) {
        try {
            return readNumber(dir(experiment).resolve("MINIMUM"));
        } catch (IOException e) {
            throw new ExperienceException("cannot read the minimum policy version of " + dir(experiment) + ": " + e);
        }
    }

    @Override
    public void close() {
        // nothing held open
    }
}
