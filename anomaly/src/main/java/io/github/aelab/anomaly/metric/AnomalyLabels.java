package io.github.aelab.anomaly.metric;

/**
 * Conversion of integer labels to anomaly flags and the checks every metric shares. Integer labels
 * follow the ODDS and ADBench files: 1 = anomaly, 0 = normal; any other value is an error rather
 * than being read as "not 1", because a multi-class label slipping through would silently turn
 * every other class into normals.
 */
public final class AnomalyLabels {

  private AnomalyLabels() {
  }

  /** {@code labels[i] == 1} per row; every label must be 0 or 1. */
  public static boolean[] flags(int[] labels) {
    boolean[] flags = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException("anomaly labels must be 0 (normal) or 1 (anomaly), found " + labels[i]
            + " at row " + i);
      }
      flags[i] = labels[i] == 1;
    }
    return flags;
  }

  /** Number of {@code true} entries. */
  public static int count(boolean[] isAnomaly) {
    int count = 0;
    for (boolean anomaly : isAnomaly) {
      count += anomaly ? 1 : 0;
    }
    return count;
  }

  /** Checks that scores and labels line up and that every score is a number. */
  static void requireAligned(double[] scores, boolean[] isAnomaly) {
    if (scores.length != isAnomaly.length) {
      throw new IllegalArgumentException("scores and labels must have the same length, found " + scores.length
          + " scores and " + isAnomaly.length + " labels");
    }
    for (int i = 0; i < scores.length; i++) {
      if (Double.isNaN(scores[i])) {
        throw new IllegalArgumentException("scores must not be NaN, found NaN at row " + i);
      }
    }
  }

  /** Checks that both classes occur, which ranking metrics need to be defined. */
  static void requireBothClasses(boolean[] isAnomaly, String metric) {
    int anomalies = count(isAnomaly);
    if (anomalies == 0 || anomalies == isAnomaly.length) {
      throw new IllegalArgumentException(metric + " needs at least one anomaly and one normal row, found "
          + anomalies + " anomalies among " + isAnomaly.length + " rows");
    }
  }
}
