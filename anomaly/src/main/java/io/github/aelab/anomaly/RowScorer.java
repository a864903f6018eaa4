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
}
