package io.github.aelab.clustering.metric;

import java.util.Map;
import java.util.TreeMap;

/**
 * Unsupervised clustering accuracy (ACC), as reported by DEC, IDEC and their successors: the share
 * of rows whose cluster, mapped to a label by the best one-to-one mapping of clusters to labels,
 * equals the row's label. The best mapping maximizes the number of rows it gets right, a linear
 * assignment on the contingency table solved by {@link LinearAssignment}.
 *
 * <p>The mapping is one-to-one, so when the numbers differ the table is padded with empty rows or
 * columns to a square: with more clusters than labels, the surplus clusters map to no label and
 * all their rows count as wrong; with fewer clusters than labels, some labels receive no cluster.
 * This matches the usual {@code linear_sum_assignment} implementation on a {@code max(k, c)}
 * square matrix. ACC is 1 for a perfect clustering up to renaming of the clusters.
 */
public final class HungarianAccuracy {

  private HungarianAccuracy() {
  }

  /** ACC of {@code clusters} against the true {@code labels}, in [0, 1]. */
  public static double of(int[] labels, int[] clusters) {
    return of(Contingency.of(labels, clusters));
  }

  /** ACC from a contingency table. */
  public static double of(Contingency table) {
    int[] labelOfCluster = bestLabelIndexPerCluster(table);
    long correct = 0;
    for (int j = 0; j < table.clusterCount(); j++) {
      if (labelOfCluster[j] < table.labelCount()) {
        correct += table.count(labelOfCluster[j], j);
      }
    }
    return (double) correct / table.total();
  }

  /**
   * The best mapping itself, cluster value to label value; clusters left without a label (when
   * there are more clusters than labels) are absent from the map.
   */
  public static Map<Integer, Integer> mapping(int[] labels, int[] clusters) {
    Contingency table = Contingency.of(labels, clusters);
    int[] labelOfCluster = bestLabelIndexPerCluster(table);
    int[] labelValues = table.labelValues();
    int[] clusterValues = table.clusterValues();
    Map<Integer, Integer> mapping = new TreeMap<>();
    for (int j = 0; j < clusterValues.length; j++) {
      if (labelOfCluster[j] < labelValues.length) {
        mapping.put(clusterValues[j], labelValues[labelOfCluster[j]]);
      }
    }
    return mapping;
  }

  /**
   * For each cluster index, the label index it maps to; an index {@code >= labelCount()} is a
   * padding label, i.e. none.
   */
  private static int[] bestLabelIndexPerCluster(Contingency table) {
    int size = Math.max(table.labelCount(), table.clusterCount());
    // Rows are clusters, columns labels; padding cells hold 0 rows. Minimizing the negated
    // counts maximizes the rows mapped correctly.
    double[][] cost = new double[size][size];
    for (int j = 0; j < table.clusterCount(); j++) {
      for (int i = 0; i < table.labelCount(); i++) {
        cost[j][i] = -table.count(i, j);
      }
    }
    int[] assignment = LinearAssignment.minimumCost(cost);
    int[] labelOfCluster = new int[table.clusterCount()];
    System.arraycopy(assignment, 0, labelOfCluster, 0, table.clusterCount());
    return labelOfCluster;
  }
}
