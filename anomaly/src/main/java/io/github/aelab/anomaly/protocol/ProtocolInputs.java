package io.github.aelab.anomaly.protocol;

import io.github.aelab.anomaly.metric.AnomalyLabels;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.Split;
import io.github.aelab.core.data.ZScoreScaler;

/** Checks and conversions the protocols share. */
final class ProtocolInputs {

  private ProtocolInputs() {
  }

  /** Fails unless {@code data} is one labelled dataset with no separate test set. */
  static void requireSingleLabelled(String protocol, Dataset data, Dataset test) {
    if (test != null) {
      throw new IllegalArgumentException("protocol \"" + protocol + "\" splits one dataset itself, but a separate "
          + "test set '" + test.name() + "' was given");
    }
    requireLabels(protocol, data);
  }

  static void requireLabels(String protocol, Dataset data) {
    if (!data.hasLabels()) {
      throw new IllegalArgumentException("protocol \"" + protocol + "\" needs labels (1 = anomaly, 0 = normal), but "
          + "dataset '" + data.name() + "' has none");
    }
  }

  /** The anomaly flags of a dataset labelled 1 = anomaly, 0 = normal. */
  static boolean[] anomalyFlags(Dataset data) {
    return AnomalyLabels.flags(data.labels());
  }

  /**
   * The one-class protocols' ending: both parts z-scored with the training part's statistics (so no
   * test row, and no anomaly, influences the scaling), the test rows' anomaly flags, and the
   * description {@code "<protocol>: <training>, <n> test rows of which <k> anomalies; ..."}.
   */
  static ProtocolSplit zScoredOneClass(String protocol, Split split, String training) {
    ZScoreScaler scaler = ZScoreScaler.fit(split.train());
    Split scaled = split.transform(scaler);
    boolean[] testIsAnomaly = anomalyFlags(scaled.test());
    return new ProtocolSplit(scaled.train(), scaled.test(), testIsAnomaly, protocol + ": " + training + ", "
        + split.test().rows() + " test rows of which " + AnomalyLabels.count(testIsAnomaly) + " anomalies; "
        + "z-scored with the train statistics", scaler);
  }
}
