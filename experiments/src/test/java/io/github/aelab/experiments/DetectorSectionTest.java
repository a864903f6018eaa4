package io.github.aelab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aelab.anomaly.deep.CodeDensityDetector;
import io.github.aelab.anomaly.deep.Dagmm;
import io.github.aelab.anomaly.deep.DeepSvdd;
import io.github.aelab.anomaly.deep.OneClassNeuralNetwork;
import io.github.aelab.anomaly.deep.ReconstructionDetector;
import io.github.aelab.anomaly.deep.RobustDeepAutoencoder;
import io.github.aelab.anomaly.protocol.OneClassInFileOrder;
import io.github.aelab.anomaly.protocol.OneClassMnist;
import io.github.aelab.anomaly.protocol.TopKF1;
import io.github.aelab.anomaly.protocol.UnsupervisedHoldout;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.optim.OptimizerSpec;
import io.github.aelab.experiments.bind.BuiltInComponents;
import io.github.aelab.experiments.bind.Problem;
import io.github.aelab.experiments.detector.CodeDensitySpec;
import io.github.aelab.experiments.detector.DagmmSpec;
import io.github.aelab.experiments.detector.DeepSvddSpec;
import io.github.aelab.experiments.detector.DetectorSpec;
import io.github.aelab.experiments.detector.OcnnSpec;
import io.github.aelab.experiments.detector.RdaSpec;
import io.github.aelab.experiments.detector.ReconstructionSpec;
import io.github.aelab.experiments.spec.EvaluationSpec;
import io.github.aelab.experiments.spec.Experiment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code detector:} section: each type with its defaults, the detector it builds from the
 * rest of the experiment, and the located errors of the sections that go with it.
 */
class DetectorSectionTest {
  final ExperimentLoader loader = new ExperimentLoader(BuiltInComponents.registry());
  @TempDir
  Path dir;

  /** A small labelled experiment (300 clustered rows, 20 outliers) with the given detector and evaluation. */
  static String experiment(String detector, String evaluation) {
    return """
        name: tiny
        seed: 3
        data:
          source: {type: gaussian_blobs, rows: 300, outliers: 20, dims: 8}
        model:
          encoder:
            - {type: dense, units: 16, activation: tanh}
          code: {type: dense, units: 2}
        detector: %s
        training:
          optimizer: {type: adam, learning_rate: 0.01}
          epochs: 5
          batch_size: 32
        evaluation: %s
        """.formatted(detector, evaluation);
  }

  ExperimentLoader.Loaded load(String yaml) throws IOException {
    return new ExperimentFiles(dir).load(yaml);
  }

  List<Problem> problems(String yaml) throws IOException {
    return new ExperimentFiles(dir).problems(yaml);
  }

  static Stream<Arguments> defaults() {
    return Stream.of(
        Arguments.of("reconstruction", new ReconstructionSpec(ReconstructionDetector.Score.RECONSTRUCTION_ERROR, null),
            ReconstructionDetector.class),
        Arguments.of("code_density", new CodeDensitySpec("parzen"), CodeDensityDetector.class),
        Arguments.of("dagmm", new DagmmSpec(List.of(10), Activation.TANH, 0.5, 4, 0.1, 0.005, 1e-6), Dagmm.class),
        Arguments.of("ocnn", new OcnnSpec(32, Activation.SIGMOID, 0.1), OneClassNeuralNetwork.class),
        Arguments.of("deep_svdd", new DeepSvddSpec(1e-6), DeepSvdd.class),
        Arguments.of("rda", new RdaSpec(RobustDeepAutoencoder.Norm.L21, 2.0, 5), RobustDeepAutoencoder.class));
  }

