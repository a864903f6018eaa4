package io.github.aelab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart experiment end to end: every artifact of a run record. */
class QuickstartRunTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void writesTheWholeRunRecord(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("run");
    int code = AelabCommand.commandLine().execute("run", "../experiments/examples/quickstart.yaml", "--out", out.toString(),
        "--set", "training.epochs=20", "--set", "seed=3");
    assertThat(code).isZero();
    for (String file : List.of("spec.yaml", "resolved.yaml", "spec.json", "provenance.json", "metrics.json", "history.csv",
        "run.log", "status.json", "scaler.json", "test_scores.csv", "model/saved_model.pb",
        "checkpoints/latest/trainer-state.json")) {
      assertThat(out.resolve(file)).as(file).exists();
    }
    try (var events = Files.list(out.resolve("tensorboard"))) {
      assertThat(events.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("events.out.tfevents."));
    }
    for (String plot : List.of("plots/loss.png", "plots/codes.png")) {
      assertThat(Files.size(out.resolve(plot))).as(plot).isGreaterThan(1000);
    }
    JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
    assertThat(metrics.get("train.epochs").asInt()).isBetween(1, 20);
    assertThat(metrics.get("test.sse_per_image").asDouble()).isPositive();
    assertThat(metrics.get("pca.test.sse_per_image").asDouble()).isPositive();
    assertThat(JSON.readTree(out.resolve("status.json").toFile()).get("status").asText()).isEqualTo("succeeded");
    JsonNode spec = JSON.readTree(out.resolve("spec.json").toFile());
    assertThat(spec.at("/model/code/type").asText()).isEqualTo("dense");
    assertThat(spec.at("/training/fit/optimizer/learning_rate").asDouble()).isEqualTo(3e-3);
    JsonNode provenance = JSON.readTree(out.resolve("provenance.json").toFile());
    assertThat(provenance.at("/runtime/device_used").asText()).isEqualTo("cpu");
    assertThat(provenance.get("tensorflow_version").asText()).startsWith("2.");
    assertThat(Files.readAllLines(out.resolve("test_scores.csv"))).hasSize(401); // header + 400 test rows
  }

  @Test
  void refusesToOverwriteAnEarlierRun(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("metrics.json"), "{}");
    int code = AelabCommand.commandLine().execute("run", "../experiments/examples/quickstart.yaml", "--out", tmp.toString());
    assertThat(code).isEqualTo(AelabCommand.INVALID);
    assertThat(Files.readString(tmp.resolve("metrics.json"))).isEqualTo("{}");
  }

  @Test
  void unknownOptionsAreUsageErrors() {
    assertThat(AelabCommand.commandLine().execute("run", "--epoks", "3")).isEqualTo(AelabCommand.INVALID);
  }
}
