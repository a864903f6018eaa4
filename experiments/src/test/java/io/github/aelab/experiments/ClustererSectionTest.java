package io.github.aelab.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.aelab.clustering.deep.Dec;
import io.github.aelab.core.data.NpyArray;
import io.github.aelab.core.data.NpzWriter;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.experiments.bind.BuiltInComponents;
import io.github.aelab.experiments.bind.Problem;
import io.github.aelab.experiments.clusterer.DecSpec;
import io.github.aelab.experiments.clusterer.IdecSpec;
import io.github.aelab.experiments.data.NpzSource;
import io.github.aelab.experiments.spec.EvaluationSpec;
import io.github.aelab.experiments.spec.Experiment;
import io.github.aelab.models.regularize.MaskingNoise;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code clusterer:} section: dec and idec with their defaults, the DEC they build from the
 * rest of the experiment, and the located errors of the sections that go with them.
 */
class ClustererSectionTest {
  final ExperimentLoader loader = new ExperimentLoader(BuiltInComponents.registry());
  @TempDir
  Path dir;

  /** A small labelled experiment (300 rows in 3 clusters) with the given clusterer and evaluation. */
  static String experiment(String clusterer, String evaluation) {
    return """
        name: tiny
        seed: 3
        data:
          source: {type: gaussian_blobs, rows: 300, dims: 8, clusters: 3}
        model:
          encoder:
            - {type: dense, units: 16, activation: relu}
          code: {type: dense, units: 3}
        clusterer: %s
        training:
          optimizer: {type: adam, learning_rate: 0.01}
          epochs: 5
          batch_size: 32
        evaluation: %s
        """.formatted(clusterer, evaluation);
  }

  ExperimentLoader.Loaded load(String yaml) throws IOException {
    return new ExperimentFiles(dir).load(yaml);
  }

  List<Problem> problems(String yaml) throws IOException {
    return new ExperimentFiles(dir).problems(yaml);
  }

  /** {@code {type: dec, clusters: K}} alone means DEC-keras' clustering phase: SGD 0.01 / momentum 0.9, batches of 256. */
  @Test
  void decBindsWithItsDefaultsAndBuildsDecOnTheExperimentsAutoencoderAndPlan() throws IOException {
    var loaded = load(experiment("{type: dec, clusters: 3}", "{clustering_baselines: [kmeans, ae_kmeans]}"));
    Experiment e = loaded.experiment();
    assertThat(e.clusterer()).isEqualTo(new DecSpec(3, 1.0, 1, 0, 200, 0.001, 20, new OptimizerSpec.Sgd(0.01, 0.9, false),
        256));
    assertThat(e.evaluation()).isEqualTo(EvaluationSpec.clustering(List.of("kmeans", "ae_kmeans")));

    Dec dec = (Dec) e.buildClusterer(loaded.data().cols());
    assertThat(dec.name()).isEqualTo("dec");
    assertThat(dec.objective()).isEqualTo(Dec.Objective.DEC);
    assertThat(dec.clusters()).isEqualTo(3);
    assertThat(dec.autoencoder()).isEqualTo(e.model().toAutoencoder(8));
    assertThat(dec.pretraining()).isEqualTo(e.training().plan());
    assertThat(dec.clustering()).isEqualTo(new FitSpec(new OptimizerSpec.Sgd(0.01, 0.9, false), null, 1, 256, null, null));
    assertThat(List.of(dec.epochsPerRefresh(), dec.maxRefreshes(), dec.kmeansRestarts())).containsExactly(1, 200, 20);
    assertThat(dec.tolerance()).isEqualTo(0.001);
  }

  /** IDEC trains on the reconstruction loss plus γ = clustering_weight times DEC's loss (the paper: 0.1). */
  @Test
  void idecIsDecKeepingTheReconstructionLossWithGammaOnTheClusteringLoss() throws IOException {
    Experiment e = load(experiment("{type: idec, clusters: 3}", "{}")).experiment();
    assertThat(e.clusterer()).isEqualTo(new IdecSpec(3, 1.0, 1, 0, 200, 0.001, 20, new OptimizerSpec.Adam(0.001), 256,
        0.1));
    Dec idec = (Dec) e.buildClusterer(8);
    assertThat(idec.name()).isEqualTo("idec");
    assertThat(idec.objective()).isEqualTo(new Dec.Objective(0.1, 1));

    Experiment tuned = load(experiment("{type: idec, clusters: 4, clustering_weight: 0.5, batch_size: 64, "
        + "epochs_per_refresh: 2, optimizer: {type: sgd, learning_rate: 0.01, momentum: 0.9}}", "{}")).experiment();
    Dec d = (Dec) tuned.buildClusterer(8);
    assertThat(d.objective()).isEqualTo(new Dec.Objective(0.5, 1));
    assertThat(d.clustering()).isEqualTo(new FitSpec(new OptimizerSpec.Sgd(0.01, 0.9, false), null, 2, 64, null, null));
  }

