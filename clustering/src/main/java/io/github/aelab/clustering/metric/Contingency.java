package io.github.aelab.clustering.metric;

import java.util.Arrays;
import java.util.Objects;

/**
 * The contingency table of two labelings of the same rows: {@link #count(int, int)} is the number
 * of rows that carry the {@code i}-th distinct true label and the {@code j}-th distinct cluster.
 *
 * <p>Every external clustering metric in this package is a function of this table alone, so it is
 * built once and shared. Label and cluster values may be any ints (a clusterer's 0..k-1, a
 * dataset's digit labels, -1 for noise); they are indexed in ascending order of value.
 */
public final class Contingency {

  private final int[] labelValues;
  private final int[] clusterValues;
  /** {@code counts[labelIndex][clusterIndex]}. */
  private final int[][] counts;
  private final int[] labelTotals;
  private final int[] clusterTotals;
  private final int total;

  private Contingency(int[] labelValues, int[] clusterValues, int[][] counts) {
    this.labelValues = labelValues;
    this.clusterValues = clusterValues;
    this.counts = counts;
    this.labelTotals = new int[labelValues.length];
    this.clusterTotals = new int[clusterValues.length];
    int sum = 0;
    for (int i = 0; i < labelValues.length; i++) {
      for (int j = 0; j < clusterValues.length; j++) {
        labelTotals[i] += counts[i][j];
        clusterTotals[j] += counts[i][j];
        sum += counts[i][j];
      }
    }
    this.total = sum;
  }

  /**
   * The table of {@code labels} (the ground truth) against {@code clusters} (a clusterer's
   * assignments), which must have the same, non-zero length.
   */
  public static Contingency of(int[] labels, int[] clusters) {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(clusters, "clusters");
    if (labels.length != clusters.length) {
      throw new IllegalArgumentException("labels and clusters must have one entry per row each, found "
          + labels.length + " labels and " + clusters.length + " clusters");
    }
    if (labels.length == 0) {
      throw new IllegalArgumentException("labels and clusters must not be empty: metrics of zero rows are undefined");
    }
    int[] labelValues = distinctSorted(labels);
    int[] clusterValues = distinctSorted(clusters);
    int[][] counts = new int[labelValues.length][clusterValues.length];
    for (int row = 0; row < labels.length; row++) {
      counts[Arrays.binarySearch(labelValues, labels[row])][Arrays.binarySearch(clusterValues, clusters[row])]++;
    }
    return new Contingency(labelValues, clusterValues, counts);
  }

  /** Number of distinct true labels (table rows). */
  public int labelCount() {
    return labelValues.length;
  }

  /** Number of distinct clusters (table columns). */
  public int clusterCount() {
    return clusterValues.length;
  }

  /** The distinct true labels, ascending; index {@code i} of the table is {@code labelValues()[i]}. */
  public int[] labelValues() {
    return labelValues.clone();
  }

  /** The distinct clusters, ascending; index {@code j} of the table is {@code clusterValues()[j]}. */
  public int[] clusterValues() {
    return clusterValues.clone();
  }

  /** Rows with the {@code labelIndex}-th label in the {@code clusterIndex}-th cluster. */
  public int count(int labelIndex, int clusterIndex) {
    return counts[Objects.checkIndex(labelIndex, labelValues.length)][Objects.checkIndex(clusterIndex,
        clusterValues.length)];
  }

  /** Rows per label (the table's row sums). */
  public int[] labelTotals() {
    return labelTotals.clone();
  }

  /** Rows per cluster (the table's column sums). */
  public int[] clusterTotals() {
    return clusterTotals.clone();
  }

  /** Number of rows. */
  public int total() {
    return total;
  }

  private static int[] distinctSorted(int[] values) {
    return Arrays.stream(values).distinct().sorted().toArray();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Contingency[labels=").append(Arrays.toString(labelValues))
        .append(", clusters=").append(Arrays.toString(clusterValues)).append(", counts=");
    for (int[] row : counts) {
      text.append(Arrays.toString(row));
    }
    return text.append(']').toString();
  }
}
