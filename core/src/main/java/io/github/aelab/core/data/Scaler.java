package io.github.aelab.core.data;

/**
 * A per-column transformation fitted on a training split and then applied unchanged to every
 * split, so that no statistic of the test data leaks into training. Implementations are values
 * holding their fitted parameters, so a run can record them and apply them again later.
 */
public interface Scaler {

  /** A copy of {@code data} with every column transformed; labels and shape are kept. */
  Dataset transform(Dataset data);
}
