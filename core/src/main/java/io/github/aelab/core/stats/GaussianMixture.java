package io.github.aelab.core.stats;

import io.github.aelab.core.data.Dataset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A Gaussian mixture model fitted by expectation-maximization, following scikit-learn's
 * {@code GaussianMixture}: each restart starts from a k-means clustering (its hard assignments are
 * the first responsibilities), E-steps compute responsibilities in log space with log-sum-exp so
 * that far-away rows do not underflow to 0/0, and M-steps add {@code regCovar} to every
 * covariance's diagonal so that a component collapsing onto a few (or collinear) rows keeps a
 * positive-definite covariance. A restart stops when the mean log-likelihood per row changes by
 * less than {@code tolerance}; of {@code nInit} restarts the one with the highest final mean
 * log-likelihood is kept.
 *
 * @param components     number of mixture components, {@code >= 1}
 * @param covarianceType full or diagonal covariances
 * @param regCovar       non-negative value added to every covariance diagonal
 * @param maxIterations  EM iterations per restart, {@code >= 1}
 * @param tolerance      convergence threshold on the change of the mean log-likelihood, {@code >= 0}
 * @param nInit          number of restarts, {@code >= 1}
 */
public record GaussianMixture(int components, CovarianceType covarianceType, double regCovar, int maxIterations,
                              double tolerance, int nInit) {

  /** scikit-learn's defaults. */
  public static final double DEFAULT_REG_COVAR = 1e-6;
  public static final int DEFAULT_MAX_ITERATIONS = 100;
  public static final double DEFAULT_TOLERANCE = 1e-3;
  public static final int DEFAULT_N_INIT = 1;

  public GaussianMixture {
    if (components < 1) {
      throw new IllegalArgumentException("components must be >= 1, found " + components);
    }
    if (covarianceType == null) {
      throw new IllegalArgumentException("covarianceType must be given (FULL or DIAGONAL), found null");
    }
    if (!(regCovar >= 0) || Double.isInfinite(regCovar)) {
      throw new IllegalArgumentException("regCovar must be finite and >= 0, found " + regCovar);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, found " + maxIterations);
    }
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("tolerance must be finite and >= 0, found " + tolerance);
    }
    if (nInit < 1) {
      throw new IllegalArgumentException("nInit must be >= 1, found " + nInit);
    }
  }

  /** {@code components} components of {@code type} with scikit-learn's defaults for the rest. */
  public static GaussianMixture of(int components, CovarianceType type) {
    return new GaussianMixture(components, type, DEFAULT_REG_COVAR, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE,
        DEFAULT_N_INIT);
  }

  /** The same settings with another number of components. */
  public GaussianMixture withComponents(int count) {
    return new GaussianMixture(count, covarianceType, regCovar, maxIterations, tolerance, nInit);
  }

  /** The same settings with another number of restarts. */
  public GaussianMixture withNInit(int restarts) {
    return new GaussianMixture(components, covarianceType, regCovar, maxIterations, tolerance, restarts);
  }

  /** Fits the features of {@code data}; labels, if any, are ignored. */
  public GaussianMixtureModel fit(Dataset data, long seed) {
    return fit(Rows.of(data), seed);
  }

  /**
   * Fits the rows of {@code x}, which needs at least {@code components} distinct rows; every random
   * draw (the k-means initializations) derives from {@code seed}.
   */
  public GaussianMixtureModel fit(double[][] x, long seed) {
    Rows.requireMatrix(x, components, "x");
    SplittableRandom rng = new SplittableRandom(seed);
    GaussianMixtureModel best = null;
    for (int run = 0; run < nInit; run++) {
      GaussianMixtureModel model = fitOnce(x, rng.nextLong());
      if (best == null || model.lowerBound() > best.lowerBound()) {
        best = model;
      }
    }
    return best;
  }

  /**
   * Fits one mixture per candidate number of components and keeps the one with the lowest BIC
   * (the smaller {@code k} on ties); all candidates use the same {@code seed} and the other
   * settings of {@code template}.
   */
  public static BicSelection selectByBic(GaussianMixture template, List<Integer> candidates, double[][] x,
                                         long seed) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("candidates must list at least one number of components, found none");
    }
    Map<Integer, Double> bics = new LinkedHashMap<>();
    GaussianMixtureModel best = null;
    double bestBic = Double.POSITIVE_INFINITY;
    for (int k : candidates) {
      if (bics.containsKey(k)) {
        throw new IllegalArgumentException("candidates must not repeat a number of components, found " + k
            + " twice in " + candidates);
      }
      GaussianMixtureModel model = template.withComponents(k).fit(x, seed);
      double bic = model.bic(x);
      bics.put(k, bic);
      if (best == null || bic < bestBic || (bic == bestBic && k < best.components())) {
        best = model;
        bestBic = bic;
      }
    }
    return new BicSelection(best, bics);
  }

  private GaussianMixtureModel fitOnce(double[][] x, long seed) {
    int n = x.length;
    // The initial responsibilities are one-hot k-means assignments (scikit-learn's init_params="kmeans").
    int[] labels = new KMeans(components, 1, KMeans.DEFAULT_MAX_ITERATIONS, KMeans.DEFAULT_TOLERANCE)
        .fit(x, seed).assignments();
    double[][] resp = new double[n][components];
    for (int i = 0; i < n; i++) {
      resp[i][labels[i]] = 1;
    }
    MixtureParameters params = mStep(x, resp);
    double lowerBound = Double.NEGATIVE_INFINITY;
    boolean converged = false;
    int iterations = 0;
    while (iterations < maxIterations) {
      iterations++;
      double previous = lowerBound;
      lowerBound = eStep(x, params, resp);
      params = mStep(x, resp);
      if (Math.abs(lowerBound - previous) < tolerance) {
        converged = true;
        break;
      }
    }
    // The bound of the final parameters, so that restarts are compared on what they return.
    lowerBound = eStep(x, params, new double[n][components]);
    return new GaussianMixtureModel(params.weights, params.gaussians, covarianceType, lowerBound, converged,
        iterations);
  }

  /** Writes the responsibilities into {@code resp} and returns the mean log-likelihood per row. */
  private static double eStep(double[][] x, MixtureParameters params, double[][] resp) {
    int k = params.weights.length;
    double[] logWeights = new double[k];
    for (int j = 0; j < k; j++) {
      logWeights[j] = Math.log(params.weights[j]);
    }
    double total = 0;
    double[] joint = new double[k];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < k; j++) {
        joint[j] = logWeights[j] + params.gaussians[j].logDensity(x[i]);
      }
      double norm = LogSumExp.of(joint);
      total += norm;
      for (int j = 0; j < k; j++) {
        resp[i][j] = Math.exp(joint[j] - norm);
      }
    }
    return total / x.length;
  }

  private MixtureParameters mStep(double[][] x, double[][] resp) {
    int n = x.length;
    int d = x[0].length;
    double[] weights = new double[components];
    Gaussian[] gaussians = new Gaussian[components];
    for (int j = 0; j < components; j++) {
      // scikit-learn adds 10 machine epsilons to every component's mass so that a component
      // that owns no row yields a finite (if meaningless) mean instead of 0/0.
      double mass = 10 * Math.ulp(1.0);
      double[] mean = new double[d];
      for (int i = 0; i < n; i++) {
        double r = resp[i][j];
        mass += r;
        for (int c = 0; c < d; c++) {
          mean[c] += r * x[i][c];
        }
      }
      for (int c = 0; c < d; c++) {
        mean[c] /= mass;
      }
      weights[j] = mass / n;
      String what = "component " + j + " of a " + components + "-component mixture (regCovar = " + regCovar + ")";
      gaussians[j] = covarianceType == CovarianceType.FULL
          ? Gaussian.full(mean, fullCovariance(x, resp, j, mean, mass), what)
          : Gaussian.diagonal(mean, diagonalCovariance(x, resp, j, mean, mass), what);
    }
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    for (int j = 0; j < components; j++) {
      weights[j] /= sum;
    }
    return new MixtureParameters(weights, gaussians);
  }

  private double[][] fullCovariance(double[][] x, double[][] resp, int j, double[] mean, double mass) {
    int d = mean.length;
    double[][] cov = new double[d][d];
    double[] diff = new double[d];
    for (int i = 0; i < x.length; i++) {
      double r = resp[i][j];
      if (r == 0) {
        continue;
      }
      for (int c = 0; c < d; c++) {
        diff[c] = x[i][c] - mean[c];
      }
      for (int a = 0; a < d; a++) {
        double ra = r * diff[a];
        for (int b = 0; b <= a; b++) {
          cov[a][b] += ra * diff[b];
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) {
        cov[a][b] /= mass;
        cov[b][a] = cov[a][b];
      }
      cov[a][a] += regCovar;
    }
    return cov;
  }

  private double[] diagonalCovariance(double[][] x, double[][] resp, int j, double[] mean, double mass) {
    int d = mean.length;
    double[] variances = new double[d];
    for (int i = 0; i < x.length; i++) {
      double r = resp[i][j];
      for (int c = 0; c < d; c++) {
        double diff = x[i][c] - mean[c];
        variances[c] += r * diff * diff;
      }
    }
    for (int c = 0; c < d; c++) {
      variances[c] = variances[c] / mass + regCovar;
    }
    return variances;
  }

  private record MixtureParameters(double[] weights, Gaussian[] gaussians) {
  }

  /**
   * The outcome of {@link #selectByBic}.
   *
   * @param best the fitted model with the lowest BIC
   * @param bics the BIC of every candidate, in the order the candidates were given
   */
  public record BicSelection(GaussianMixtureModel best, Map<Integer, Double> bics) {
    public BicSelection {
      bics = Collections.unmodifiableMap(new LinkedHashMap<>(bics));
    }

    /** The selected number of components. */
    public int components() {
      return best.components();
    }
  }
}