  /** The denoising noise and the layer-wise stage pretrain DEC's autoencoder, as in the paper. */
  @Test
  void regularizersAndTrainingPretrainingPretrainTheAutoencoder() throws IOException {
    String yaml = experiment("{type: dec, clusters: 3}", "{}")
        .replace("  batch_size: 32\n", "  batch_size: 32\n  pretraining: {epochs: 3, batch_size: 16}\n")
        + "regularizers:\n  - {type: masking_noise, fraction: 0.2}\n";
    Dec dec = (Dec) load(yaml).experiment().buildClusterer(8);
    assertThat(dec.regularizers()).containsExactly(new MaskingNoise(0.2));
    assertThat(dec.pretraining().pretraining().epochs()).isEqualTo(3);
    assertThat(dec.pretraining().fit().epochs()).isEqualTo(5);
  }

  @Test
  void aTypoInAClustererKeyIsLocatedWithASuggestion() throws IOException {
    assertThat(problems(experiment("{type: idec, clusters: 3, clustering_wieght: 0.2}", "{}")))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.path()).isEqualTo("clusterer.clustering_wieght");
          assertThat(p.location().line()).isEqualTo(9);
          assertThat(p.suggestion()).isEqualTo("clustering_weight");
        });
  }

  @Test
  void missingClustersAndBadValuesNameTheField() throws IOException {
    assertThat(problems(experiment("{type: dec}", "{}"))).singleElement()
        .satisfies(p -> {
          assertThat(p.path()).isEqualTo("clusterer.clusters");
          assertThat(p.message()).contains("missing required key 'clusters'");
        });
    assertThat(problems(experiment("{type: dec, clusters: 3, tolerance: 1.5}", "{}"))).singleElement()
        .satisfies(p -> {
          assertThat(p.path()).isEqualTo("clusterer");
          assertThat(p.location().line()).isEqualTo(9);
          assertThat(p.message()).contains("tolerance must be in [0, 1), found 1.5");
        });
    assertThat(problems(experiment("{type: idec, clusters: 3, clustering_weight: 0}", "{}"))).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("clustering_weight must be > 0"));
  }

  /** The model is checked by building the clusterer on it: DEC needs a flat code. */
  @Test
  void aModelThatDoesNotSuitTheClustererIsReportedAtTheClusterer() throws IOException {
    String yaml = experiment("{type: dec, clusters: 3}", "{}")
        .replace("  source: {type: gaussian_blobs, rows: 300, dims: 8, clusters: 3}\n",
            "  source: {type: gaussian_blobs, rows: 300, dims: 16, clusters: 3}\n")
        .replace("  encoder:\n    - {type: dense, units: 16, activation: relu}\n  code: {type: dense, units: 3}\n",
            "  encoder:\n    - {type: reshape, shape: [4, 4, 1]}\n"
                + "  code: {type: conv2d, filters: 1, kernel_size: 3, padding: same}\n"
                + "  decoder:\n    - {type: flatten}\n");
    List<Problem> problems = problems(yaml);
    assertThat(problems).as(problems.toString()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("clusterer");
      assertThat(p.message()).contains("DEC needs a flat code");
    });
  }

  @Test
  void aDetectorAndAClustererInOneFileAreReportedAtTheClusterer() throws IOException {
    String yaml = experiment("{type: dec, clusters: 3}", "{protocol: one_class}")
        .replace("clusterer: {type: dec, clusters: 3}\n", "clusterer: {type: dec, clusters: 3}\ndetector: reconstruction\n");
    // The rest of the file is still checked (here the detector's protocol against the cluster labels).
    assertThat(problems(yaml)).filteredOn(p -> p.path().equals("clusterer")).singleElement().satisfies(p -> {
      assertThat(p.location().line()).isEqualTo(9);
      assertThat(p.message()).contains("a detector, a clusterer or a hasher, not two");
    });
    // Composed in Java, the record refuses the pair itself.
    Experiment e = load(yaml.replace("detector: reconstruction\n", "").replace("{protocol: one_class}", "{}"))
        .experiment();
    assertThatThrownBy(() -> new Experiment(e.name(), e.description(), e.seed(), e.data(), e.model(), e.regularizers(),
        new io.github.aelab.experiments.detector.ReconstructionSpec(
            io.github.aelab.anomaly.deep.ReconstructionDetector.Score.RECONSTRUCTION_ERROR, null),
        e.clusterer(), null, e.training(), e.evaluation(), e.runtime()))
        .hasMessage("an experiment has at most one of a detector, a clusterer and a hasher");
  }

  /** A clusterer run clusters every row, is compared with clustering_baselines, and the names are checked. */
  @Test
  void sectionsThatDoNotGoWithAClustererRunAreReportedTogether() throws IOException {
    String yaml = experiment("{type: dec, clusters: 3}", "{baselines: [pca], clustering_baselines: [kmean, gmm, gmm]}")
        .replace("  source: {type: gaussian_blobs, rows: 300, dims: 8, clusters: 3}\n",
            "  source: {type: gaussian_blobs, rows: 300, dims: 8, clusters: 3}\n  split: {test_fraction: 0.3}\n");
    List<Problem> problems = problems(yaml);
    assertThat(problems).extracting(Problem::path).containsExactlyInAnyOrder("evaluation.baselines",
        "evaluation.clustering_baselines[0]", "evaluation.clustering_baselines[2]", "data.split");
    assertThat(problems).filteredOn(p -> p.path().equals("evaluation.clustering_baselines[0]")).singleElement()
        .satisfies(p -> assertThat(p.suggestion()).isEqualTo("kmeans"));
  }

  @Test
  void clusteringBaselinesNeedAClusterer() throws IOException {
    String yaml = experiment("{type: dec, clusters: 3}", "{clustering_baselines: [kmeans]}")
        .replace("clusterer: {type: dec, clusters: 3}\n", "");
    assertThat(problems(yaml)).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("evaluation.clustering_baselines");
      assertThat(p.message()).contains("add a clusterer section");
    });
  }

  @Test
  void theMetricsNeedLabelsAndTheBatchMustFitTheRows() throws IOException {
    String yaml = experiment("{type: dec, clusters: 3}", "{}")
        .replace("{type: gaussian_blobs, rows: 300, dims: 8, clusters: 3}", "{type: synthetic_manifold, rows: 300, "
            + "ambient_dims: 8}")
        .replace("batch_size: 32", "batch_size: 400");
    assertThat(problems(yaml)).extracting(Problem::path, Problem::message).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("data.source", "a clusterer run measures accuracy, NMI and ARI against the "
            + "labels, but the source 'manifold-1d-in-8d' has none."),
        org.assertj.core.groups.Tuple.tuple("training.batch_size", "batch_size 400 is larger than the 300 rows the "
            + "autoencoder is pretrained on"));
  }

  /**
   * An earlier run's pretrained autoencoder is read relative to the experiment file; a missing or
   * unreadable one is reported at the setting before anything runs.
   */
  @Test
  void pretrainedWeightsAreReadBesideTheFileAndAMissingOrBadOneIsLocated() throws IOException {
    NpzWriter.write(dir.resolve("pretrained.npz"),
        Map.of("encoder/0_dense/kernel", new NpyArray("<f4", new int[] {1}, new float[] {0}, null)));
    Experiment e = load(experiment("{type: idec, clusters: 3, pretrained_weights: pretrained.npz}", "{}")).experiment();
    assertThat(e.clusterer().pretrainedWeights()).isEqualTo(Path.of("pretrained.npz"));
    assertThat(load(experiment("{type: dec, clusters: 3}", "{}")).experiment().clusterer().pretrainedWeights()).isNull();

    assertThat(problems(experiment("{type: dec, clusters: 3, pretrained_weights: runs/nowhere.npz}", "{}")))
        .singleElement().satisfies(p -> {
          assertThat(p.path()).isEqualTo("clusterer.pretrained_weights");
          assertThat(p.location().line()).isEqualTo(9);
          assertThat(p.message()).startsWith("no file " + dir.resolve("runs/nowhere.npz").toAbsolutePath())
              .contains("relative paths are read from the experiment file's folder")
              .endsWith("expected the pretrained_autoencoder.npz of an earlier dec or idec run with the same model.");
        });
    Files.writeString(dir.resolve("notes.txt"), "not weights");
    assertThat(problems(experiment("{type: dec, clusters: 3, pretrained_weights: notes.txt}", "{}")))
        .singleElement().satisfies(p -> {
          assertThat(p.path()).isEqualTo("clusterer.pretrained_weights");
          assertThat(p.message()).contains("notes.txt: not a valid .npz (zip) archive");
        });
  }

  /** What resolved.yaml holds for a clusterer run loads again, to the same experiment. */
  @Test
  void theResolvedSpecOfAClustererRunLoadsAgain() throws IOException {
    Experiment original = loader.load(Path.of("examples/clustering-quickstart.yaml"), List.of()).experiment();
    String resolved = new SpecWriter(BuiltInComponents.registry()).toRunnableYaml(original);
    assertThat(resolved).contains("baselines: []").contains("type: dec").contains("- ae_kmeans");
    assertThat(load(resolved).experiment()).isEqualTo(original);
  }

  /** USPS is clustered as one set of 9,298 images, X_train then X_test, as in the DEC papers. */
  @Test
  void anNpzSourceAppendsASecondPairOfArrays() {
    Path usps = Path.of("../../shared/data/usps/usps.npz");
    assumeTrue(Files.isRegularFile(usps), "USPS is not available here");
    var all = new NpzSource(usps.toAbsolutePath(), "X_train", "y_train", false, "X_test", "y_test").load(dir, 0);
    var train = new NpzSource(usps.toAbsolutePath(), "X_train", "y_train").load(dir, 0);
    assertThat(all.rows()).isEqualTo(9298);
    assertThat(all.cols()).isEqualTo(256);
    assertThat(all.get(7290, 17)).isEqualTo(train.get(7290, 17));
    assertThat(all.labelCounts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(9298);
    assertThatThrownBy(() -> new NpzSource(usps, "X_train", "y_train", false, "X_test", null))
        .hasMessageContaining("name the labels of 'X_test' with append_y");
    assertThatThrownBy(() -> new NpzSource(usps, "X_train", "y_train", false, null, "y_test"))
        .hasMessageContaining("name append_x too");
  }
}
