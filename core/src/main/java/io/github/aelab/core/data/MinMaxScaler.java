package io.github.aelab.core.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Maps each column linearly from its training range [min, max] to [0, 1]; test values outside
 * the training range fall outside [0, 1], as they should. A column that was constant in training
 * (min == max) maps to 0 everywhere rather than dividing by zero.
 *
 * @param min the per-column minimum of the training data
 * @param max the per-column maximum of the training data
 */
public record MinMaxScaler(double[] min, double[] max) implements Scaler {

  public MinMaxScaler {
    min = Objects.requireNonNull(min, "min").clone();
    max = Objects.requireNonNull(max, "max").clone();
    if (min.length == 0 || min.length != max.length) {
      throw new IllegalArgumentException("min and max must have the same, non-zero length, found "
          + min.length + " and " + max.length);
    }
    for (int c = 0; c < min.length; c++) {
      if (!Double.isFinite(min[c]) || !Double.isFinite(max[c]) || min[c] > max[c]) {
        throw new IllegalArgumentException("column " + c + " must have finite min <= max, found min = "
            + min[c] + ", max = " + max[c]);
      }
    }
  }

  /** Fits the per-column range of {@code train}, which needs at least one row. */
  public static MinMaxScaler fit(Dataset train) {
    if (train.rows() < 1) {
      throw new IllegalArgumentException("cannot fit a scaler on dataset '" + train.name() + "' with 0 rows");
    }
    int cols = train.cols();
    double[] min = new double[cols];
    double[] max = new double[cols];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    float[] x = train.features();
    for (int r = 0; r < train.rows(); r++) {
      for (int c = 0; c < cols; c++) {
        float v = x[r * cols + c];
        min[c] = Math.min(min[c], v);
        max[c] = Math.max(max[c], v);
      }
    }
    return new MinMaxScaler(min, max);
  }

  @Override
  public Dataset transform(Dataset data) {
    ScalerColumns.check(min.length, data);
    int cols = data.cols();
    float[] x = data.features();
    float[] out = new float[x.length];
    for (int r = 0; r < data.rows(); r++) {
      for (int c = 0; c < cols; c++) {
        double range = max[c] - min[c];
        int i = r * cols + c;
        out[i] = range == 0 ? 0f : (float) ((x[i] - min[c]) / range);
      }
    }
    return data.withFeatures(out);
  }

  /** A copy of the per-column minima. */
  @Override
  public double[] min() {
    return min.clone();
  }

  /** A copy of the per-column maxima. */
  @Override
  public double[] max() {
    return max.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MinMaxScaler that && Arrays.equals(min, that.min) && Arrays.equals(max, that.max);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(min) + Arrays.hashCode(max);
  }

  @Override
  public String toString() {
    return "MinMaxScaler[min=" + Arrays.toString(min) + ", max=" + Arrays.toString(max) + "]";
  }
}
