package io.github.aelab.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped experiment runs end to end for one short epoch (MNIST ones on 1,000 images; a
 * clusterer's clustering phase for two refreshes; a likelihood estimate with 5 samples; a hashing
 * run with 100 queries).
 */
class ShippedExamplesRunTest {
  static final Path EXAMPLES = Path.of("../experiments/examples");

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).filter(f -> !read(f).contains("\nsweep:")).sorted()
          .toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void runsForOneEpoch(Path file, @TempDir Path tmp) {
    String text = withBase(file);
    List<String> args = new ArrayList<>(List.of("run", file.toString(), "--out", tmp.resolve("run").toString(),
        "--set", "training.epochs=1"));
    if (text.contains("mnist/")) {
      assumeTrue(Files.isDirectory(Path.of("../../shared/data/mnist")) || System.getenv("AELAB_DATA") != null,
          "MNIST is not available here");
      args.addAll(List.of("--set", "data.source.limit=1000"));
    }
    if (text.contains("env:FASHION_MNIST")) {
      assumeTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")) || System.getenv("FASHION_MNIST") != null,
          "Fashion-MNIST is not installed here (apt install dataset-fashion-mnist)");
    }
    if (text.contains("pretraining:")) {
      args.addAll(List.of("--set", "training.pretraining.epochs=1"));
    }
    if (text.contains("iwae_samples:")) {
      args.addAll(List.of("--set", "evaluation.iwae_samples=5")); // the published k is for the benchmark
    }
    if (text.contains("\nhasher:") && text.contains("mnist/")) {
      args.addAll(List.of("--set", "evaluation.queries=100", "--set", "evaluation.precision_at=100"));
    }
    if (text.contains("type: dec") || text.contains("type: idec")) { // the clusterers with refreshes
      args.addAll(List.of("--set", "clusterer.max_refreshes=2")); // its clustering phase, as short as the rest
    }
    assertThat(AelabCommand.commandLine().execute(args.toArray(String[]::new))).isZero();
    assertThat(tmp.resolve("run/metrics.json")).exists();
    if (text.contains("\ndetector:")) {
      assertThat(tmp.resolve("run/detector/detector.json")).as("the saved detector").exists();
    }
  }

  /** The file's text and, for a file that extends another, the base's: the settings below look at both. */
  private static String withBase(Path file) {
    String text = read(file);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^extends:\\s*(\\S+)").matcher(text);
    return m.find() ? text + "\n" + withBase(file.resolveSibling(m.group(1))) : text;
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
