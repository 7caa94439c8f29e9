package dev.gym4j.worker.cli;

import dev.gym4j.api.GymException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code gym4j} command and the error policy shared by its subcommands: every error (an
 * unknown env, a bad file, a bad option) is one line on standard error and exit status 2; a failed
 * check is exit status 1; success is 0. Set {@code GYM4J_DEBUG=1} to get stack traces as well.
 */
@Command(name = "gym4j", mixinStandardHelpOptions = true, versionProvider = Gym4jCommand.Version.class,
        description = "Gymnasium-compatible RL environments for the JVM.",
        subcommands = {ListCommand.class, InfoCommand.class, CheckCommand.class, ReplayCommand.class,
            RolloutCommand.class, BenchCommand.class, ServeCommand.class, WorkerCommand.class, ServePolicyCommand.class,
            CommandLine.HelpCommand.class, TrainCommand.class, EvaluateCommand.class, TuneCommand.class})
final class Gym4jCommand implements Callable<Integer> {

    /** Exit status of a failed check. */
    static final int CHECK_FAILED = 1;
    /** Exit status of any error. */
    static final int ERROR = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: expected one of list, info, check, replay, rollout, bench, serve");
    }

    /**
     * Runs one command line.
     *
     * @param out where results go
     * @param err where errors go
     * @param args the arguments
     * @return the exit status
     */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err).execute(args);
    }

    /**
     * @param out where results go
     * @param err where errors go
     * @return the configured command line
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Gym4jCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println(prefix(cmd) + oneLine(ex.getMessage()) + " (see '" + cmd.getCommandSpec().qualifiedName()
                    + " --help')");
            cmd.getErr().flush();
            return ERROR;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println(prefix(cmd) + describe(ex));
            if (System.getenv("GYM4J_DEBUG") != null) {
                ex.printStackTrace(cmd.getErr());
            }
            cmd.getErr().flush();
            return ERROR;
        });
        return cli;
    }

    private static String prefix(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName() + ": ";
    }

    private static String describe(Exception ex) {
        if (ex instanceof CliException || ex instanceof GymException) {
            return oneLine(ex.getMessage());
        }
        if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            Throwable io = ex instanceof UncheckedIOException u ? u.getCause() : ex;
            if (io instanceof java.nio.charset.CharacterCodingException) {
                return "I/O error: the input is not UTF-8 text";
            }
            return "I/O error: " + oneLine(String.valueOf(io.getMessage()));
        }
        return "internal error: " + oneLine(String.valueOf(ex)) + " (set GYM4J_DEBUG=1 for the stack trace)";
    }

    /** Folds a possibly multi-line message into one line. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /** The version printed by {@code gym4j --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Gym4jCommand.class.getPackage().getImplementationVersion();
            return new String[] {"gym4j " + (v != null ? v : "(development build)")};
        }
    }
}
