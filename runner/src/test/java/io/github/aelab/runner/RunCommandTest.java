package io.github.aelab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {
  static final Path EXAMPLES = Path.of("../experiments/examples");
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void runsAShippedExperimentFileAndWritesItsRecord(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("run");
    int code = AelabCommand.commandLine().execute("run", EXAMPLES.resolve("quickstart.yaml").toString(),
        "--set", "training.epochs=5", "--out", out.toString());
    assertThat(code).isZero();
    for (String f : List.of("spec.yaml", "resolved.yaml", "spec.json", "metrics.json", "history.csv", "model/saved_model.pb")) {
      assertThat(out.resolve(f)).as(f).exists();
    }
    assertThat(Files.readString(out.resolve("resolved.yaml"))).contains("epochs: 5").contains("type: synthetic_manifold");
    JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
    assertThat(metrics.get("train.epochs").asInt()).isEqualTo(5);
  }

  /** The resolved file of a run re-runs to the same numbers (CPU, deterministic). */
  @Test
  void theResolvedSpecReproducesTheRun(@TempDir Path tmp) throws Exception {
    Path first = tmp.resolve("first");
    Path second = tmp.resolve("second");
    assertThat(AelabCommand.commandLine().execute("run", EXAMPLES.resolve("quickstart.yaml").toString(),
        "--set", "training.epochs=3", "--set", "runtime.deterministic=true", "--out", first.toString())).isZero();
    assertThat(AelabCommand.commandLine().execute("run", first.resolve("resolved.yaml").toString(),
        "--out", second.toString())).isZero();
    assertThat(Files.readString(second.resolve("test_scores.csv"))).isEqualTo(Files.readString(first.resolve("test_scores.csv")));
  }

  @Test
  void scoringTheRunsModelReproducesTheRecordedTestScores(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run");
    assertThat(AelabCommand.commandLine().execute("run", EXAMPLES.resolve("quickstart.yaml").toString(),
        "--set", "training.epochs=3", "--out", run.toString())).isZero();
    Path scores = tmp.resolve("scores.csv");
    assertThat(AelabCommand.commandLine().execute("score", run.toString(), "--out", scores.toString())).isZero();
    assertThat(Files.readString(scores)).isEqualTo(Files.readString(run.resolve("test_scores.csv")));
    Path withCodes = tmp.resolve("codes.csv");
    assertThat(AelabCommand.commandLine().execute("score", run.toString(), "--codes", "--out", withCodes.toString())).isZero();
    assertThat(Files.readAllLines(withCodes).get(0)).isEqualTo("row,score,code_0");
  }

  /** A run that dies keeps its record and says why; --resume finishes it with the numbers of an uninterrupted run. */
  @Test
  void aFailedRunResumesToTheSameResult(@TempDir Path tmp) throws Exception {
    String file = EXAMPLES.resolve("quickstart.yaml").toString();
    String[] sets = {"--set", "training.epochs=6", "--set", "training.checkpoint_every=2", "--set", "runtime.deterministic=true",
        "--set", "training.early_stopping=null"};
    Path whole = tmp.resolve("whole");
    assertThat(AelabCommand.commandLine().execute(concat(new String[] {"run", file, "--out", whole.toString()}, sets))).isZero();

    Path broken = tmp.resolve("broken");
    System.setProperty(AutoencoderRun.FAIL_AFTER_EPOCH, "5");
    try {
      assertThat(AelabCommand.commandLine().execute(concat(new String[] {"run", file, "--out", broken.toString()}, sets)))
          .isEqualTo(AelabCommand.RUN_FAILED);
    } finally {
      System.clearProperty(AutoencoderRun.FAIL_AFTER_EPOCH);
    }
    JsonNode status = JSON.readTree(broken.resolve("status.json").toFile());
    assertThat(status.get("status").asText()).isEqualTo("failed");
    assertThat(status.get("error").asText()).contains("fault injected after epoch 5");
    assertThat(Files.readAllLines(broken.resolve("history.csv"))).hasSize(1 + 5); // nothing written before the failure is lost
    assertThat(broken.resolve("metrics.json")).doesNotExist();

    assertThat(AelabCommand.commandLine().execute(concat(new String[] {"run", file, "--resume", broken.toString()}, sets))).isZero();
    assertThat(Files.readAllLines(broken.resolve("history.csv"))).hasSize(1 + 6);
    assertThat(Files.readString(broken.resolve("test_scores.csv"))).isEqualTo(Files.readString(whole.resolve("test_scores.csv")));
    assertThat(JSON.readTree(broken.resolve("status.json").toFile()).get("status").asText()).isEqualTo("succeeded");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void anInvalidFileExitsWithTwoAndRunsNothing(@TempDir Path tmp) throws Exception {
    Path bad = Path.of("../experiments/src/test/resources/malformed/typo_in_block_key.yaml");
    Path out = tmp.resolve("never");
    CommandLine cli = AelabCommand.commandLine();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    cli.setErr(new PrintWriter(err, true));
    assertThat(cli.execute("run", bad.toString(), "--out", out.toString())).isEqualTo(AelabCommand.INVALID);
    assertThat(out).doesNotExist();
    assertThat(err.toString()).contains("model.encoder[0].unts (line 10, col 21)").contains("Did you mean 'units'?");
  }

  @Test
  void aPluginBlockIsUsableFromYamlWithNoChangeToAelab(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("plugin.yaml");
    Files.writeString(file, """
        name: with-plugin
        data:
          source: {type: synthetic_manifold, rows: 400, ambient_dims: 8}
        model:
          encoder:
            - {type: acme:scale, factor: 0.5}
            - {type: dense, units: 8, activation: tanh}
          code: {type: dense, units: 2}
          decoder:
            - {type: dense, units: 8, activation: tanh}
            - {type: dense, units: 8}
        training: {epochs: 2, batch_size: 32}
        """);
    assertThat(AelabCommand.commandLine().execute("run", file.toString(), "--out", tmp.resolve("run").toString())).isZero();
    assertThat(Files.readString(tmp.resolve("run/resolved.yaml"))).contains("type: acme:scale");
  }
}
