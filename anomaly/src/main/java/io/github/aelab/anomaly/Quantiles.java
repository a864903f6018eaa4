package io.github.aelab.anomaly;

import java.util.Arrays;

/** Quantiles of score arrays, interpolated as NumPy's default ({@code method="linear"}). */
public final class Quantiles {

  private Quantiles() {
  }

  /** The {@code q}-quantile ({@code q} in [0, 1]) of {@code values}, which is not modified. */
  public static double linear(double[] values, double q) {
    if (values.length == 0) {
      throw new IllegalArgumentException("the quantile of no values is undefined");
    }
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("q must be in [0, 1], found " + q);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    double fraction = position - below;
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
  }
}
