package io.github.aelab.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.aelab.experiments.bind.BuiltInComponents;
import io.github.aelab.experiments.bind.InvalidSpecException;
import io.github.aelab.experiments.bind.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes experiment text to a test's folder and loads it with the built-in components: the section tests' fixture. */
final class ExperimentFiles {
  private final ExperimentLoader loader = new ExperimentLoader(BuiltInComponents.registry());
  private final Path dir;

  ExperimentFiles(Path dir) {
    this.dir = dir;
  }

  /** Loads {@code yaml} as {@code experiment.yaml}; fails the test with the problems if it is invalid. */
  ExperimentLoader.Loaded load(String yaml) throws IOException {
    Path f = dir.resolve("experiment.yaml");
    Files.writeString(f, yaml);
    return loader.load(f, List.of());
  }

  /** The problems that loading {@code yaml} reports; fails the test if it loads. */
  List<Problem> problems(String yaml) throws IOException {
    Path f = dir.resolve("broken.yaml");
    Files.writeString(f, yaml);
    InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class, () -> loader.load(f, List.of()));
    assertThat(e).as("an InvalidSpecException for%n%s", yaml).isNotNull();
    return e.problems();
  }
}
