package io.github.aelab.anomaly.baseline;

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
    svm_model model = svm.svm_train(problem, parameter);
    return row -> {
      double[] decision = new double[1];
      svm.svm_predict_values(model, nodes(row), decision);
      return -decision[0];
    };
  }

  /** A dense row in libsvm's sparse format (1-based indices). */
  private static svm_node[] nodes(double[] row) {
    svm_node[] nodes = new svm_node[row.length];
    for (int c = 0; c < row.length; c++) {
      nodes[c] = new svm_node();
      nodes[c].index = c + 1;
      nodes[c].value = row[c];
    }
    return nodes;
  }
}
