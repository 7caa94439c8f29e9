package dev.gym4j.worker.cli;

import java.io.PrintWriter;

/**
 * The entry point of {@code gym4j.jar}: runs {@link Gym4jCommand} and exits with its status
 * (0 success, 1 a check failed, 2 an error).
 */
public final class Main {

    private Main() {
    }

    /**
     * @param args the command line, for example {@code info CartPole-v1}
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int status = Gym4jCommand.run(out, err, args);
        out.flush();
        err.flush();
        System.exit(status);
    }
}
