package io.github.aelab.anomaly.baseline;

/** The anomaly score of one row (higher = more anomalous), as a fitted classic model computes it. */
@FunctionalInterface
interface RowScorer {

  double score(double[] row);
}
