package io.github.aelab.anomaly.baseline;

import io.github.aelab.anomaly.RowScorer;
import io.github.aelab.core.stats.SquaredDistances;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * Trains libsvm's nu one-class SVM with an RBF kernel (Schölkopf et al., 2001) and scores rows by
 * the negated decision function, so that rows outside the estimated support score high. libsvm's
 * training is deterministic (its random generator is only used for probability estimates and
 * cross-validation, neither of which is used here).
 */
final class LibSvmOneClass {

  static {
    // libsvm prints solver progress to stdout by default; a benchmark's output is its table.
    svm.svm_set_print_string_function(message -> { });
  }

  private LibSvmOneClass() {
  }

  /**
   * scikit-learn's {@code gamma="scale"}: {@code 1 / (d * var(X))} with the variance of all
   * entries of {@code x}; 1 when every entry is equal, as in scikit-learn.
   */
  static double scaleGamma(double[][] x) {
    int d = x[0].length;
    double mean = 0;
    for (double[] row : x) {
      for (double v : row) {
        mean += v;
      }
    }
    mean /= (double) x.length * d;
    double squares = 0;
    for (double[] row : x) {
      for (double v : row) {
        squares += (v - mean) * (v - mean);
      }
    }
    double variance = squares / ((double) x.length * d);
    return variance == 0 ? 1 : 1 / (d * variance);
  }

  /** Trains on {@code x} and returns the scorer {@code -decision_function(row)}. */
  static RowScorer train(double[][] x, double nu, double gamma, double tolerance, double cacheMb) {
    svm_problem problem = new svm_problem();
    problem.l = x.length;
    problem.y = new double[x.length];
    problem.x = new svm_node[x.length][];
    for (int i = 0; i < x.length; i++) {
      problem.y[i] = 1;
      problem.x[i] = nodes(x[i]);
    }
    svm_parameter parameter = new svm_parameter();
    parameter.svm_type = svm_parameter.ONE_CLASS;
    parameter.kernel_type = svm_parameter.RBF;
    parameter.gamma = gamma;
    parameter.nu = nu;
    parameter.eps = tolerance;
    parameter.cache_size = cacheMb;
    parameter.shrinking = 1;
    parameter.probability = 0;
    parameter.nr_weight = 0;
    parameter.weight_label = new int[0];
    parameter.weight = new double[0];
    String problemWithParameters = svm.svm_check_parameter(problem, parameter);
    if (problemWithParameters != null) {
      throw new IllegalArgumentException("libsvm rejected the one-class SVM parameters (nu = " + nu + ", gamma = "
          + gamma + "): " + problemWithParameters);
    }
    return RbfDecision.of(svm.svm_train(problem, parameter), x[0].length, gamma);
  }

  /**
   * A row in libsvm's sparse format (1-based indices), its zeros left out: libsvm's kernels sum
   * over the entries present, so the values are the same and a mostly blank image (MNIST's are
   * about 80 % zeros) costs a fifth of the work.
   */
  static svm_node[] nodes(double[] row) {
    int present = 0;
    for (double v : row) {
      present += v != 0 ? 1 : 0;
    }
    svm_node[] nodes = new svm_node[present];
    int k = 0;
    for (int c = 0; c < row.length; c++) {
      if (row[c] != 0) {
        nodes[k] = new svm_node();
        nodes[k].index = c + 1;
        nodes[k].value = row[c];
        k++;
      }
    }
    return nodes;
  }

  /**
   * The negated decision function {@code -(sum_i coef_i exp(-gamma |x - sv_i|^2) - rho)} over
   * dense support vectors, the kernel sum a block of rows at a time in the graph
   * ({@link SquaredDistances#rbfSum}): the same value libsvm's {@code svm_predict_values}
   * computes (up to the order of the sums), without building nodes per row; scoring MNIST's 10,000
   * test images against a few hundred support vectors goes from minutes to seconds.
   */
  record RbfDecision(double[][] supportVectors, double[] coefficients, double rho, double gamma)
      implements RowScorer {

    static RbfDecision of(svm_model model, int cols, double gamma) {
      int count = model.l;
      double[][] dense = new double[count][cols];
      double[] coefficients = new double[count];
      for (int i = 0; i < count; i++) {
        for (svm_node node : model.SV[i]) {
          dense[i][node.index - 1] = node.value;
        }
        coefficients[i] = model.sv_coef[0][i];
      }
      return new RbfDecision(dense, coefficients, model.rho[0], gamma);
    }

    @Override
    public double score(double[] row) {
      return scoreAll(new double[][] {row})[0];
    }

    @Override
    public double[] scoreAll(double[][] rows) {
      double[] scores = SquaredDistances.rbfSum(supportVectors, rows, gamma, coefficients);
      for (int r = 0; r < scores.length; r++) {
        scores[r] = -(scores[r] - rho);
      }
      return scores;
    }
  }
}
