package dev.gym4j.worker.cli;

import dev.gym4j.replay.ComparisonResult;
import dev.gym4j.replay.ReplayResult;
import dev.gym4j.replay.TrajectoryComparison;
import dev.gym4j.replay.TrajectoryReplayer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gym4j replay FILE.jsonl [--out OUT.jsonl] [--env ID]}: replays recorded resets and actions. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replays the resets and actions of a trajectory file (the reference data's JSON-lines format) "
            + "and writes what gym4j produced in the same format: a header line, then per run and episode the reset, "
            + "reset_obs and steps as [action, obs, reward, terminated, truncated].",
            "With --compare, also compares the result with the file and exits with status 1 at the first difference."})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.jsonl", description = "the recorded trajectories")
    private Path file;

    @Option(names = "--out", paramLabel = "OUT.jsonl", description = "where to write (default: standard output)")
    private Path outFile;

    @Option(names = "--env", paramLabel = "ID", description = "make this env instead of the header's env_id")
    private String envId;

    @Option(names = "--compare", description = "compare the replay with FILE; report the first difference on standard error")
    private boolean compare;

    @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "0",
            description = "with --compare: 0 (the default) for bit-exact, else the allowed |difference| / max(1, |value|)")
    private double tolerance;

    @Override
    public Integer call() throws IOException {
        if (!(tolerance >= 0)) {
            throw new CliException("--tolerance must be >= 0, got " + tolerance);
        }
        if (outFile != null) {
            Path dir = outFile.toAbsolutePath().getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                throw new CliException("cannot write " + outFile + ": no such directory " + dir);
            }
            if (Files.isDirectory(outFile)) {
                throw new CliException("cannot write " + outFile + ": it is a directory");
            }
        }
        ReplayResult result;
        try (Reader in = open(file)) {
            result = TrajectoryReplayer.replay(in, envId);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (outFile == null) {
            result.writeJsonl(out);
        } else {
            try (Writer w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
                result.writeJsonl(w);
            } catch (IOException | UncheckedIOException e) {
                throw new CliException("cannot write " + outFile + ": " + e.getMessage(), e);
            }
            out.println("replayed " + result.runs().size() + " runs, " + result.episodeCount() + " episodes, "
                    + result.stepCount() + " steps of " + result.envId() + " into " + outFile);
            out.flush();
        }
        if (compare) {
            ComparisonResult comparison;
            try (Reader in = open(file)) {
                comparison = TrajectoryComparison.compare(in, result, tolerance);
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println(file + ": " + comparison);
            err.flush();
            return comparison.matches() ? 0 : Gym4jCommand.CHECK_FAILED;
        }
        return 0;
    }

    private static Reader open(Path file) {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliException("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
