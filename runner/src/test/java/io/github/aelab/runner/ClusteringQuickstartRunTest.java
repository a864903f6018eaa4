package io.github.aelab.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.aelab.clustering.Clusterer;
import io.github.aelab.clustering.FittedClusterer;
import io.github.aelab.clustering.baseline.KMeansClusterer;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.SyntheticData;
import io.github.aelab.core.runtime.RuntimeSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clustering quickstart end to end: a clusterer run's whole record, and a failing run's. */
class ClusteringQuickstartRunTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> BASELINES = List.of("ae_kmeans", "ae_gmm", "kmeans", "gmm", "pca_kmeans");

  @Test
  void writesTheClusterersAndBaselinesMetricsAssignmentsAndPlot(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("run");
    int code = AelabCommand.commandLine().execute("run", "../experiments/examples/clustering-quickstart.yaml",
        "--out", out.toString());
    assertThat(code).isZero();

    JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
    assertThat(metrics.get("clusterer").asText()).isEqualTo("dec");
    assertThat(metrics.get("baselines")).extracting(JsonNode::asText).containsExactlyElementsOf(BASELINES);
    assertThat(metrics.get("clusters").asInt()).isEqualTo(5);
    assertThat(metrics.get("train.rows").asInt()).isEqualTo(1500);
    assertThat(metrics.has("test.rows")).as("no test source").isFalse();
    assertThat(metrics.get("train.accuracy").asDouble()).isGreaterThanOrEqualTo(0.95);
    assertThat(metrics.get("train.nmi").asDouble()).isBetween(0.0, 1.0);
    assertThat(metrics.get("train.ari").asDouble()).isBetween(-1.0, 1.0);
    assertThat(metrics.get("train.refreshes").asInt()).isBetween(1, 30);
    for (String b : BASELINES) {
      assertThat(metrics.get(b + ".train.accuracy").asDouble()).as(b).isBetween(0.0, 1.0);
      assertThat(metrics.has(b + ".train.nmi") && metrics.has(b + ".train.ari")).as(b).isTrue();
    }
    assertThat(metrics.has("ae_kmeans.train.seconds")).as("part of the clusterer's fit").isFalse();
    assertThat(metrics.has("ae_gmm.train.seconds") && metrics.has("kmeans.train.seconds")).isTrue();
    // Five blobs in 20-D: a linear 5-D projection keeps them apart, so pca_kmeans finds them too.
    assertThat(metrics.get("pca_kmeans.train.accuracy").asDouble()).isGreaterThan(0.95);

    List<String> assignments = Files.readAllLines(out.resolve("assignments.csv"));
    assertThat(assignments.get(0)).isEqualTo("row,label,dec,ae_kmeans,ae_gmm,kmeans,gmm,pca_kmeans");
    assertThat(assignments).hasSize(1501);
    assertThat(assignments.stream().skip(1).map(l -> l.split(",")[2]).distinct().count()).isLessThanOrEqualTo(5);
    assertThat(out.resolve("test_assignments.csv")).doesNotExist();
    assertThat(Files.size(out.resolve("plots/clusters.png"))).isGreaterThan(1000);
    for (String file : List.of("spec.yaml", "resolved.yaml", "spec.json", "provenance.json", "run.log", "scaler.json")) {
      assertThat(out.resolve(file)).as(file).exists();
    }
    assertThat(JSON.readTree(out.resolve("status.json").toFile()).get("status").asText()).isEqualTo("succeeded");
    JsonNode spec = JSON.readTree(out.resolve("spec.json").toFile());
    assertThat(spec.at("/clusterer/name").asText()).isEqualTo("dec");
    assertThat(spec.at("/clusterer/settings/max_refreshes").asInt()).isEqualTo(30);
    assertThat(spec.at("/baselines").fieldNames()).toIterable().containsExactlyElementsOf(BASELINES);
    assertThat(Files.readString(out.resolve("resolved.yaml"))).contains("type: dec");
  }

  /**
   * A DEC run keeps its pretrained autoencoder; IDEC started from it skips pretraining and begins
   * from the same codes (the same autoencoder + k-means clusters), as the IDEC paper compares them.
   */
  @Test
  void idecStartsFromTheAutoencoderADecRunPretrained(@TempDir Path tmp) throws Exception {
    Path dec = tmp.resolve("dec");
    assertThat(AelabCommand.commandLine().execute("run", "../experiments/examples/clustering-quickstart.yaml",
        "--out", dec.toString(), "--set", "evaluation.clustering_baselines=[ae_kmeans]")).isZero();
    Path weights = dec.resolve(ClusteringRun.PRETRAINED_FILE);
    assertThat(weights).exists();

    Path idec = tmp.resolve("idec");
    assertThat(AelabCommand.commandLine().execute("run", "../experiments/examples/clustering-quickstart.yaml",
        "--out", idec.toString(), "--set", "clusterer.type=idec", "--set", "clusterer.pretrained_weights=" + weights,
        "--set", "evaluation.clustering_baselines=[ae_kmeans]")).isZero();

    assertThat(column(idec, "ae_kmeans")).isEqualTo(column(dec, "ae_kmeans"));
    assertThat(JSON.readTree(idec.resolve("metrics.json").toFile()).get("clusterer").asText()).isEqualTo("idec");
    // The history lists the pretraining epochs ("fit") only where pretraining ran.
    assertThat(Files.readAllLines(dec.resolve("history.csv"))).anyMatch(l -> l.startsWith("fit,"));
    assertThat(Files.readAllLines(idec.resolve("history.csv"))).noneMatch(l -> l.startsWith("fit,"))
        .anyMatch(l -> l.startsWith("idec-0,"));
    JsonNode provenance = readJson(idec.resolve("provenance.json"));
    assertThat(provenance.toString()).contains("pretrained_weights", Provenance.sha256(weights));
    // The IDEC run keeps the weights it started from, so its record stands on its own.
    assertThat(Files.readAllBytes(idec.resolve(ClusteringRun.PRETRAINED_FILE))).isEqualTo(Files.readAllBytes(weights));
  }

  /** Weights of another network stop the run before clustering, naming the setting, the file and each misfit. */
  @Test
  void weightsOfAnotherModelAreRefusedByName(@TempDir Path tmp) throws Exception {
    Path dec = tmp.resolve("dec");
    assertThat(AelabCommand.commandLine().execute("run", "../experiments/examples/clustering-quickstart.yaml",
        "--out", dec.toString(), "--set", "evaluation.clustering_baselines=[]", "--set", "training.epochs=1",
        "--set", "clusterer.max_refreshes=1")).isZero();
    Path weights = dec.resolve(ClusteringRun.PRETRAINED_FILE);

    Path wider = tmp.resolve("wider");
    int code = AelabCommand.commandLine().execute("run", "../experiments/examples/clustering-quickstart.yaml",
        "--out", wider.toString(), "--set", "clusterer.pretrained_weights=" + weights, "--set", "model.code.units=6");

    assertThat(code).isNotZero();
    assertThat(readJson(wider.resolve("status.json")).get("error").asText())
        .startsWith("clusterer.pretrained_weights " + weights + ": the pretrained weights")
        .contains("'encoder_4/code/kernel' has shape [16, 5], this autoencoder's is [16, 6]");
  }

  private static List<String> column(Path run, String name) throws java.io.IOException {
    List<String> lines = Files.readAllLines(run.resolve("assignments.csv"));
    int index = List.of(lines.get(0).split(",")).indexOf(name);
    return lines.stream().skip(1).map(l -> l.split(",")[index]).toList();
  }

  /** With a test source every method that can assign new rows is measured on it too. */
  @Test
  void aTestSourceIsAssignedAndMeasured(@TempDir Path tmp) throws Exception {
    Dataset data = SyntheticData.gaussianBlobs(300, 4, 3, 0.5, 1);
    Dataset test = SyntheticData.gaussianBlobs(90, 4, 3, 0.5, 1); // the same seed draws the same centres
    Clusterer kmeans = KMeansClusterer.withClusters(3);
    var config = new ClusteringRun.Config("blobs", 1, RuntimeSettings.defaults(), data, test, kmeans,
        List.of(new io.github.aelab.clustering.baseline.GmmClusterer(
            io.github.aelab.core.stats.GaussianMixture.of(3, io.github.aelab.core.stats.CovarianceType.DIAGONAL))),
        List.of(), Map.of());
    RunDirectory run = RunDirectory.create(tmp.resolve("run"), "blobs");
    Map<String, Object> metrics = ClusteringRun.execute(config, run);
    assertThat((double) metrics.get("test.accuracy")).isEqualTo(1.0);
    assertThat((double) metrics.get("gmm.test.accuracy")).isEqualTo(1.0);
    assertThat(metrics.get("test.rows")).isEqualTo(90);
    List<String> lines = Files.readAllLines(run.resolve("test_assignments.csv"));
    assertThat(lines.get(0)).isEqualTo("row,label,kmeans,gmm");
    assertThat(lines).hasSize(91);
  }

  /** A clusterer that fails leaves the record of everything before it and a status that says why; no metrics. */
  @Test
  void aFailingRunLeavesARecordSayingWhy(@TempDir Path tmp) {
    Dataset data = SyntheticData.gaussianBlobs(200, 4, 2, 1.0, 1);
    Clusterer broken = new Clusterer() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public int clusters() {
        return 2;
      }

      @Override
      public FittedClusterer fit(Dataset rows, long seed) {
        throw new IllegalStateException("the soft assignments collapsed");
      }
    };
    var config = new ClusteringRun.Config("broken", 1, RuntimeSettings.defaults(), data, null, broken, List.of(),
        List.of(), Map.of());
    RunDirectory run = RunDirectory.create(tmp.resolve("run"), "broken");
    assertThatThrownBy(() -> ClusteringRun.execute(config, run)).hasMessage("the soft assignments collapsed");
    JsonNode status = readJson(run.resolve("status.json"));
    assertThat(status.get("status").asText()).isEqualTo("failed");
    assertThat(status.get("error").asText()).isEqualTo("the soft assignments collapsed");
    assertThat(run.resolve("spec.json")).exists();
    assertThat(run.resolve("provenance.json")).exists();
    assertThat(run.resolve("metrics.json")).doesNotExist();
  }

  @Test
  void aClustererRunCannotBeResumed(@TempDir Path tmp) throws Exception {
    Files.createDirectories(tmp.resolve("checkpoints/latest"));
    int code = AelabCommand.commandLine().execute("run", "../experiments/examples/clustering-quickstart.yaml",
        "--resume", tmp.toString());
    assertThat(code).isEqualTo(AelabCommand.INVALID);
  }

  @Test
  void componentsAndDescribeListTheClusterers() {
    String out = print("components");
    assertThat(out.substring(out.indexOf("clusterer:"))).contains("dec", "idec");
    assertThat(print("describe", "idec")).startsWith("clusterer idec: improved DEC")
        .containsPattern("clustering_weight\\s+number\\s+default: 0.1")
        .containsPattern("max_refreshes\\s+integer\\s+default: 200");
  }

  private static String print(String... args) {
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

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
