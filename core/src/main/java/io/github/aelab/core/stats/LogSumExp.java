package io.github.aelab.core.stats;

/**
 * {@code log(sum(exp(values)))} computed without overflow or underflow: the largest value is
 * factored out first, so densities far below {@code exp(-745)} (which underflow to 0 as doubles)
 * still combine correctly in log space.
 */
public final class LogSumExp {

  private LogSumExp() {
  }

  /** The log of the sum of the exponentials of {@code values}; negative infinity if all are. */
  public static double of(double[] values) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      max = Math.max(max, v);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (double v : values) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum);
  }
}
