package io.github.aelab.core.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Standardises each column to zero mean and unit variance using the training mean and the
 * population standard deviation (divisor n, as scikit-learn's StandardScaler). A column that was
 * constant in training gets {@code std = 1}, so it maps to {@code x - mean} (0 on the training
 * data) instead of NaN.
 *
 * @param mean the per-column mean of the training data
 * @param std  the per-column divisor: the training standard deviation, or 1 for constant columns
 */
public record ZScoreScaler(double[] mean, double[] std) implements Scaler {

  public ZScoreScaler {
    mean = Objects.requireNonNull(mean, "mean").clone();
    std = Objects.requireNonNull(std, "std").clone();
    if (mean.length == 0 || mean.length != std.length) {
      throw new IllegalArgumentException("mean and std must have the same, non-zero length, found "
          + mean.length + " and " + std.length);
    }
    for (int c = 0; c < mean.length; c++) {
      if (!Double.isFinite(mean[c]) || !Double.isFinite(std[c]) || std[c] <= 0) {
        throw new IllegalArgumentException("column " + c + " must have a finite mean and std > 0, found mean = "
            + mean[c] + ", std = " + std[c]);
      }
    }
  }

  /** Fits per-column mean and standard deviation of {@code train}, which needs at least one row. */
  public static ZScoreScaler fit(Dataset train) {
    int rows = train.rows();
    if (rows < 1) {
      throw new IllegalArgumentException("cannot fit a scaler on dataset '" + train.name() + "' with 0 rows");
    }
    int cols = train.cols();
    float[] x = train.features();
    double[] mean = new double[cols];
    float[] first = new float[cols];
    boolean[] varies = new boolean[cols];
    train.copyRow(0, first, 0);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        float v = x[r * cols + c];
        mean[c] += v;
        varies[c] |= v != first[c];
      }
    }
    for (int c = 0; c < cols; c++) {
      mean[c] /= rows;
    }
    // Two passes (mean first, then squared deviations) avoid the cancellation of sum(x^2) - n*mean^2.
    double[] std = new double[cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double d = x[r * cols + c] - mean[c];
        std[c] += d * d;
      }
    }
    for (int c = 0; c < cols; c++) {
      // Constancy is decided exactly, not by a tiny std: the mean of n equal floats can be off
      // by rounding, which would leave a spurious std of 1e-17 and blow deviations up.
      if (varies[c]) {
        std[c] = Math.sqrt(std[c] / rows);
      } else {
        mean[c] = first[c];
        std[c] = 1;
      }
    }
    return new ZScoreScaler(mean, std);
  }

  @Override
  public Dataset transform(Dataset data) {
    ScalerColumns.check(mean.length, data);
    int cols = data.cols();
    float[] x = data.features();
    float[] out = new float[x.length];
    for (int r = 0; r < data.rows(); r++) {
      for (int c = 0; c < cols; c++) {
        int i = r * cols + c;
        out[i] = (float) ((x[i] - mean[c]) / std[c]);
      }
    }
    return data.withFeatures(out);
  }

  /** A copy of the per-column means. */
  @Override
  public double[] mean() {
    return mean.clone();
  }

  /** A copy of the per-column divisors. */
  @Override
  public double[] std() {
    return std.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ZScoreScaler that && Arrays.equals(mean, that.mean) && Arrays.equals(std, that.std);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "ZScoreScaler[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
  }
}
