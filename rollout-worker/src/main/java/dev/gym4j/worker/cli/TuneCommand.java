package dev.gym4j.worker.cli;

import dev.gym4j.Gym;
import dev.gym4j.api.random.Generator;
import dev.gym4j.replay.internal.json.Json;
import dev.gym4j.trainer.PpoConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gym4j tune ENV --param lr=1e-4:3e-3:log --trials N --parallel P}: seeded random search over
 * hyperparameters, each trial a {@code gym4j train} run in its own JVM process, ranked by the trial's final
 * evaluation (its {@code evaluation.json}).
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Seeded random search: each trial draws every --param from its range (uniform, or log-uniform with "
            + ":log; integers when both bounds are integers) and runs 'gym4j train' in a separate process with its own "
            + "output directory; the table of trials and the best configuration are printed at the end and written to "
            + "tune.json.",
            "The objective is the mean return of each trial's final evaluation (eval_episodes, default 100)."})
final class TuneCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ENV", description = "a registered env id")
    private String envId;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "KEY=VALUE", description = "fixed hyperparameters of every trial")
    private List<String> fixed = new ArrayList<>();

    @Option(names = "--param", paramLabel = "NAME=LOW:HIGH[:log]", required = true,
            description = "a hyperparameter to search, such as lr=1e-4:3e-3:log or clip=0.1:0.3")
    private List<String> params;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "8", description = "trials (default ${DEFAULT-VALUE})")
    private int trials;

    @Option(names = "--parallel", paramLabel = "P", defaultValue = "1", description = "trials at a time (default ${DEFAULT-VALUE})")
    private int parallel;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "seed of the search; every trial trains "
            + "with seed S + trial (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--steps", paramLabel = "N", description = "total env steps of each trial")
    private Long steps;

    @Option(names = "--out", paramLabel = "DIR", description = "where the trials' directories go (default runs/tune-<env>-<time>/)")
    private Path out;

    record Range(String name, double low, double high, boolean log, boolean integer) {
        Object draw(Generator g) {
            double u = g.random();
            double v = log ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low);
            return integer ? (Object) Math.round(v) : (Object) v;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (trials < 1 || parallel < 1) {
            throw new CliException("--trials and --parallel must be at least 1, got " + trials + " and " + parallel);
        }
        Gym.spec(envId);
        List<Range> ranges = new ArrayList<>();
        for (String p : params) {
            ranges.add(parse(p));
        }
        for (String f : fixed) {
            int eq = f.indexOf('=');
            if (eq <= 0) {
                throw new CliException("expected KEY=VALUE, got '" + f + "'");
            }
            PpoConfig.canonical(f.substring(0, eq));
        }
        Path dir = out != null ? out : Path.of("runs", "tune-" + envId.replace('/', '_') + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(dir);
        Generator g = Generator.fromSeed(seed);
        List<Map<String, Object>> drawn = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            Map<String, Object> d = new LinkedHashMap<>();
            for (Range r : ranges) {
                d.put(r.name, r.draw(g));
            }
            drawn.add(d);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<Map<String, Object>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < trials; i++) {
                int trial = i;
                results.add(pool.submit(() -> runTrial(dir, trial, drawn.get(trial))));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Future<Map<String, Object>> f : results) {
                rows.add(f.get());
                Map<String, Object> last = rows.get(rows.size() - 1);
                stdout.println("trial " + last.get("trial") + ": " + last.get("params") + " -> " + format(last.get("mean_return")));
                stdout.flush();
            }
            printTable(stdout, ranges, rows);
            Map<String, Object> best = null;
            for (Map<String, Object> r : rows) {
                if (r.get("mean_return") instanceof Double m && (best == null || m > (Double) best.get("mean_return"))) {
                    best = r;
                }
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("env", envId);
            summary.put("seed", seed);
            summary.put("trials", rows);
            summary.put("best", best);
            Files.writeString(dir.resolve("tune.json"), Json.write(summary) + "\n", StandardCharsets.UTF_8);
            if (best == null) {
                throw new CliException("no trial finished (see the train.log files in " + dir + ")");
            }
            stdout.println("best: trial " + best.get("trial") + ", mean return " + format(best.get("mean_return")) + ", config "
                    + dir.resolve("trial-" + best.get("trial")).resolve("config.json") + " " + best.get("params"));
            stdout.flush();
            return 0;
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, Object> runTrial(Path dir, int trial, Map<String, Object> values) throws IOException, InterruptedException {
        Path trialDir = dir.resolve("trial-" + trial);
        Files.createDirectories(trialDir);
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.add("-XX:+UseSerialGC");
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            // the trainer's vector kernels, as this process has them (same results, faster)
            cmd.add("--add-modules");
            cmd.add("jdk.incubator.vector");
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.add("train");
        cmd.add(envId);
        cmd.add("--out");
        cmd.add(trialDir.toString());
        cmd.add("--no-video");
        cmd.add("--seed");
        cmd.add(Long.toString(seed + trial));
        if (steps != null) {
            cmd.add("--steps");
            cmd.add(steps.toString());
        }
        cmd.addAll(fixed);
        values.forEach((k, v) -> cmd.add(k + "=" + v));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(trialDir.resolve("train.log").toFile()).start();
        int status;
        try {
            status = p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("trial", trial);
        row.put("params", values);
        row.put("status", status);
        Path eval = trialDir.resolve("evaluation.json");
        row.put("mean_return", status == 0 && Files.exists(eval) ? ((Number) Json.parseObject(Files.readString(eval)).get("mean"))
                .doubleValue() : null);
        return row;
    }

    private static String format(Object v) {
        return v instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : "failed";
    }

    private static void printTable(PrintWriter out, List<Range> ranges, List<Map<String, Object>> rows) {
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%-6s", "trial"));
        for (Range r : ranges) {
            h.append(String.format(Locale.ROOT, " %14s", r.name));
        }
        h.append(String.format(Locale.ROOT, " %12s", "mean_return"));
        out.println(h);
        for (Map<String, Object> row : rows) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-6s", row.get("trial")));
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) row.get("params");
            for (Range r : ranges) {
                Object v = p.get(r.name);
                b.append(v instanceof Double d ? String.format(Locale.ROOT, " %14.6g", d) : String.format(Locale.ROOT, " %14s", v));
            }
            b.append(String.format(Locale.ROOT, " %12s", format(row.get("mean_return"))));
            out.println(b);
        }
    }

    static Range parse(String p) {
        int eq = p.indexOf('=');
        String[] parts = eq < 0 ? new String[0] : p.substring(eq + 1).split(":");
        if (eq <= 0 || parts.length < 2 || parts.length > 3 || (parts.length == 3 && !parts[2].equals("log"))) {
            throw new CliException("--param must be NAME=LOW:HIGH or NAME=LOW:HIGH:log, got '" + p + "'");
        }
        String name = p.substring(0, eq);
        PpoConfig.canonical(name);
        double low;
        double high;
        try {
            low = Double.parseDouble(parts[0]);
            high = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw new CliException("--param " + name + ": bounds must be numbers, got '" + parts[0] + "' and '" + parts[1] + "'");
        }
        boolean log = parts.length == 3;
        if (!(low < high) || (log && low <= 0)) {
            throw new CliException("--param " + name + ": need LOW < HIGH" + (log ? " and LOW > 0 for :log" : "") + ", got " + low
                    + " and " + high);
        }
        boolean integer = parts[0].matches("-?\\d+") && parts[1].matches("-?\\d+");
        return new Range(name, low, high, log, integer);
    }
}
