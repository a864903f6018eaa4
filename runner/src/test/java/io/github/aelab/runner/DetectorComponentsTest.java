package io.github.aelab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The detectors are components like any other: listed, and described with their defaults. */
class DetectorComponentsTest {

  @Test
  void componentsListsEveryDetector() {
    String out = run("components");
    assertThat(out).contains("detector:");
    assertThat(out.substring(out.indexOf("detector:")))
        .contains("code_density", "dagmm", "deep_svdd", "ocnn", "rda", "reconstruction");
  }

  /** The kind may be left out when only one kind has the name. */
  @Test
  void describeDocumentsADetectorsParametersAndDefaults() {
    String out = run("describe", "dagmm");
    assertThat(out).startsWith("detector dagmm: deep autoencoding Gaussian mixture");
    assertThat(out).containsPattern("estimation_hidden\\s+list of integer\\s+default: \\[10\\]")
        .containsPattern("lambda_covariance\\s+number\\s+default: 0.005");
    assertThat(run("describe", "detector", "rda")).contains("iterations").contains("default: 5");
  }

  @Test
  void anUnknownNameGetsASuggestion() {
    assertThat(AelabCommand.commandLine().execute("describe", "dagm")).isEqualTo(AelabCommand.INVALID);
  }

  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      assertThat(AelabCommand.commandLine().execute(args)).isZero();
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
