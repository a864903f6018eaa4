package io.github.aelab.anomaly;

import java.io.Serializable;

/**
 * The anomaly score of one row (higher = more anomalous), as a fitted model computes it in Java.
 *
 * <p>Serializable because it is the state of a fitted classic detector (and the Java half of a
 * deep one, such as DAGMM's mixture): {@link SavedDetector} writes it into the run record. Every
 * implementation is therefore a record or a final class over plain arrays and other scorers, never
 * a lambda, whose serialized form would depend on the class that happened to create it.
 */
@FunctionalInterface
public interface RowScorer extends Serializable {

  double score(double[] row);

  /**
   * The scores of many rows, in order. Scorers that compare a row with every training row (kNN,
   * Parzen windows, RBF kernels) override this to work on blocks of rows at once, which is where
   * their time goes; the result is the same as scoring each row.
   */
  default double[] scoreAll(double[][] rows) {
    double[] scores = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      scores[r] = score(rows[r]);
    }
    return scores;
  }
}
