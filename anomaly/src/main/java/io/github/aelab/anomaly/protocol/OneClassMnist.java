package io.github.aelab.anomaly.protocol;

import io.github.aelab.core.data.Dataset;

/**
 * The one-class MNIST protocol of Deep SVDD (Ruff et al., 2018) and its followers: one digit is
 * normal; fit on that digit's images of the published training set, test on the whole published
 * test set, where every other digit is an anomaly. Features are used as given (images already
 * scaled to [0, 1]); the papers' extra preprocessing, if any, belongs to the dataset loader.
 *
 * @param normalDigit the normal class, 0..9
 */
public record OneClassMnist(int normalDigit) implements Protocol {

  public static final String NAME = "one_class_mnist";

  public OneClassMnist {
    if (normalDigit < 0 || normalDigit > 9) {
      throw new IllegalArgumentException("normalDigit must be in 0..9, found " + normalDigit);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Splits the published pair: {@code data} is the training set and {@code test} the test set,
   * both labelled with digits. The seed is unused: the protocol draws nothing at random.
   */
  @Override
  public ProtocolSplit split(Dataset data, Dataset test, long seed) {
    if (test == null) {
      throw new IllegalArgumentException("protocol \"" + NAME + "\" needs the published test set as well as the "
          + "training set, but no test set was given");
    }
    ProtocolInputs.requireLabels(NAME, data);
    ProtocolInputs.requireLabels(NAME, test);
    int[] labels = data.labels();
    int count = 0;
    for (int label : labels) {
      count += label == normalDigit ? 1 : 0;
    }
    if (count == 0) {
      throw new IllegalArgumentException("dataset '" + data.name() + "' has no rows of normal digit " + normalDigit
          + "; labels present: " + data.labelCounts().keySet());
    }
    int[] normalRows = new int[count];
    for (int row = 0, next = 0; row < labels.length; row++) {
      if (labels[row] == normalDigit) {
        normalRows[next++] = row;
      }
    }
    int[] testLabels = test.labels();
    boolean[] testIsAnomaly = new boolean[testLabels.length];
    int anomalies = 0;
    for (int row = 0; row < testLabels.length; row++) {
      testIsAnomaly[row] = testLabels[row] != normalDigit;
      anomalies += testIsAnomaly[row] ? 1 : 0;
    }
    return new ProtocolSplit(data.subset(normalRows, "-digit" + normalDigit), test, testIsAnomaly,
        NAME + ": normal digit " + normalDigit + "; train " + count + " rows of '" + data.name() + "', test all "
            + test.rows() + " rows of '" + test.name() + "' of which " + anomalies + " anomalies; features unscaled");
  }
}
