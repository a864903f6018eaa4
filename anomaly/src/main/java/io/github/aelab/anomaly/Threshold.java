package io.github.aelab.anomaly;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How scores become decisions. A row is flagged when its score is strictly above the cut, except
 * for {@link TopK}, which flags exactly {@code k} rows.
 */
public sealed interface Threshold {

  /**
   * Flags the rows whose {@code scores} pass this threshold; {@code trainingScores} are the fitted
   * detector's scores of its own training rows.
   */
  boolean[] flag(double[] trainingScores, double[] scores);

  /**
   * The expected fraction of anomalies in the training data: the cut is the
   * {@code 1 - fraction} quantile of the training scores (PyOD's {@code contamination}).
   */
  record Contamination(double fraction) implements Threshold {
    public Contamination {
      if (!(fraction > 0 && fraction < 0.5)) {
        throw new IllegalArgumentException("contamination must be in (0, 0.5), found " + fraction);
      }
    }

    @Override
    public boolean[] flag(double[] trainingScores, double[] scores) {
      return above(scores, Quantiles.linear(trainingScores, 1 - fraction));
    }
  }

  /** The cut is the given percentile (0..100) of the training scores. */
  record Percentile(double percentile) implements Threshold {
    public Percentile {
      if (!(percentile >= 0 && percentile <= 100)) {
        throw new IllegalArgumentException("percentile must be in [0, 100], found " + percentile);
      }
    }

    @Override
    public boolean[] flag(double[] trainingScores, double[] scores) {
      return above(scores, Quantiles.linear(trainingScores, percentile / 100));
    }
  }

  /** A fixed cut on the score scale. */
  record Fixed(double value) implements Threshold {
    public Fixed {
      if (Double.isNaN(value)) {
        throw new IllegalArgumentException("a fixed threshold must be a number, found NaN");
      }
    }

    @Override
    public boolean[] flag(double[] trainingScores, double[] scores) {
      return above(scores, value);
    }
  }

  /**
   * Flags the {@code k} highest-scoring rows (ties broken by row order, so the result is
   * deterministic): the DAGMM protocol's "as many as there are anomalies".
   */
  record TopK(int k) implements Threshold {
    public TopK {
      if (k < 0) {
        throw new IllegalArgumentException("k must be >= 0, found " + k);
      }
    }

    @Override
    public boolean[] flag(double[] trainingScores, double[] scores) {
      if (k > scores.length) {
        throw new IllegalArgumentException("top-k with k = " + k + " needs at least k rows, found " + scores.length);
      }
      Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
      Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
      boolean[] flags = new boolean[scores.length];
      for (int i = 0; i < k; i++) {
        flags[order[i]] = true;
      }
      return flags;
    }
  }

  private static boolean[] above(double[] scores, double cut) {
    boolean[] flags = new boolean[scores.length];
    for (int i = 0; i < scores.length; i++) {
      flags[i] = scores[i] > cut;
    }
    return flags;
  }
}
