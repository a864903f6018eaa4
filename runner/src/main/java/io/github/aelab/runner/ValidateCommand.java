package io.github.aelab.runner;

import io.github.aelab.experiments.ExperimentLoader;
import io.github.aelab.experiments.bind.InvalidSpecException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code aelab validate FILE...}: every problem of every file, and nothing run. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check experiment files without running them.")
public final class ValidateCommand implements Callable<Integer> {
  private final ExperimentLoader loader;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Experiment files.")
  List<Path> files;

  @jakarta.inject.Inject
  ValidateCommand(ExperimentLoader loader) {
    this.loader = loader;
  }

  @Override
  public Integer call() throws java.io.IOException {
    int invalid = 0;
    for (Path f : files) {
      try {
        if (java.nio.file.Files.isRegularFile(f) && java.nio.file.Files.readString(f).contains("\nsweep:")) {
          System.out.println(f + ": ok (" + io.github.aelab.experiments.Sweep.trials(loader, f, List.of()).size() + " trials)");
        } else {
          loader.load(f, List.of());
          System.out.println(f + ": ok");
        }
      } catch (InvalidSpecException e) {
        System.err.println(e.getMessage());
        invalid++;
      }
    }
    return invalid == 0 ? AelabCommand.OK : AelabCommand.INVALID;
  }
}