  /** {@code detector: NAME} alone means the detector with its paper's (or PyOD's) defaults. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("defaults")
  void eachTypeBindsWithItsDefaultsAndBuildsItsDetector(String type, DetectorSpec expected, Class<?> detectorClass)
      throws IOException {
    var loaded = load(experiment(type, "{protocol: one_class}"));
    Experiment e = loaded.experiment();
    assertThat(e.detector()).isEqualTo(expected);
    assertThat(e.buildDetector(loaded.data().cols())).isInstanceOf(detectorClass);
  }

  @Test
  void dagmmTrainsTheExperimentsAutoencoderWithTheTrainingPlan() throws IOException {
    Experiment e = load(experiment("{type: dagmm, components: 2, lambda_energy: 0.2}", "{protocol: topk_f1}"))
        .experiment();
    Dagmm dagmm = (Dagmm) e.buildDetector(8);
    assertThat(dagmm.components()).isEqualTo(2);
    assertThat(dagmm.lambdaEnergy()).isEqualTo(0.2);
    assertThat(dagmm.compression()).isEqualTo(e.model().toAutoencoder(8));
    assertThat(dagmm.fit()).isEqualTo(e.training().plan().fit());
    assertThat(e.evaluation().anomalyProtocol()).isEqualTo(TopKF1.dagmm());
  }

  /** OC-NN's and Deep SVDD's autoencoder pretraining is training.pretraining; their head trains with the fit. */
  @Test
  void oneClassHeadsPretrainWithTrainingPretraining() throws IOException {
    String yaml = experiment("{type: ocnn, nu: 0.05}", "{protocol: one_class}")
        .replace("  batch_size: 32\n", "  batch_size: 32\n  pretraining: {epochs: 3, optimizer: {type: adam, learning_rate: 0.001}}\n");
    Experiment e = load(yaml).experiment();
    OneClassNeuralNetwork ocnn = (OneClassNeuralNetwork) e.buildDetector(8);
    assertThat(ocnn.nu()).isEqualTo(0.05);
    assertThat(ocnn.pretrain().epochs()).isEqualTo(3);
    assertThat(ocnn.pretrain().optimizer()).isEqualTo(new OptimizerSpec.Adam(0.001));
    assertThat(ocnn.fit().epochs()).isEqualTo(5);
  }

