package io.github.aelab.core.stats;

import java.util.Locale;

/** The form of a Gaussian's covariance matrix, named as in scikit-learn's {@code covariance_type}. */
public enum CovarianceType {
  /** A full symmetric positive-definite matrix: d(d+1)/2 parameters per component. */
  FULL("full"),
  /** A diagonal matrix (independent features): d parameters per component. */
  DIAGONAL("diag");

  private final String key;

  CovarianceType(String key) {
    this.key = key;
  }

  /** The scikit-learn name, {@code "full"} or {@code "diag"}. */
  public String key() {
    return key;
  }

  /** The type named {@code key} ({@code "full"} or {@code "diag"}, case-insensitive). */
  public static CovarianceType fromKey(String key) {
    for (CovarianceType type : values()) {
      if (type.key.equals(key.toLowerCase(Locale.ROOT))) {
        return type;
      }
    }
    throw new IllegalArgumentException("covariance type must be \"full\" or \"diag\", found \"" + key + "\"");
  }
}
