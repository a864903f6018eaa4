package io.github.aelab.models.regularize;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.models.AutoencoderSession;

/** The encoder's Jacobian measured numerically (central differences through the trained model). */
final class JacobianNorm {
  private JacobianNorm() {}

  /** Mean over rows of ||dh/dx||_F^2, by central differences with step 1e-3. */
  static double meanSquaredFrobenius(AutoencoderSession ae, Dataset rows) {
    int d = rows.cols();
    int n = rows.rows();
    double h = 1e-3;
    float[] x = rows.features();
    double total = 0;
    for (int j = 0; j < d; j++) {
      float[] plus = x.clone();
      float[] minus = x.clone();
      for (int i = 0; i < n; i++) {
        plus[i * d + j] += (float) h;
        minus[i * d + j] -= (float) h;
      }
      float[] up = ae.encode(plus);
      float[] down = ae.encode(minus);
      for (int k = 0; k < up.length; k++) {
        double g = (up[k] - down[k]) / (2 * h);
        total += g * g;
      }
    }
    return total / n;
  }
}
