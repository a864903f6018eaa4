package io.github.aelab.anomaly.baseline;

/**
 * The chi-squared distribution's CDF and quantiles, which the MCD estimator needs for its
 * consistency correction and reweighting. The CDF is the regularized lower incomplete gamma
 * function {@code P(dof / 2, x / 2)}, evaluated by its power series below {@code a + 1} and by
 * its continued fraction above (where the series converges slowly); quantiles are found by
 * bisection on the CDF, which is monotone.
 */
final class ChiSquared {

  private static final double EPSILON = 1e-15;
  private static final double TINY = 1e-300;

  private ChiSquared() {
  }

  /** {@code P(X <= x)} for {@code X} chi-squared with {@code dof >= 1} degrees of freedom. */
  static double cdf(double x, int dof) {
    requireDof(dof);
    return x <= 0 ? 0 : regularizedGammaP(dof / 2.0, x / 2);
  }

  /** The {@code p}-quantile, {@code 0 < p < 1}, to a relative accuracy of about 1e-12. */
  static double quantile(double p, int dof) {
    requireDof(dof);
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must be in (0, 1), found " + p);
    }
    double low = 0;
    double high = Math.max(1, dof);
    while (cdf(high, dof) < p) {
      low = high;
      high *= 2;
    }
    for (int i = 0; i < 200 && high - low > 1e-12 * high; i++) {
      double mid = 0.5 * (low + high);
      if (cdf(mid, dof) < p) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return 0.5 * (low + high);
  }

  private static double regularizedGammaP(double a, double x) {
    double logPrefactor = -x + a * Math.log(x) - logGammaOfHalfInteger(a);
    if (x < a + 1) {
      double term = 1 / a;
      double sum = term;
      for (int n = 1; n < 10_000 && Math.abs(term) > Math.abs(sum) * EPSILON; n++) {
        term *= x / (a + n);
        sum += term;
      }
      return sum * Math.exp(logPrefactor);
    }
    // Modified Lentz evaluation of the continued fraction for the upper function Q = 1 - P.
    double b = x + 1 - a;
    double c = 1 / TINY;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < 10_000; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      d = Math.abs(d) < TINY ? TINY : d;
      c = b + an / c;
      c = Math.abs(c) < TINY ? TINY : c;
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPSILON) {
        break;
      }
    }
    return 1 - Math.exp(logPrefactor) * h;
  }

  /**
   * {@code ln Gamma(a)} for {@code a} a positive multiple of 1/2 (all that chi-squared needs),
   * exactly by the recurrence {@code Gamma(a + 1) = a Gamma(a)} from {@code Gamma(1) = 1} or
   * {@code Gamma(1/2) = sqrt(pi)}.
   */
  private static double logGammaOfHalfInteger(double a) {
    double start = a == Math.floor(a) ? 1 : 0.5;
    double log = start == 1 ? 0 : 0.5 * Math.log(Math.PI);
    for (double k = start; k < a; k++) {
      log += Math.log(k);
    }
    return log;
  }

  private static void requireDof(int dof) {
    if (dof < 1) {
      throw new IllegalArgumentException("degrees of freedom must be >= 1, found " + dof);
    }
  }
}
