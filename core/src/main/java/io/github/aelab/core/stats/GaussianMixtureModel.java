package io.github.aelab.core.stats;

import io.github.aelab.core.data.Dataset;
import java.util.Objects;

/**
 * A fitted Gaussian mixture: weights and one {@link Gaussian} per component, with the fitting
 * diagnostics. Immutable.
 */
public final class GaussianMixtureModel implements java.io.Serializable {
  /** Fitted values are saved with anomaly detectors (aelab-anomaly's SavedDetector). */
  private static final long serialVersionUID = 1L;

  private final double[] weights;
  private final Gaussian[] gaussians;
  private final CovarianceType covarianceType;
  private final double lowerBound;
  private final boolean converged;
  private final int iterations;

  /**
   * A mixture of {@code gaussians} with the given {@code weights} (positive, summing to 1 within
   * 1e-9); the diagnostics are those of the EM run that produced it.
   */
  public GaussianMixtureModel(double[] weights, Gaussian[] gaussians, CovarianceType covarianceType,
                              double lowerBound, boolean converged, int iterations) {
    if (weights.length == 0 || weights.length != gaussians.length) {
      throw new IllegalArgumentException("weights and gaussians must have the same, non-zero length, found "
          + weights.length + " and " + gaussians.length);
    }
    double sum = 0;
    for (int j = 0; j < weights.length; j++) {
      if (!(weights[j] > 0)) {
        throw new IllegalArgumentException("weight " + j + " must be > 0, found " + weights[j]);
      }
      if (gaussians[j].dims() != gaussians[0].dims()) {
        throw new IllegalArgumentException("all components must have " + gaussians[0].dims()
            + " dimensions, component " + j + " has " + gaussians[j].dims());
      }
      if (gaussians[j].isDiagonal() != (covarianceType == CovarianceType.DIAGONAL)) {
        throw new IllegalArgumentException("component " + j + " does not have a " + covarianceType.key()
            + " covariance");
      }
      sum += weights[j];
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException("weights must sum to 1, found " + sum);
    }
    this.weights = weights.clone();
    this.gaussians = gaussians.clone();
    this.covarianceType = covarianceType;
    this.lowerBound = lowerBound;
    this.converged = converged;
    this.iterations = iterations;
  }

  public int components() {
    return weights.length;
  }

  public int dims() {
    return gaussians[0].dims();
  }

  public CovarianceType covarianceType() {
    return covarianceType;
  }

  /** A copy of the mixing weights. */
  public double[] weights() {
    return weights.clone();
  }

  /** Component {@code j}. */
  public Gaussian component(int j) {
    return gaussians[Objects.checkIndex(j, gaussians.length)];
  }

  /** The mean of every component, one row each. */
  public double[][] means() {
    double[][] means = new double[gaussians.length][];
    for (int j = 0; j < gaussians.length; j++) {
      means[j] = gaussians[j].mean();
    }
    return means;
  }

  /** The mean log-likelihood per training row under the returned parameters. */
  public double lowerBound() {
    return lowerBound;
  }

  /** Whether EM stopped on the tolerance rather than on the iteration limit. */
  public boolean converged() {
    return converged;
  }

  /** EM iterations of the kept restart. */
  public int iterations() {
    return iterations;
  }

  /** The log density {@code log p(x)} of every row of {@code x} (scikit-learn's {@code score_samples}). */
  public double[] scoreSamples(double[][] x) {
    Rows.requireColumns(x, dims(), "the Gaussian mixture");
    double[] scores = new double[x.length];
    double[] joint = new double[weights.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < weights.length; j++) {
        joint[j] = Math.log(weights[j]) + gaussians[j].logDensity(x[i]);
      }
      scores[i] = LogSumExp.of(joint);
    }
    return scores;
  }

  /** The log density of every row of {@code data}. */
  public double[] scoreSamples(Dataset data) {
    return scoreSamples(Rows.of(data));
  }

  /** The mean log density over the rows of {@code x}. */
  public double score(double[][] x) {
    if (x.length == 0) {
      throw new IllegalArgumentException("the mean log density of no rows is undefined");
    }
    double sum = 0;
    for (double s : scoreSamples(x)) {
      sum += s;
    }
    return sum / x.length;
  }

  /** The posterior probability of each component for every row: rows sum to 1. */
  public double[][] predictProba(double[][] x) {
    Rows.requireColumns(x, dims(), "the Gaussian mixture");
    double[][] proba = new double[x.length][weights.length];
    for (int i = 0; i < x.length; i++) {
      double[] joint = proba[i];
      for (int j = 0; j < weights.length; j++) {
        joint[j] = Math.log(weights[j]) + gaussians[j].logDensity(x[i]);
      }
      double norm = LogSumExp.of(joint);
      for (int j = 0; j < weights.length; j++) {
        joint[j] = Math.exp(joint[j] - norm);
      }
    }
    return proba;
  }

  /** The most probable component of every row (the lower index on ties). */
  public int[] predict(double[][] x) {
    double[][] proba = predictProba(x);
    int[] labels = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 1; j < weights.length; j++) {
        if (proba[i][j] > proba[i][labels[i]]) {
          labels[i] = j;
        }
      }
    }
    return labels;
  }

  /**
   * Number of free parameters: {@code k - 1} weights, {@code k d} mean entries and per component
   * {@code d (d + 1) / 2} (full) or {@code d} (diagonal) covariance entries.
   */
  public int parameterCount() {
    int k = weights.length;
    int d = dims();
    int covariance = covarianceType == CovarianceType.FULL ? d * (d + 1) / 2 : d;
    return (k - 1) + k * d + k * covariance;
  }

  /** The Bayesian information criterion on {@code x}: {@code -2 log L + p ln n}; lower is better. */
  public double bic(double[][] x) {
    return -2 * score(x) * x.length + parameterCount() * Math.log(x.length);
  }

  /** The Akaike information criterion on {@code x}: {@code -2 log L + 2 p}. */
  public double aic(double[][] x) {
    return -2 * score(x) * x.length + 2 * parameterCount();
  }

  @Override
  public String toString() {
    return "GaussianMixtureModel[components=" + weights.length + ", dims=" + dims() + ", covariance="
        + covarianceType.key() + ", lowerBound=" + lowerBound + ", converged=" + converged + ", iterations="
        + iterations + "]";
  }
}
