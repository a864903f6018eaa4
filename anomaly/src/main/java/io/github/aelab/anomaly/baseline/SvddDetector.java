package io.github.aelab.anomaly.baseline;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.FittedRows;
import io.github.aelab.core.data.Dataset;
import java.util.OptionalDouble;

/**
 * Support Vector Data Description (Tax and Duin, 2004): the smallest sphere in the RBF feature
 * space holding the training rows, with slack weighted by {@code C}; the score grows with the
 * distance from the sphere's centre.
 *
 * <p>No separate solver is needed. With the RBF kernel {@code K(x, x) = 1} for every row, so the
 * SVDD dual, {@code min a^T K a} subject to {@code 0 <= a_i <= C} and {@code sum a_i = 1}, is the
 * nu one-class SVM's dual with its multipliers divided by {@code nu n}: the two coincide when
 * {@code nu = 1 / (n C)}. The squared distance from the centre is then
 * {@code 1 - 2 sum a_i K(x_i, x) + const}, a decreasing affine function of the OC-SVM's decision
 * function, so both rank rows identically and share the boundary. This detector therefore trains
 * libsvm's OC-SVM with {@code nu = 1 / (n C)} and keeps SVDD's parameterization and name for
 * benchmark tables.
 *
 * @param c     Tax and Duin's {@code C}, at least {@code 1 / n} for {@code n} training rows (a
 *              smaller C cannot meet {@code sum a_i = 1}); empty for {@code C = 1 / (0.1 n)},
 *              i.e. up to 10% of the training rows outside the sphere
 * @param gamma the RBF coefficient, {@code > 0}; empty for scikit-learn's {@code "scale"}
 */
public record SvddDetector(OptionalDouble c, OptionalDouble gamma) implements Detector {

  /** The share of training rows allowed outside the sphere when no C is given. */
  public static final double DEFAULT_OUTSIDE_FRACTION = 0.1;

  public SvddDetector {
    if (c.isPresent() && (!(c.getAsDouble() > 0) || Double.isInfinite(c.getAsDouble()))) {
      throw new IllegalArgumentException("C must be finite and > 0 (or empty for 1 / (0.1 n)), found "
          + c.getAsDouble());
    }
    OneClassSvmDetector.checkGamma(gamma);
  }

  /** C = 1 / (0.1 n) and gamma "scale". */
  public static SvddDetector defaults() {
    return new SvddDetector(OptionalDouble.empty(), OptionalDouble.empty());
  }

  @Override
  public String name() {
    return "svdd";
  }

  @Override
  public FittedDetector fit(Dataset train, long seed) {
    double[][] x = TrainingRows.of(train, 1, name());
    int n = x.length;
    double nu = c.isPresent() ? 1 / (n * c.getAsDouble()) : DEFAULT_OUTSIDE_FRACTION;
    if (nu > 1) {
      throw new IllegalArgumentException("C must be >= 1 / n = " + 1.0 / n + " for " + n + " training rows, found "
          + c.getAsDouble());
    }
    double g = gamma.orElse(LibSvmOneClass.scaleGamma(x));
    return FittedRows.scoringTraining(name(), x, LibSvmOneClass.train(x, nu, g, 1e-3, 200));
  }
}
