package io.github.aelab.anomaly.baseline;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.FittedRows;
import io.github.aelab.anomaly.RowScorer;
import io.github.aelab.core.data.Dataset;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Isolation forest (Liu, Ting and Zhou, 2008): random trees split on a random column at a
 * uniformly random value between that column's minimum and maximum in the node; anomalies are
 * isolated in few splits. The score is the paper's {@code s(x) = 2^(-E[h(x)] / c(psi))}, in
 * (0, 1], where {@code h(x)} is the path length (plus {@code c(size)} for the rows left in the
 * leaf), {@code c(m) = 2 H(m - 1) - 2 (m - 1) / m} is the mean path length of an unsuccessful
 * binary search tree lookup among {@code m} rows, and {@code psi} is the subsample size.
 *
 * <p>Each tree is grown on {@code psi = min(maxSamples, n)} rows drawn without replacement (the
 * paper's and scikit-learn's rule when there are fewer rows than samples) up to the height limit
 * {@code ceil(log2 psi)}. A node only splits on a column that is not constant in it; a node with
 * no such column is a leaf.
 *
 * @param trees      number of trees, {@code >= 1}
 * @param maxSamples subsample size per tree, {@code >= 2}
 */
public record IsolationForestDetector(int trees, int maxSamples) implements Detector {

  public IsolationForestDetector {
    if (trees < 1) {
      throw new IllegalArgumentException("trees must be >= 1, found " + trees);
    }
    if (maxSamples < 2) {
      throw new IllegalArgumentException("maxSamples must be >= 2, found " + maxSamples);
    }
  }

  /** The paper's (and PyOD's) 100 trees of 256 samples. */
  public static IsolationForestDetector defaults() {
    return new IsolationForestDetector(100, 256);
  }

  @Override
  public String name() {
    return "iforest";
  }

  @Override
  public FittedDetector fit(Dataset train, long seed) {
    double[][] x = TrainingRows.of(train, 2, name());
    int psi = Math.min(maxSamples, x.length);
    int heightLimit = (int) Math.ceil(Math.log(psi) / Math.log(2));
    SplittableRandom rng = new SplittableRandom(seed);
    IsolationTree[] forest = new IsolationTree[trees];
    for (int t = 0; t < trees; t++) {
      forest[t] = IsolationTree.grow(x, sample(x.length, psi, rng), heightLimit, rng);
    }
    double normalizer = IsolationTree.averagePathLength(psi);
    return FittedRows.scoringTraining(name(), x, new AnomalyScore(forest, normalizer));
  }

  /** {@code 2^(-E[h(x)] / c(psi))}: the paper's score from the mean path length over the forest. */
  record AnomalyScore(IsolationTree[] forest, double normalizer) implements RowScorer {
    @Override
    public double score(double[] row) {
      double total = 0;
      for (IsolationTree tree : forest) {
        total += tree.pathLength(row);
      }
      return Math.pow(2, -(total / forest.length) / normalizer);
    }
  }

  /** {@code size} distinct row indices out of {@code n}, by a partial Fisher-Yates shuffle. */
  private static int[] sample(int n, int size, SplittableRandom rng) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    for (int i = 0; i < size; i++) {
      int j = i + rng.nextInt(n - i);
      int swap = all[i];
      all[i] = all[j];
      all[j] = swap;
    }
    return Arrays.copyOf(all, size);
  }
}
