package io.github.aelab.anomaly.protocol;

import io.github.aelab.anomaly.metric.AnomalyLabels;
import io.github.aelab.core.data.Dataset;

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
}
