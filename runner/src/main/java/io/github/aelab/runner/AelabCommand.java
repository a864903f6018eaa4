package io.github.aelab.runner;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code aelab} program. Exit codes: 0 ok, 1 run failed, 2 invalid input or usage. */
@Command(name = "aelab", mixinStandardHelpOptions = true, versionProvider = AelabCommand.Version.class,
    description = "Autoencoders and their downstream uses on TensorFlow Java.",
    subcommands = {RunCommand.class, ValidateCommand.class, ComponentsCommand.class, DescribeCommand.class, ScoreCommand.class,
        SweepCommand.class,
        DoctorCommand.class})
public final class AelabCommand implements Runnable {
  public static final int OK = 0;
  public static final int RUN_FAILED = 1;
  public static final int INVALID = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command, e.g. 'aelab run experiments/examples/quickstart.yaml'");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for tests. */
  public static CommandLine commandLine() {
    com.google.inject.Injector injector = io.github.aelab.runner.wiring.Wiring.injector();
    CommandLine cli = new CommandLine(AelabCommand.class, new GuiceFactory(injector));
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println(e instanceof io.github.aelab.experiments.bind.InvalidSpecException ? e.getMessage()
          : "aelab: " + e.getMessage());
      return e instanceof IllegalArgumentException ? INVALID : RUN_FAILED;
    });
    cli.setParameterExceptionHandler((e, args) -> {
      e.getCommandLine().getErr().println("aelab: " + e.getMessage());
      e.getCommandLine().usage(e.getCommandLine().getErr());
      return INVALID;
    });
    return cli;
  }

  /** Lets Guice construct the commands, so they receive the registry and loader. */
  private record GuiceFactory(com.google.inject.Injector injector) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        return injector.getInstance(cls);
      } catch (com.google.inject.ConfigurationException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"aelab " + Provenance.version()};
    }
  }
}
