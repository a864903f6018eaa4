package io.github.aelab.experiments;

import static io.github.aelab.experiments.TreeLookup.node;
import static io.github.aelab.experiments.TreeLookup.valueAt;

import io.github.aelab.anomaly.metric.AnomalyLabels;
import io.github.aelab.anomaly.protocol.OneClass;
import io.github.aelab.anomaly.protocol.OneClassInFileOrder;
import io.github.aelab.anomaly.protocol.TopKF1;
import io.github.aelab.anomaly.protocol.UnsupervisedHoldout;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.Splits;
import io.github.aelab.experiments.bind.Problems;
import io.github.aelab.experiments.bind.Suggestions;
import io.github.aelab.experiments.detector.AnomalyBaselines;
import io.github.aelab.experiments.detector.CodeDensitySpec;
import io.github.aelab.experiments.spec.DataSpec;
import io.github.aelab.experiments.spec.EvaluationSpec.AnomalyProtocol;
import io.github.aelab.experiments.spec.Experiment;
import io.github.aelab.experiments.yaml.Location;
import io.github.aelab.experiments.yaml.YamlNode;
import java.util.Arrays;
import java.util.List;

/**
 * The cross-checks of detector runs, after binding: which sections go with which kind of run
 * (a protocol without a detector means nothing; the protocol, not {@code data.split}, splits the
 * rows), the names of anomaly baselines, and what the data must offer the protocol (labels, the
 * normal digit, enough training rows for a batch). Like the rest of loading, every problem is
 * collected with its place in the file, before any TensorFlow work.
 */
final class DetectorChecks {
  private static final String PROTOCOLS = "Allowed: " + String.join(", ",
      Arrays.stream(AnomalyProtocol.values()).map(AnomalyProtocol::yamlName).toList()) + ".";

  private DetectorChecks() {}

  /**
   * Checks that need no data. Returns whether the detector can be built: false when a name in
   * it is already reported, so that the same mistake is not reported twice.
   */
  static boolean checkSections(Experiment e, YamlNode tree, Problems problems) {
    var evaluation = e.evaluation();
    if (e.detector() == null) {
      if (evaluation.protocol() != null) {
        problems.add(valueAt(tree, "evaluation", "protocol"), "evaluation.protocol", "an anomaly protocol needs a "
            + "detector to evaluate; add a detector section, or remove the protocol.", null);
      }
      if (!evaluation.detectorBaselines().isEmpty()) {
        problems.add(valueAt(tree, "evaluation", "detector_baselines"), "evaluation.detector_baselines",
            "detector_baselines are measured beside a detector; add a detector section, or remove them.", null);
      }
      return false;
    }
    if (evaluation.protocol() == null) {
      // Without an evaluation section, the detector is what asks for the protocol.
      Location at = node(tree, "evaluation") != null ? ExperimentLoader.locate(tree, "evaluation")
          : ExperimentLoader.locate(tree, "detector");
      problems.add(at, "evaluation.protocol",
          "a detector run needs an anomaly protocol: how rows are split into training and test.", null, PROTOCOLS);
    }
    if (node(tree, "evaluation", "baselines") instanceof YamlNode.ListNode list && !list.items().isEmpty()) {
      problems.add(list.location(), "evaluation.baselines", "baselines compares an autoencoder run with PCA; a "
          + "detector run compares with detector_baselines instead (e.g. detector_baselines: [pca, iforest]).", null);
    }
    checkBaselineNames(evaluation.detectorBaselines(), tree, problems);
    // Judged by presence, so that even the default written out is refused rather than ignored;
    // SpecWriter.toRunnableYaml leaves it out of a run's resolved spec.
    if (node(tree, "data", "split") != null) {
      problems.add(ExperimentLoader.locate(tree, "data", "split"), "data.split", "the anomaly protocol splits the rows "
          + "of a detector run; remove data.split.", null);
    }
    if (e.data().scaling() != DataSpec.Scaling.NONE) {
      problems.add(valueAt(tree, "data", "scaling"), "data.scaling", "the anomaly protocol scales the rows of a "
          + "detector run itself (fitted on its training part only); remove data.scaling.", null);
    }
    AnomalyProtocol protocol = evaluation.protocol();
    if (protocol != null && protocol.needsTestSource() && e.data().testSource() == null) {
      problems.add(ExperimentLoader.locate(tree, "data"), "data.test_source", "protocol " + protocol.yamlName()
          + " scores a separate test set (all digits); add data.test_source.", null);
    }
    if (protocol != null && !protocol.needsTestSource() && e.data().testSource() != null) {
      problems.add(ExperimentLoader.locate(tree, "data", "test_source"), "data.test_source", "protocol "
          + protocol.yamlName() + " splits the source's rows itself; test_source is for one_class_mnist only.", null);
    }
    return checkDensityName(e, tree, problems);
  }

