package io.github.aelab.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.protocol.OneClass;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.SyntheticData;
import io.github.aelab.core.runtime.RuntimeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The anomaly quickstart end to end: a detector run's whole record, and a failing run's. */
class AnomalyQuickstartRunTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> BASELINES = List.of("gaussian", "parzen", "iforest");

  @Test
  void writesTheDetectorsAndBaselinesMetricsScoresAndCurves(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("run");
    int code = AelabCommand.commandLine().execute("run", "../experiments/examples/anomaly-quickstart.yaml",
        "--out", out.toString());
    assertThat(code).isZero();

    JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
    assertThat(metrics.get("protocol").asText()).isEqualTo("one_class");
    assertThat(metrics.get("detector").asText()).isEqualTo("ae_reconstruction");
    // one_class: half of the 1,000 normal rows train; the other half and all 50 outliers are scored.
    assertThat(metrics.get("train.rows").asInt()).isEqualTo(500);
    assertThat(metrics.get("test.rows").asInt()).isEqualTo(550);
    assertThat(metrics.get("test.anomalies").asInt()).isEqualTo(50);
    assertThat(metrics.get("test.roc_auc").asDouble()).isGreaterThanOrEqualTo(0.9);
    assertThat(metrics.get("test.average_precision").asDouble()).isBetween(0.0, 1.0);
    assertThat(metrics.get("test.precision_at_n").asDouble()).isBetween(0.0, 1.0);
    assertThat(metrics.has("test.f1")).as("one_class sets no threshold").isFalse();
    for (String b : BASELINES) {
      assertThat(metrics.get(b + ".test.roc_auc").asDouble()).as(b).isGreaterThanOrEqualTo(0.9);
      assertThat(metrics.has(b + ".test.average_precision")).as(b).isTrue();
    }

    List<String> scores = Files.readAllLines(out.resolve("test_scores.csv"));
    assertThat(scores.get(0)).isEqualTo("row,label,ae_reconstruction,gaussian,parzen,iforest");
    assertThat(scores).hasSize(551);
    assertThat(scores.stream().skip(1).filter(l -> l.split(",")[1].equals("1"))).hasSize(50);
    for (String plot : List.of("plots/roc.png", "plots/precision_recall.png")) {
      assertThat(Files.size(out.resolve(plot))).as(plot).isGreaterThan(1000);
    }
    for (String file : List.of("spec.yaml", "resolved.yaml", "spec.json", "provenance.json", "run.log")) {
      assertThat(out.resolve(file)).as(file).exists();
    }
    assertThat(JSON.readTree(out.resolve("status.json").toFile()).get("status").asText()).isEqualTo("succeeded");
    JsonNode spec = JSON.readTree(out.resolve("spec.json").toFile());
    assertThat(spec.at("/protocol/name").asText()).isEqualTo("one_class");
    assertThat(spec.at("/detector/settings/autoencoder/spec/code/units").asInt()).isEqualTo(2);
    assertThat(spec.at("/baselines").fieldNames()).toIterable().containsExactlyElementsOf(BASELINES);
    assertThat(Files.readString(out.resolve("resolved.yaml"))).contains("type: reconstruction");
    assertThat(out.resolve("detector/graph/saved_model.pb")).exists();
    for (String b : BASELINES) {
      assertThat(out.resolve("baselines/" + b)).as(b).isDirectoryContaining("glob:**/detector.json");
    }
    assertThat(out.resolve("scaler.json")).exists();

    scoringAgainReproducesTheRunsScores(out, scores, tmp, List.of());
    for (String b : BASELINES) {
      scoringAgainReproducesTheRunsScores(out, scores, tmp, List.of("--detector", b));
    }
    assertThat(AelabCommand.commandLine().execute("score", out.toString(), "--detector", "knn"))
        .as("a baseline the run did not measure").isEqualTo(AelabCommand.INVALID);
    newRowsAreScaledAsTheProtocolDidAndFlagged(out, tmp);
  }

  /**
   * {@code aelab score} on the run's own test rows: the saved detector (or the baseline that
   * {@code --detector} names) gives the run's scores, its column of {@code test_scores.csv}.
   */
  private static void scoringAgainReproducesTheRunsScores(Path out, List<String> runScores, Path tmp,
      List<String> which) throws Exception {
    Path rescored = tmp.resolve("rescored.csv");
    List<String> args = new ArrayList<>(List.of("score", out.toString(), "--out", rescored.toString()));
    args.addAll(which);
    assertThat(AelabCommand.commandLine().execute(args.toArray(String[]::new))).isZero();
    int column = which.isEmpty() ? 2 : List.of(runScores.get(0).split(",")).indexOf(which.get(1));
    List<String> again = Files.readAllLines(rescored);
    assertThat(again.get(0)).isEqualTo("row,score");
    assertThat(again).hasSameSizeAs(runScores);
    for (int i = 1; i < again.size(); i++) {
      double expected = Double.parseDouble(runScores.get(i).split(",")[column]);
      assertThat(Double.parseDouble(again.get(i).split(",")[1])).as("row %d", i - 1)
          .isCloseTo(expected, within(1e-5 * Math.max(1, Math.abs(expected))));
    }
  }

  /**
   * New rows in the data's own units: the run's z-scoring is applied before scoring, so the
   * training mean is an ordinary row and a row 30 standard deviations out is flagged.
   */
  private static void newRowsAreScaledAsTheProtocolDidAndFlagged(Path out, Path tmp) throws Exception {
    JsonNode scaler = JSON.readTree(out.resolve("scaler.json").toFile());
    int cols = 10;
    StringBuilder csv = new StringBuilder();
    for (int c = 0; c < cols; c++) {
      csv.append(c == 0 ? "" : ",").append("x").append(c);
    }
    csv.append('\n');
    for (double shift : new double[] {0, 30}) {
      for (int c = 0; c < cols; c++) {
        double mean = scaler.at("/mean/" + c).asDouble();
        double std = scaler.at("/std/" + c).asDouble();
        csv.append(c == 0 ? "" : ",").append(mean + shift * std);
      }
      csv.append('\n');
    }
    Path rows = tmp.resolve("new-rows.csv");
    Files.writeString(rows, csv);
    Path flagged = tmp.resolve("flagged.csv");
    assertThat(AelabCommand.commandLine().execute("score", out.toString(), rows.toString(), "--contamination", "0.05",
        "--out", flagged.toString())).isZero();
    List<String> lines = Files.readAllLines(flagged);
    assertThat(lines.get(0)).isEqualTo("row,score,anomaly");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(2)).endsWith(",1");
    assertThat(Double.parseDouble(lines.get(2).split(",")[1])).isGreaterThan(Double.parseDouble(lines.get(1).split(",")[1]));
  }

  @Test
  void thresholdOptionsBelongToDetectorRuns(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("spec.json"), "{\"model\": {}}");
    assertThat(AelabCommand.commandLine().execute("score", tmp.toString(), "--contamination", "0.1"))
        .isEqualTo(AelabCommand.INVALID);
    assertThat(AelabCommand.commandLine().execute("score", tmp.toString(), "--contamination", "0.1", "--top-k", "3"))
        .as("the threshold options exclude each other").isNotZero();
  }

  @Test
  void aDetectorRunWithoutItsSavedDetectorSaysSo(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("spec.json"), "{\"detector\": {\"name\": \"knn\"}}");
    assertThat(AelabCommand.commandLine().execute("score", tmp.toString())).isEqualTo(AelabCommand.INVALID);
  }

  /** A detector that fails leaves the record of everything before it and a status that says why; no metrics. */
  @Test
  void aFailingRunLeavesARecordSayingWhy(@TempDir Path tmp) {
    Dataset data = SyntheticData.gaussianBlobsWithOutliers(200, 10, 4, 2, 1.0, 1);
    Detector broken = failingToFit("broken", "the estimation network diverged");
    var config = new AnomalyRun.Config("broken", 1, RuntimeSettings.defaults(), OneClass.adbench(), data, null, broken,
        List.of(), Map.of());
    RunDirectory run = RunDirectory.create(tmp.resolve("run"), "broken");
    assertThatThrownBy(() -> AnomalyRun.execute(config, run)).hasMessage("the estimation network diverged");
    JsonNode status = readJson(run.resolve("status.json"));
    assertThat(status.get("status").asText()).isEqualTo("failed");
    assertThat(status.get("error").asText()).isEqualTo("the estimation network diverged");
    assertThat(run.resolve("spec.json")).exists();
    assertThat(run.resolve("provenance.json")).exists();
    assertThat(run.resolve("metrics.json")).doesNotExist();
  }

  /** A baseline is saved in a folder of its name, so a name that would leave {@code baselines/} is refused. */
  @Test
  void aBaselineNameMustBeAPlainFolderName() {
    Dataset data = SyntheticData.gaussianBlobsWithOutliers(200, 10, 4, 2, 1.0, 1);
    for (String name : List.of("../escape", ".hidden", "a/b")) {
      assertThatThrownBy(() -> new AnomalyRun.Config("x", 1, RuntimeSettings.defaults(), OneClass.adbench(), data, null,
          failingToFit("detector", "never fitted"), List.of(failingToFit(name, "never fitted")), Map.of())).as(name)
          .hasMessageContaining("baseline '" + name + "'").hasMessageContaining("folder");
    }
  }

  /** A detector named {@code name} whose fit fails with {@code failure}, as a diverging network's would. */
  private static Detector failingToFit(String name, String failure) {
    return new Detector() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public FittedDetector fit(Dataset train, long seed) {
        throw new IllegalStateException(failure);
      }
    };
  }

  @Test
  void aDetectorRunCannotBeResumed(@TempDir Path tmp) throws Exception {
    Files.createDirectories(tmp.resolve("checkpoints/latest"));
    int code = AelabCommand.commandLine().execute("run", "../experiments/examples/anomaly-quickstart.yaml",
        "--resume", tmp.toString());
    assertThat(code).isEqualTo(AelabCommand.INVALID);
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
