package dev.gym4j.worker.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures what it printed. */
record Cli(int status, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Gym4jCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(status, out.toString(), err.toString());
    }

    /** @return the non-empty lines of standard output */
    java.util.List<String> lines() {
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "status " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
}