  @Test
  void aTypoInADetectorKeyIsLocatedWithASuggestion() throws IOException {
    assertThat(problems(experiment("{type: rda, iteratons: 3}", "{protocol: one_class}")))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.path()).isEqualTo("detector.iteratons");
          assertThat(p.location().line()).isEqualTo(9);
          assertThat(p.suggestion()).isEqualTo("iterations");
          assertThat(p.allowed()).isEqualTo("Known: norm, lambda, iterations.");
        });
  }

  @Test
  void aValueOutOfRangeNamesTheField() throws IOException {
    assertThat(problems(experiment("{type: ocnn, nu: 1.5}", "{protocol: one_class}")))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.path()).isEqualTo("detector");
          assertThat(p.message()).contains("nu must be in (0, 1), found 1.5");
        });
  }

  /** DAGMM's loss is the paper's: a regularizer would be dropped silently, so it is refused. */
  @Test
  void aDetectorWithAFixedObjectiveRefusesRegularizers() throws IOException {
    String yaml = experiment("dagmm", "{protocol: topk_f1}") + "regularizers:\n  - {type: masking_noise, fraction: 0.2}\n";
    assertThat(problems(yaml)).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("dagmm trains its own objective").contains("regularizers"));
  }

  /** The protocol owns the split and the scaling of a detector run, and the evaluation section's anomaly keys need a detector. */
  @Test
  void sectionsThatDoNotGoWithADetectorRunAreReportedTogether() throws IOException {
    String yaml = experiment("reconstruction", "{protocol: one_class, baselines: [pca], detector_baselines: [knn, knn]}")
        .replace("  source: {type: gaussian_blobs, rows: 300, outliers: 20, dims: 8}\n",
            "  source: {type: gaussian_blobs, rows: 300, outliers: 20, dims: 8}\n  split: {test_fraction: 0.3}\n"
                + "  scaling: z_score\n");
    assertThat(problems(yaml)).extracting(Problem::path).containsExactlyInAnyOrder("evaluation.baselines",
        "evaluation.detector_baselines[1]", "data.split", "data.scaling");
  }

  /** Even the default validation fraction, written out, would be ignored by the protocol: it is refused, not dropped. */
  @Test
  void anExplicitDefaultSplitIsRefusedTooAndTheResolvedSpecLeavesItOut() throws IOException {
    String yaml = experiment("reconstruction", "{protocol: one_class}")
        .replace("  source: {type: gaussian_blobs, rows: 300, outliers: 20, dims: 8}\n",
            "  source: {type: gaussian_blobs, rows: 300, outliers: 20, dims: 8}\n  split: {validation_fraction: 0.1}\n");
    assertThat(problems(yaml)).extracting(Problem::path).containsExactly("data.split");

    Experiment e = load(experiment("reconstruction", "{protocol: one_class}")).experiment();
    String resolved = new SpecWriter(BuiltInComponents.registry()).toRunnableYaml(e);
    assertThat(resolved).doesNotContain("split");
    assertThat(load(resolved).experiment()).isEqualTo(e);
  }

  @Test
  void oneClassMnistNeedsATestSourceAndTheOtherProtocolsRefuseOne() throws IOException {
    assertThat(problems(experiment("reconstruction", "{protocol: one_class_mnist, normal_digit: 1}")))
        .extracting(Problem::path, Problem::message)
        .anySatisfy(t -> assertThat(t.toList()).containsExactly("data.test_source",
            "protocol one_class_mnist scores a separate test set (all digits); add data.test_source."));
    String withTest = experiment("reconstruction", "{protocol: unsupervised_holdout}")
        .replace("  source: {type: gaussian_blobs, rows: 300, outliers: 20, dims: 8}\n",
            "  source: {type: gaussian_blobs, rows: 300, outliers: 20, dims: 8}\n"
                + "  test_source: {type: gaussian_blobs, rows: 100, outliers: 5, dims: 8}\n");
    assertThat(problems(withTest)).extracting(Problem::path).containsExactly("data.test_source");
  }

  @Test
  void oneClassMnistChecksTheNormalDigitAgainstTheLabels() throws IOException {
    // gaussian_blobs without outliers labels rows by cluster: 0, 1, 2 here, so digit 7 has no rows.
    String yaml = experiment("reconstruction", "{protocol: one_class_mnist, normal_digit: 7}")
        .replace("  source: {type: gaussian_blobs, rows: 300, outliers: 20, dims: 8}\n",
            "  source: {type: gaussian_blobs, rows: 300, dims: 8}\n"
                + "  test_source: {type: gaussian_blobs, rows: 100, dims: 8}\n");
    assertThat(problems(yaml)).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("evaluation.normal_digit");
      assertThat(p.message()).contains("has label 7; labels present: [0, 1, 2]");
    });
    Experiment e = load(yaml.replace("normal_digit: 7", "normal_digit: 2")).experiment();
    assertThat(e.evaluation().anomalyProtocol()).isEqualTo(new OneClassMnist(2));
  }

  @Test
  void theBatchMustFitInTheProtocolsTrainingRows() throws IOException {
    // one_class fits on half of the 300 normal rows.
    assertThat(problems(experiment("reconstruction", "{protocol: one_class}").replace("batch_size: 32", "batch_size: 200")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("batch_size 200 is larger than the 150 training rows of protocol one_class"));
    // stratified_holdout fits on 60 % of each label: 180 of the 300 normal rows and 12 of the 20 outliers.
    assertThat(problems(experiment("reconstruction", "{protocol: stratified_holdout}").replace("batch_size: 32", "batch_size: 200")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("batch_size 200 is larger than the 192 training rows of protocol stratified_holdout"));
  }

  /**
   * one_class_file_order first resamples this 320-row source to 1,000 rows (ADBench's rule, seeded
   * by the experiment), so its training part is about half of ~940 normal rows, not one_class's 150.
   */
  @Test
  void theFileOrderSplitIsSelectableAndItsBatchCheckCountsTheResampledRows() throws IOException {
    String yaml = experiment("reconstruction", "{protocol: one_class_file_order}");
    Experiment e = load(yaml).experiment();
    assertThat(e.evaluation().anomalyProtocol()).isEqualTo(OneClassInFileOrder.dte());
    assertThat(problems(yaml.replace("batch_size: 32", "batch_size: 600"))).singleElement()
        .satisfies(p -> assertThat(p.message()).matches("batch_size 600 is larger than the 4[4-9]\\d training rows of "
            + "protocol one_class_file_order"));
    assertThat(load(yaml.replace("batch_size: 32", "batch_size: 400")).experiment().training().batchSize())
        .as("more than one_class's 150 rows fit").isEqualTo(400);
  }

  @Test
  void theStratifiedHoldoutIsTheProtocolsPerLabelSplit() throws IOException {
    Experiment e = load(experiment("reconstruction", "{protocol: stratified_holdout}")).experiment();

    assertThat(e.evaluation().anomalyProtocol()).isEqualTo(UnsupervisedHoldout.pyodStratified());
  }

  /** What resolved.yaml holds for a detector run loads again, to the same experiment. */
  @Test
  void theResolvedSpecOfADetectorRunLoadsAgain() throws IOException {
    Experiment original = loader.load(Path.of("examples/anomaly-quickstart.yaml"), List.of()).experiment();
    String resolved = new SpecWriter(BuiltInComponents.registry()).toRunnableYaml(original);
    // The autoencoder run's default PCA comparison does not apply, and the resolved spec says so.
    assertThat(resolved).contains("baselines: []").contains("- gaussian");
    assertThat(load(resolved).experiment()).isEqualTo(original);
  }

  /** Java builds the same records as the file; a plain autoencoder experiment has no detector and no protocol. */
  @Test
  void anAutoencoderRunKeepsItsEvaluation() throws IOException {
    Experiment e = loader.load(Path.of("examples/quickstart.yaml"), List.of()).experiment();
    assertThat(e.detector()).isNull();
    assertThat(e.evaluation()).isEqualTo(new EvaluationSpec(List.of(EvaluationSpec.Baseline.PCA)));
    assertThat(e.evaluation().anomalyProtocol()).isNull();
  }
}
