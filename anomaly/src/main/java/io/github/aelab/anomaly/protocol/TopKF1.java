package io.github.aelab.anomaly.protocol;

import io.github.aelab.anomaly.Threshold;
import io.github.aelab.core.data.Dataset;
import java.util.Optional;

/**
 * DAGMM's protocol (Zong et al., 2018): the one-class split of {@link OneClass} (half of the
 * normal rows for training), and F1 measured by flagging as many top-scoring test rows as there
 * are anomalies in the test part. With that threshold precision, recall and F1 coincide.
 *
 * @param normalTrainFraction share of the normal rows used for fitting, in (0, 1)
 */
public record TopKF1(double normalTrainFraction) implements Protocol {

  public static final String NAME = "topk_f1";

  public TopKF1 {
    if (!(normalTrainFraction > 0 && normalTrainFraction < 1)) {
      throw new IllegalArgumentException("normalTrainFraction must be in (0, 1), found " + normalTrainFraction);
    }
  }

  /** DAGMM's half of the normal rows. */
  public static TopKF1 dagmm() {
    return new TopKF1(0.5);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ProtocolSplit split(Dataset data, Dataset test, long seed) {
    return new OneClass(normalTrainFraction).split(NAME, data, test, seed);
  }

  /** Flags as many test rows as the split has anomalies. */
  @Override
  public Optional<Threshold> threshold(ProtocolSplit split) {
    return Optional.of(new Threshold.TopK(split.testAnomalies()));
  }
}