  /**
   * Checks against the loaded rows ({@code test} is null without a test source): the detector
   * suits the model, the labels suit the protocol, and a batch fits in the training part.
   */
  static void checkData(Experiment e, YamlNode tree, Dataset data, Dataset test, boolean buildDetector,
      Problems problems) {
    if (buildDetector) {
      try {
        e.buildDetector(data.cols());
      } catch (IllegalArgumentException ex) {
        problems.add(ExperimentLoader.locate(tree, "detector"), "detector", ex.getMessage(), null);
      }
    }
    AnomalyProtocol protocol = e.evaluation().protocol();
    if (protocol == null) {
      return;
    }
    Integer trainRows = protocol == AnomalyProtocol.ONE_CLASS_MNIST
        ? digitRows(e, tree, data, test, problems)
        : anomalyLabelRows(protocol, e.seed(), tree, data, problems);
    int batch = e.training().batchSize();
    if (trainRows != null && trainRows < batch) {
      problems.add(ExperimentLoader.locate(tree, "training", "batch_size"), "training.batch_size", "batch_size " + batch
          + " is larger than the " + trainRows + " training rows of protocol " + protocol.yamlName(), null);
    }
  }

  /** Rows the protocol fits on, or null when the labels do not suit it (reported). */
  private static Integer anomalyLabelRows(AnomalyProtocol protocol, long seed, YamlNode tree, Dataset data,
      Problems problems) {
    Location at = ExperimentLoader.locate(tree, "data", "source");
    if (!data.hasLabels()) {
      problems.add(at, "data.source", "protocol " + protocol.yamlName() + " needs labels (1 = anomaly, 0 = normal), "
          + "but the source '" + data.name() + "' has none.", null);
      return null;
    }
    int anomalies;
    try {
      anomalies = AnomalyLabels.count(AnomalyLabels.flags(data.labels()));
    } catch (IllegalArgumentException ex) {
      problems.add(at, "data.source", "protocol " + protocol.yamlName() + " reads the labels as 1 = anomaly, "
          + "0 = normal: " + ex.getMessage() + "; for digit labels use protocol one_class_mnist", null);
      return null;
    }
    if (anomalies == 0 || anomalies == data.rows()) {
      problems.add(at, "data.source", "the source '" + data.name() + "' has " + (anomalies == 0 ? "no anomalies" : "only "
          + "anomalies") + "; ranking metrics need both labels 0 and 1.", null);
      return null;
    }
    int normals = data.rows() - anomalies;
    return switch (protocol) {
      case UNSUPERVISED_HOLDOUT -> UnsupervisedHoldout.pyod().trainRows(normals, anomalies);
      case STRATIFIED_HOLDOUT -> UnsupervisedHoldout.pyodStratified().trainRows(normals, anomalies);
      case ONE_CLASS -> Splits.trainRows(normals, OneClass.adbench().normalTrainFraction());
      case ONE_CLASS_FILE_ORDER -> OneClassInFileOrder.dte().trainRows(data, seed);
      case TOPK_F1 -> Splits.trainRows(normals, TopKF1.dagmm().normalTrainFraction());
      case ONE_CLASS_MNIST -> throw new IllegalStateException("one_class_mnist counts digits");
    };
  }

  /** Rows of the normal digit, or null when the labels do not allow the protocol (reported). */
  private static Integer digitRows(Experiment e, YamlNode tree, Dataset data, Dataset test, Problems problems) {
    if (test != null && !test.hasLabels()) {
      problems.add(ExperimentLoader.locate(tree, "data", "test_source"), "data.test_source", "protocol "
          + "one_class_mnist needs the test set's digit labels (e.g. an idx labels file), but '" + test.name()
          + "' has none.", null);
    }
    if (!data.hasLabels()) {
      problems.add(ExperimentLoader.locate(tree, "data", "source"), "data.source", "protocol one_class_mnist needs "
          + "digit labels to find the normal rows (e.g. an idx labels file), but '" + data.name() + "' has none.", null);
      return null;
    }
    int digit = e.evaluation().normalDigit();
    Integer rows = data.labelCounts().get(digit);
    if (rows == null) {
      problems.add(valueAt(tree, "evaluation", "normal_digit"), "evaluation.normal_digit", "no row of '" + data.name()
          + "' has label " + digit + "; labels present: " + data.labelCounts().keySet() + ".", null);
      return null;
    }
    return rows;
  }

  private static void checkBaselineNames(List<String> names, YamlNode tree, Problems problems) {
    BaselineNames.check(names, AnomalyBaselines.names(), "detector_baselines", "anomaly", tree, problems);
  }

  private static boolean checkDensityName(Experiment e, YamlNode tree, Problems problems) {
    if (!(e.detector() instanceof CodeDensitySpec spec)) {
      return true;
    }
    List<String> known = AnomalyBaselines.densityNames();
    if (known.contains(spec.density())) {
      return true;
    }
    problems.add(valueAt(tree, "detector", "density"), "detector.density", "unknown density '" + spec.density()
        + "' for detector 'code_density'.", Suggestions.closest(spec.density(), known),
        "Known: " + String.join(", ", known) + ".");
    return false;
  }
}
