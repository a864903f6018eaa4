package io.github.aelab.core.data;

import java.util.Objects;

/**
 * A train/test partition of one dataset.
 *
 * @param train the rows to fit on (models, scalers)
 * @param test  the held-out rows
 */
public record Split(Dataset train, Dataset test) {

  public Split {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    if (train.cols() != test.cols()) {
      throw new IllegalArgumentException("train and test must have the same columns, found " + train.cols()
          + " and " + test.cols());
    }
  }

  /** The same split with {@code scaler} applied to both parts, e.g. one fitted on {@link #train()}. */
  public Split transform(Scaler scaler) {
    return new Split(scaler.transform(train), scaler.transform(test));
  }
}
