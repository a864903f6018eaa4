package io.github.aelab.benchmarks;

import io.github.aelab.runner.AelabCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code aelab bench ...}: literature reruns and throughput measurements. */
@Command(name = "aelab bench", mixinStandardHelpOptions = true,
    description = "Run a benchmark and write its run record.", subcommands = {HintonMnistBenchmark.class})
public final class BenchCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark, e.g. 'aelab bench hinton-mnist'");
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
