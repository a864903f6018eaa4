package io.github.aelab.anomaly.baseline;

import io.github.aelab.core.stats.Gaussian;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The Minimum Covariance Determinant estimator (Rousseeuw, 1984) by FAST-MCD (Rousseeuw and Van
 * Driessen, 1999): the mean and covariance of the {@code h} rows whose covariance has the
 * smallest determinant, so that up to {@code n - h} outliers cannot drag the estimate.
 *
 * <p>The search follows scikit-learn's {@code MinCovDet} for small data: {@value #TRIALS} random
 * {@code h}-subsets each improved by two C-steps (a C-step refits on the {@code h} rows nearest in
 * Mahalanobis distance, which never increases the determinant), the {@value #KEPT} best iterated
 * to convergence, and the lowest determinant kept. FAST-MCD's nested subsampling for very large
 * {@code n} is not implemented, so each C-step costs {@code O(n d^2)}.
 *
 * <p>The raw estimate is then made consistent at the normal model (its covariance scaled so the
 * median squared distance equals the chi-squared median) and reweighted: the final estimate is
 * the plain mean and covariance of the rows whose corrected squared distance is below the 0.975
 * chi-squared quantile, as in scikit-learn.
 */
final class MinCovDet {

  static final int TRIALS = 30;
  static final int KEPT = 10;
  static final int MAX_C_STEPS = 30;

  private MinCovDet() {
  }

  /**
   * The reweighted MCD estimate of {@code x} with {@code support} rows in the raw estimate
   * ({@code d < support <= n}); {@code regCovar} is added to every covariance diagonal so that
   * subsets of collinear rows stay positive definite.
   */
  static Gaussian fit(double[][] x, int support, double regCovar, long seed) {
    int n = x.length;
    int d = x[0].length;
    if (support <= d || support > n) {
      throw new IllegalArgumentException("the MCD support must be in " + (d + 1) + ".." + n + " (more rows than the "
          + d + " columns, at most all " + n + " rows), found " + support);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    Candidate[] candidates = new Candidate[TRIALS];
    for (int t = 0; t < TRIALS; t++) {
      Candidate candidate = Candidate.of(x, randomSubset(n, support, rng), regCovar);
      for (int step = 0; step < 2; step++) {
        candidate = candidate.cStep(x, support, regCovar);
      }
      candidates[t] = candidate;
    }
    Arrays.sort(candidates, Comparator.comparingDouble(Candidate::logDeterminant));
    Candidate best = null;
    for (int t = 0; t < KEPT && t < TRIALS; t++) {
      Candidate candidate = candidates[t];
      for (int step = 0; step < MAX_C_STEPS; step++) {
        Candidate next = candidate.cStep(x, support, regCovar);
        boolean improved = next.logDeterminant() < candidate.logDeterminant();
        candidate = improved ? next : candidate;
        if (!improved) {
          break;
        }
      }
      if (best == null || candidate.logDeterminant() < best.logDeterminant()) {
        best = candidate;
      }
    }
    return reweight(x, best.gaussian(), regCovar);
  }

  private static Gaussian reweight(double[][] x, Gaussian raw, double regCovar) {
    int d = x[0].length;
    double[] distances = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      distances[i] = raw.mahalanobisSquared(x[i]);
    }
    double[] sorted = distances.clone();
    Arrays.sort(sorted);
    double median = sorted.length % 2 == 1
        ? sorted[sorted.length / 2]
        : 0.5 * (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]);
    // Scaling the covariance by c divides every squared distance by c.
    double correction = median / ChiSquared.quantile(0.5, d);
    double cut = ChiSquared.quantile(0.975, d);
    int[] kept = IntStream.range(0, x.length)
        .filter(i -> correction == 0 ? distances[i] == 0 : distances[i] / correction < cut)
        .toArray();
    return Candidate.of(x, kept, regCovar).gaussian();
  }

  /** {@code size} distinct row indices out of {@code n}, by a partial Fisher-Yates shuffle. */
  private static int[] randomSubset(int n, int size, SplittableRandom rng) {
    int[] all = IntStream.range(0, n).toArray();
    for (int i = 0; i < size; i++) {
      int j = i + rng.nextInt(n - i);
      int swap = all[i];
      all[i] = all[j];
      all[j] = swap;
    }
    return Arrays.copyOf(all, size);
  }

  /** A subset's Gaussian (plain mean, covariance with divisor h, plus the regularization). */
  private record Candidate(Gaussian gaussian) {

    static Candidate of(double[][] x, int[] rows, double regCovar) {
      return new Candidate(SampleGaussian.of(x, rows, regCovar));
    }

    double logDeterminant() {
      return gaussian.logDeterminant();
    }

    /** The candidate of the {@code support} rows nearest to this one in Mahalanobis distance. */
    Candidate cStep(double[][] x, int support, double regCovar) {
      double[] distances = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        distances[i] = gaussian.mahalanobisSquared(x[i]);
      }
      int[] nearest = IntStream.range(0, x.length).boxed()
          .sorted(Comparator.comparingDouble((Integer i) -> distances[i]).thenComparingInt(i -> i))
          .limit(support).mapToInt(Integer::intValue).toArray();
      return of(x, nearest, regCovar);
    }
  }
}
