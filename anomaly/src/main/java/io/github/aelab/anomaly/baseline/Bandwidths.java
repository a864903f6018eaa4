package io.github.aelab.anomaly.baseline;

import java.util.OptionalDouble;

/** The bandwidth check the kernel density detectors share. */
final class Bandwidths {

  private Bandwidths() {
  }

  static void check(OptionalDouble bandwidth) {
    if (bandwidth.isPresent()) {
      double h = bandwidth.getAsDouble();
      if (!(h > 0) || Double.isInfinite(h)) {
        throw new IllegalArgumentException("bandwidth must be finite and > 0 (or empty for Scott's rule), found " + h);
      }
    }
  }
}
