package io.github.aelab.anomaly.metric;

import java.util.Locale;

/**
 * The mean and standard deviation of one metric over repeated runs (seeds or splits), the form in
 * which PyOD, ADBench and the deep papers report results. The standard deviation is the
 * population one (divisor n), NumPy's {@code np.std} default that those tables use.
 *
 * @param mean  the arithmetic mean
 * @param std   the population standard deviation
 * @param count how many values were summarized, {@code >= 1}
 */
public record MeanStd(double mean, double std, int count) {

  public MeanStd {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, found " + count);
    }
    if (!(std >= 0)) {
      throw new IllegalArgumentException("std must be >= 0, found " + std);
    }
  }

  /** Summarizes {@code values}, which must be non-empty and hold no NaN. */
  public static MeanStd of(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("the mean and std of no values are undefined");
    }
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        throw new IllegalArgumentException("values must not be NaN, found NaN at index " + i);
      }
      sum += values[i];
    }
    double mean = sum / values.length;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return new MeanStd(mean, Math.sqrt(squares / values.length), values.length);
  }

  /** {@code "0.9123 ± 0.0100"} with {@code digits} decimals. */
  public String format(int digits) {
    if (digits < 0) {
      throw new IllegalArgumentException("digits must be >= 0, found " + digits);
    }
    String pattern = "%." + digits + "f";
    return String.format(Locale.ROOT, pattern + " \u00b1 " + pattern, mean, std);
  }
}
