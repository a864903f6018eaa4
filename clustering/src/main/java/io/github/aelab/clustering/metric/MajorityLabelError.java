package io.github.aelab.clustering.metric;

/**
 * The clustering error of Makhzani et al. (2015, §6), for any number of clusters (16 or 30 for
 * MNIST's 10 digits, where a one-to-one Hungarian matching does not apply): each cluster takes
 * the most frequent label of the training rows assigned to it, and the error is the fraction of
 * test rows whose cluster's label differs from their own. A cluster no training row chose
 * predicts nothing, so its test rows count as errors.
 */
public final class MajorityLabelError {
  private final int[] labelOfCluster;

  private MajorityLabelError(int[] labelOfCluster) {
    this.labelOfCluster = labelOfCluster;
  }

  /**
   * Labels the clusters from the training rows' assignments (0..clusters-1) and labels
   * (0..classes-1); ties go to the smaller label.
   */
  public static MajorityLabelError fit(int[] assignments, int[] labels, int clusters) {
    if (assignments.length != labels.length) {
      throw new IllegalArgumentException(assignments.length + " assignments but " + labels.length + " labels");
    }
    int classes = 0;
    for (int y : labels) {
      if (y < 0) {
        throw new IllegalArgumentException("labels must be >= 0, found " + y);
      }
      classes = Math.max(classes, y + 1);
    }
    int[][] counts = new int[clusters][classes];
    for (int i = 0; i < assignments.length; i++) {
      if (assignments[i] < 0 || assignments[i] >= clusters) {
        throw new IllegalArgumentException("assignment " + assignments[i] + " of row " + i + " is outside 0.." + (clusters - 1));
      }
      counts[assignments[i]][labels[i]]++;
    }
    int[] labelOf = new int[clusters];
    for (int c = 0; c < clusters; c++) {
      int best = -1;
      int bestCount = 0;
      for (int y = 0; y < classes; y++) {
        if (counts[c][y] > bestCount) {
          best = y;
          bestCount = counts[c][y];
        }
      }
      labelOf[c] = best; // -1: an empty cluster predicts no label
    }
    return new MajorityLabelError(labelOf);
  }

  /** The label each cluster predicts, -1 for a cluster no training row chose. */
  public int[] labelOfCluster() {
    return labelOfCluster.clone();
  }

  /** The fraction of rows whose cluster's label is not theirs. */
  public double error(int[] assignments, int[] labels) {
    if (assignments.length != labels.length) {
      throw new IllegalArgumentException(assignments.length + " assignments but " + labels.length + " labels");
    }
    int wrong = 0;
    for (int i = 0; i < assignments.length; i++) {
      wrong += labelOfCluster[assignments[i]] != labels[i] ? 1 : 0;
    }
    return (double) wrong / assignments.length;
  }
}
