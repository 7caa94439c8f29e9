package dev.gym4j.worker.cli;

import dev.gym4j.Gym;
import dev.gym4j.api.Env;
import dev.gym4j.api.GymException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gym4j list}: the registered ids, one per line, with their spaces. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists the registered env ids, one per line: id, observation space and action space, "
            + "separated by tabs."})
final class ListCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (String id : Gym.registry().keySet()) {
            out.println(line(id));
        }
        out.flush();
        return 0;
    }

    private static String line(String id) {
        try (Env<?, ?> env = Gym.make(id)) {
            return id + "\t" + env.observationSpace() + "\t" + env.actionSpace();
        } catch (GymException | LinkageError e) {
            return id + "\t(cannot be made: " + Gym4jCommand.oneLine(e.getMessage()) + ")";
        }
    }
}
