package dev.gym4j.worker.cli;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.check.CheckReport;
import dev.gym4j.api.check.EnvChecker;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gym4j check ENV}: runs the env checker; exit status 1 if a check fails. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Runs the env checker (Gymnasium's check_env) on a new env and prints each check.",
            "Exit status: 0 all checks passed, 1 a check failed, 2 an error."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ENV", description = "a registered env id, such as CartPole-v1")
    private String envId;

    @Option(names = "--kwarg", paramLabel = "NAME=VALUE", description = "a kwarg for Gym.make, such as observation=state (repeatable)")
    private java.util.List<String> kwargs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CheckReport report;
        try (Env<?, ?> env = Gym.make(envId, KwargOptions.parse(kwargs))) {
            report = EnvChecker.check(env);
        }
        out.println(report);
        out.println(envId + ": " + (report.passed() ? "all checks passed" : "some checks FAILED"));
        out.flush();
        return report.passed() ? 0 : Gym4jCommand.CHECK_FAILED;
    }
}
