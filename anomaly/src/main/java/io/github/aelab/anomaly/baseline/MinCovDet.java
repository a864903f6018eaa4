package io.github.aelab.anomaly.baseline;

import io.github.aelab.core.stats.Gaussian;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
 * to convergence, and the lowest determinant kept. Above {@value #NESTED_ABOVE} rows it nests the
 * search in subsets, as FAST-MCD and scikit-learn do ({@link #nested}).
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
  /** Above this many rows the search is nested (Rousseeuw and Van Driessen's n > 600; scikit-learn's 500). */
  static final int NESTED_ABOVE = 500;
  static final int SUBSET_ROWS = 300;
  static final int MAX_SUBSETS = 5;
  static final int MERGED_ROWS = 1500;

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
    if (n <= d) {
      throw new IllegalArgumentException("the MCD needs more training rows than columns: it estimates a covariance "
          + "from a subset of more than " + d + " rows, and there are " + n + " rows of " + d + " columns");
    }
    if (support <= d || support > n) {
      throw new IllegalArgumentException("the MCD support must be in " + (d + 1) + ".." + n + " (more rows than the "
          + d + " columns, at most all " + n + " rows), found " + support);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    Candidate best = n > NESTED_ABOVE
        ? nested(x, support, regCovar, rng)
        : converged(best(randomStarts(x, support, TRIALS, regCovar, rng), KEPT), x, support, regCovar, false).get(0);
    return reweight(x, best.gaussian(), regCovar);
  }

  /**
   * FAST-MCD's nested search for large {@code n}, as scikit-learn runs it: random starts in up to
   * {@value #MAX_SUBSETS} disjoint subsets of about {@value #SUBSET_ROWS} rows (with the support
   * scaled to the subset), their {@value #KEPT} best each pooled and iterated on a random merged
   * set of up to {@value #MERGED_ROWS} rows, and the {@value #KEPT} best of those iterated on all
   * rows. Every C-step on all rows costs {@code O(n d^2)}; the nesting keeps their number to a few
   * dozen instead of hundreds.
   */
  private static Candidate nested(double[][] x, int support, double regCovar, SplittableRandom rng) {
    int n = x.length;
    int subsets = Math.min(n / SUBSET_ROWS, MAX_SUBSETS);
    int perSubset = subsets == MAX_SUBSETS ? SUBSET_ROWS : n / subsets;
    int subsetSupport = scaledSupport(perSubset, support, n, x[0].length);
    int trials = Math.max(KEPT, TRIALS / subsets);
    int[] shuffled = randomSubset(n, n, rng);
    List<Candidate> pooled = new ArrayList<>();
    for (int s = 0; s < subsets; s++) {
      double[][] rows = rows(x, Arrays.copyOfRange(shuffled, s * perSubset, (s + 1) * perSubset));
      pooled.addAll(best(randomStarts(rows, subsetSupport, trials, regCovar, rng), KEPT));
    }
    int mergedRows = Math.min(MERGED_ROWS, n);
    double[][] merged = rows(x, randomSubset(n, mergedRows, rng));
    List<Candidate> onMerged = converged(pooled, merged, scaledSupport(mergedRows, support, n, x[0].length), regCovar,
        true);
    if (mergedRows == n) {
      // The merged set is every row (in another order): its best is the answer.
      return onMerged.get(0);
    }
    return converged(onMerged.subList(0, Math.min(KEPT, onMerged.size())), x, support, regCovar, true).get(0);
  }

  /** The support of a subset of {@code rows}, in proportion to {@code support} of {@code n}, and above {@code d}. */
  private static int scaledSupport(int rows, int support, int n, int d) {
    return Math.min(rows, Math.max(d + 1, (int) Math.ceil(rows * (double) support / n)));
  }

  /** {@code trials} random {@code support}-subsets of {@code x}, each improved by two C-steps. */
  private static List<Candidate> randomStarts(double[][] x, int support, int trials, double regCovar,
      SplittableRandom rng) {
    List<Candidate> candidates = new ArrayList<>(trials);
    for (int t = 0; t < trials; t++) {
      Candidate candidate = Candidate.of(x, randomSubset(x.length, support, rng), regCovar);
      for (int step = 0; step < 2; step++) {
        candidate = candidate.cStep(x, support, regCovar);
      }
      candidates.add(candidate);
    }
    return candidates;
  }

  /** The {@code count} candidates of lowest determinant, lowest first. */
  private static List<Candidate> best(List<Candidate> candidates, int count) {
    return candidates.stream().sorted(Comparator.comparingDouble(Candidate::logDeterminant)).limit(count).toList();
  }

  /**
   * Each candidate C-stepped on {@code x} until its determinant stops falling (at most {@value
   * #MAX_C_STEPS} steps); lowest determinant first. A candidate from other rows ({@code
   * carriedOver}) first takes one step unconditionally, which makes it a subset of {@code x}'s rows.
   */
  private static List<Candidate> converged(List<Candidate> starts, double[][] x, int support, double regCovar,
      boolean carriedOver) {
    List<Candidate> out = new ArrayList<>(starts.size());
    for (Candidate start : starts) {
      Candidate candidate = carriedOver ? start.cStep(x, support, regCovar) : start;
      for (int step = carriedOver ? 1 : 0; step < MAX_C_STEPS; step++) {
        Candidate next = candidate.cStep(x, support, regCovar);
        if (!(next.logDeterminant() < candidate.logDeterminant())) {
          break;
        }
        candidate = next;
      }
      out.add(candidate);
    }
    return best(out, out.size());
  }

  private static double[][] rows(double[][] x, int[] indices) {
    double[][] out = new double[indices.length][];
    for (int i = 0; i < indices.length; i++) {
      out[i] = x[indices[i]];
    }
    return out;
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
