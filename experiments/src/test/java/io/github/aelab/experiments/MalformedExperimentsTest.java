package io.github.aelab.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.aelab.experiments.bind.BuiltInComponents;
import io.github.aelab.experiments.bind.InvalidSpecException;
import io.github.aelab.experiments.bind.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of broken experiment files under {@code src/test/resources/malformed}: each file's
 * first line says which problem it must produce, as
 * {@code # expect: <key path> @ <line>:<col> ~ <message fragment> [? <suggestion>]}
 * ('-' for no path or no position). Every file is rejected before any TensorFlow work.
 */
class MalformedExperimentsTest {
  static final Path CORPUS = Path.of("src/test/resources/malformed");

  record Expectation(String path, int line, int column, String message, String suggestion) {
    static Expectation parse(String header) {
      String spec = header.substring("# expect: ".length());
      String suggestion = null;
      int q = spec.lastIndexOf(" ? ");
      if (q >= 0) {
        suggestion = spec.substring(q + 3).strip();
        spec = spec.substring(0, q);
      }
      String[] pathAndRest = spec.split(" @ ", 2);
      String[] locAndMessage = pathAndRest[1].split(" ~ ", 2);
      int line = 0;
      int column = 0;
      if (!locAndMessage[0].equals("-")) {
        String[] lc = locAndMessage[0].split(":");
        line = Integer.parseInt(lc[0]);
        column = Integer.parseInt(lc[1]);
      }
      String path = pathAndRest[0].equals("-") ? "" : pathAndRest[0];
      return new Expectation(path, line, column, locAndMessage[1].strip(), suggestion);
    }

    boolean matches(Problem p) {
      return p.path().equals(path) && p.location().line() == line && p.location().column() == column
          && p.message().contains(message) && (suggestion == null || suggestion.equals(p.suggestion()));
    }
  }

  static Stream<Path> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      List<Path> cases = files.filter(f -> f.toString().endsWith(".yaml")).filter(MalformedExperimentsTest::hasExpectation)
          .sorted().toList();
      return cases.stream();
    }
  }

  private static boolean hasExpectation(Path f) {
    try {
      return Files.readString(f).startsWith("# expect: ");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theCorpusHasAtLeastFortyFiles() throws IOException {
    assertThat(corpus().count()).isGreaterThanOrEqualTo(40);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void isRejectedWithTheExpectedProblem(Path file) throws IOException {
    Expectation expected = Expectation.parse(Files.readAllLines(file).get(0));
    InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class,
        () -> new ExperimentLoader(BuiltInComponents.registry()).load(file, List.of()));
    assertThat(e).as("an InvalidSpecException for " + file).isNotNull();
    assertThat(e.problems()).as(e.getMessage()).anyMatch(expected::matches);
    assertThat(e.getMessage()).startsWith(file + ": ").contains("nothing was run");
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.location().file()).isNotBlank());
  }

  @Test
  void aTenMegabyteFileIsRefusedUnread(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.yaml");
    StringBuilder b = new StringBuilder("name: big\n");
    while (b.length() < 10_000_000) {
      b.append("# padding padding padding padding padding padding padding padding padding padding\n");
    }
    Files.writeString(big, b);
    assertThatThrownBy(() -> new ExperimentLoader(BuiltInComponents.registry()).load(big, List.of()))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("experiment files are limited to 1048576 bytes");
  }

  @Test
  void allProblemsOfAFileAreReportedTogether(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("several.yaml");
    Files.writeString(f, """
        name: several
        data:
          source: {type: synthetic_manifold}
        model:
          encoder:
            - {type: dense, unts: 8}
          code: {type: dens, units: 1}
        training:
          epochs: 0
          optimizer: adamw
        """);
    InvalidSpecException e = catchThrowableOfType(InvalidSpecException.class,
        () -> new ExperimentLoader(BuiltInComponents.registry()).load(f, List.of()));
    assertThat(e.problems()).extracting(Problem::path)
        .contains("model.encoder[0].unts", "model.code.type", "training.optimizer");
    assertThat(e.getMessage()).contains("4 problems").contains("Did you mean 'units'?").contains("Did you mean 'dense'?");
  }
}
