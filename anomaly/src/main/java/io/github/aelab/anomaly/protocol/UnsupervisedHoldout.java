package io.github.aelab.anomaly.protocol;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.Split;
import io.github.aelab.core.data.Splits;
import io.github.aelab.core.data.ZScoreScaler;

/**
 * PyOD's benchmark protocol: a random {@code trainFraction} of all rows (60% in PyOD) for fitting,
 * the rest for testing, regardless of labels, so the training part keeps its share of anomalies
 * and the detector must cope with contaminated data. Both parts are z-scored with the training
 * part's mean and standard deviation (PyOD's {@code standardizer}).
 *
 * @param trainFraction share of rows used for fitting, in (0, 1)
 */
public record UnsupervisedHoldout(double trainFraction) implements Protocol {

  public static final String NAME = "unsupervised_holdout";

  public UnsupervisedHoldout {
    if (!(trainFraction > 0 && trainFraction < 1)) {
      throw new IllegalArgumentException("trainFraction must be in (0, 1), found " + trainFraction);
    }
  }

  /** PyOD's 60/40 split. */
  public static UnsupervisedHoldout pyod() {
    return new UnsupervisedHoldout(0.6);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ProtocolSplit split(Dataset data, Dataset test, long seed) {
    ProtocolInputs.requireSingleLabelled(NAME, data, test);
    // Checked on all rows before splitting, so a bad label fails whichever part it would land in.
    ProtocolInputs.anomalyFlags(data);
    Split split = Splits.trainTest(data, trainFraction, seed);
    ZScoreScaler scaler = ZScoreScaler.fit(split.train());
    Split scaled = split.transform(scaler);
    return new ProtocolSplit(scaled.train(), scaled.test(), ProtocolInputs.anomalyFlags(scaled.test()),
        NAME + ": random " + Math.round(trainFraction * 100) + "/" + Math.round((1 - trainFraction) * 100)
            + " split of '" + data.name() + "' (seed " + seed + "), " + split.train().rows() + " train rows with their "
            + "anomalies, " + split.test().rows() + " test rows; z-scored with the train statistics", scaler);
  }
}
