package io.github.aelab.benchmarks;

import io.github.aelab.runner.AelabCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code aelab bench SUITE [--filter TEXT]}: runs {@code benchmarks/suites/SUITE/suite.yaml} and
 * fails (exit 1) when a quality metric leaves its tolerance; {@code aelab bench hinton-mnist}:
 * the Hinton &amp; Salakhutdinov rerun.
 */
@Command(name = "aelab bench", mixinStandardHelpOptions = true,
    description = "Run a benchmark suite (benchmarks/suites/SUITE/suite.yaml) or a named benchmark.",
    subcommands = {HintonMnistBenchmark.class, ThroughputBenchmark.class, AnomalyBenchmark.class,
        ClusteringBenchmark.class, HashingBenchmark.class, DimensionalityReductionBenchmark.class,
        FeaturesBenchmark.class, AaeClusteringBenchmark.class})
public final class BenchCommand implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "SUITE", description = "Suite name, e.g. ci, or a suite.yaml path.")
  String suite;

  @CommandLine.Option(names = "--filter", paramLabel = "TEXT", description = "Run only entries whose name contains TEXT.")
  String filter;

  @CommandLine.Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a key in every entry, e.g. --set runtime.device=gpu (repeatable).")
  java.util.List<String> overrides = new java.util.ArrayList<>();

  @CommandLine.Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/bench-<suite>-<timestamp>).")
  java.nio.file.Path out;

  @Override
  public Integer call() throws java.io.IOException {
    if (suite == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "name a suite (e.g. 'aelab bench ci') or a benchmark ('aelab bench hinton-mnist')");
    }
    java.nio.file.Path file = suite.endsWith(".yaml") ? java.nio.file.Path.of(suite)
        : java.nio.file.Path.of("benchmarks", "suites", suite, "suite.yaml");
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": no such suite");
    }
    var injector = io.github.aelab.runner.wiring.Wiring.injector();
    SuiteRunner runner = new SuiteRunner(injector.getInstance(io.github.aelab.experiments.ExperimentLoader.class),
        injector.getInstance(io.github.aelab.runner.ExperimentRunner.class),
        injector.getInstance(io.github.aelab.experiments.bind.ComponentRegistry.class));
    Suite s = runner.read(file);
    java.nio.file.Path dir = out != null ? out : java.nio.file.Path.of("runs", "bench-" + s.name() + "-"
        + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(java.time.ZoneOffset.UTC)
            .format(java.time.Instant.now()));
    var rows = runner.run(file, s, filter, overrides, dir);
    System.out.println();
    System.out.print(SuiteRunner.table(rows));
    long failed = rows.stream().filter(r -> r.violation() != null).count();
    System.out.println((failed == 0 ? "all " + rows.size() + " expectations met" : failed + " of " + rows.size()
        + " expectations failed") + "; report: " + dir.resolve("report.md"));
    return failed == 0 ? 0 : 1;
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new BenchCommand());
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println("aelab bench: " + e.getMessage());
      return e instanceof IllegalArgumentException ? AelabCommand.INVALID : AelabCommand.RUN_FAILED;
    });
    System.exit(cli.execute(args));
  }
}
