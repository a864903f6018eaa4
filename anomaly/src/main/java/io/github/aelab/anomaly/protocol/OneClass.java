package io.github.aelab.anomaly.protocol;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.data.Split;
import io.github.aelab.core.data.Splits;

/**
 * ADBench's semi-supervised (one-class) protocol: fit on a random {@code normalTrainFraction} of
 * the normal rows only (half in ADBench); test on the remaining normal rows plus every anomaly.
 * Both parts are z-scored with the training part's statistics, so no test row, and no anomaly,
 * influences the scaling.
 *
 * @param normalTrainFraction share of the normal rows used for fitting, in (0, 1)
 */
public record OneClass(double normalTrainFraction) implements Protocol {

  public static final String NAME = "one_class";

  public OneClass {
    if (!(normalTrainFraction > 0 && normalTrainFraction < 1)) {
      throw new IllegalArgumentException("normalTrainFraction must be in (0, 1), found " + normalTrainFraction);
    }
  }

  /** ADBench's half of the normal rows. */
  public static OneClass adbench() {
    return new OneClass(0.5);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ProtocolSplit split(Dataset data, Dataset test, long seed) {
    return split(NAME, data, test, seed);
  }

  /** The split under another protocol's name (top-k F1 uses the same rows). */
  ProtocolSplit split(String protocol, Dataset data, Dataset test, long seed) {
    ProtocolInputs.requireSingleLabelled(protocol, data, test);
    // Checked before splitting: a label other than 0 and 1 would otherwise land among the anomalies.
    ProtocolInputs.anomalyFlags(data);
    Split split = Splits.oneClass(data, 0, normalTrainFraction, seed);
    return ProtocolInputs.zScoredOneClass(protocol, split,
        split.train().rows() + " of the normal rows of '" + data.name() + "' for training (seed " + seed + ")");
  }
}
