package io.github.aelab.anomaly.baseline;

import io.github.aelab.anomaly.RowScorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.core.data.Dataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class OneClassSvmDetectorTest {

  @Test
  void ranksPlantedOutliersFirst() {
    PlantedOutliers.assertRanksOutliersFirst(OneClassSvmDetector.pyod());
  }

  @Test
  void sameSeedSameScores() {
    PlantedOutliers.assertSameSeedSameScores(OneClassSvmDetector.pyod());
  }

  @Test
  void nuBoundsTheShareOfTrainingRowsOutsideTheSupport() {
    Dataset train = PlantedOutliers.split(2).train();
    for (double nu : new double[] {0.05, 0.2, 0.5}) {
      double[] scores = new OneClassSvmDetector(nu, OptionalDouble.empty(), 1e-3, 200).fit(train, 0)
          .trainingScores();
      // Margin support vectors sit on the boundary only up to the solver's tolerance (scores of
      // about +-1e-4 here), so rows count as outside when beyond it.
      int outside = 0;
      for (double score : scores) {
        outside += score > 1e-3 ? 1 : 0;
      }
      // nu is an upper bound on the fraction of training rows outside the support.
      assertThat((double) outside / scores.length).as("nu = %s", nu).isLessThanOrEqualTo(nu);
    }
  }

  /** The dense decision function scores as libsvm's own svm_predict_values does. */
  @Test
  void theDenseDecisionFunctionIsLibsvms() {
    double[][] x = TrainingRows.of(PlantedOutliers.split(3).train(), 2, "ocsvm");
    double gamma = LibSvmOneClass.scaleGamma(x);
    libsvm.svm_problem problem = new libsvm.svm_problem();
    problem.l = x.length;
    problem.y = new double[x.length];
    problem.x = new libsvm.svm_node[x.length][];
    for (int i = 0; i < x.length; i++) {
      problem.x[i] = LibSvmOneClass.nodes(x[i]);
    }
    libsvm.svm_parameter parameter = new libsvm.svm_parameter();
    parameter.svm_type = libsvm.svm_parameter.ONE_CLASS;
    parameter.kernel_type = libsvm.svm_parameter.RBF;
    parameter.gamma = gamma;
    parameter.nu = 0.5;
    parameter.eps = 1e-3;
    parameter.cache_size = 100;
    libsvm.svm_model model = libsvm.svm.svm_train(problem, parameter);
    RowScorer dense = LibSvmOneClass.RbfDecision.of(model, x[0].length, gamma);
    double[] origin = new double[x[0].length];
    double[] far = origin.clone();
    java.util.Arrays.fill(far, 5);
    far[1] = -3;
    for (double[] row : new double[][] {x[0], x[7], origin, far}) {
      double[] decision = new double[1];
      libsvm.svm.svm_predict_values(model, LibSvmOneClass.nodes(row), decision);
      assertThat(dense.score(row)).isCloseTo(-decision[0], within(1e-12));
    }
  }

  @Test
  void scaleGammaIsOneOverColumnsTimesVariance() {
    // All entries 0, 2, 4, 6: mean 3, variance 5; two columns.
    double[][] x = {{0, 2}, {4, 6}};

    assertThat(LibSvmOneClass.scaleGamma(x)).isCloseTo(1 / (2 * 5.0), within(1e-15));
    assertThat(LibSvmOneClass.scaleGamma(new double[][] {{1, 1}, {1, 1}})).isEqualTo(1.0);
  }

  @Test
  void libsvmPrintsNothing() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured));
    try {
      OneClassSvmDetector.pyod().fit(PlantedOutliers.split(1).train(), 0);
    } finally {
      System.setOut(original);
    }
    assertThat(captured.toString()).isEmpty();
  }

  @Test
  void validatesParameters() {
    assertThatThrownBy(() -> new OneClassSvmDetector(0, OptionalDouble.empty(), 1e-3, 200))
        .hasMessage("nu must be in (0, 1], found 0.0");
    assertThatThrownBy(() -> new OneClassSvmDetector(0.5, OptionalDouble.of(-1), 1e-3, 200))
        .hasMessage("gamma must be finite and > 0 (or empty for \"scale\"), found -1.0");
    FittedDetector fitted = OneClassSvmDetector.pyod().fit(TestRows.of(new double[] {0, 1}, new double[] {1, 0}), 0);
    assertThatThrownBy(() -> fitted.score(TestRows.column(1)))
        .hasMessage("ocsvm was fitted on 2 columns, but dataset 'rows' has 1");
  }
}
