package io.github.aelab.anomaly.baseline;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.FittedRows;
import io.github.aelab.core.data.Dataset;
import java.util.OptionalDouble;

/**
 * The nu one-class SVM with an RBF kernel (Schölkopf et al., 2001), solved by libsvm; the score
 * is the negated decision function, as in PyOD.
 *
 * <p>The default gamma is scikit-learn's {@code "scale"}, {@code 1 / (d var(X))}. PyOD's
 * {@code OCSVM} defaults to {@code "auto"}, {@code 1 / d}; on data z-scored with the training
 * statistics (every protocol here except one-class MNIST) {@code var(X)} is 1 and the two agree.
 *
 * @param nu        upper bound on the fraction of training rows outside the support and lower
 *                  bound on the fraction of support vectors, in (0, 1]
 * @param gamma     the RBF kernel's {@code exp(-gamma |x - y|^2)} coefficient, {@code > 0}; empty
 *                  for {@code "scale"}
 * @param tolerance libsvm's stopping tolerance, {@code > 0}
 * @param cacheMb   libsvm's kernel cache in megabytes, {@code > 0}
 */
public record OneClassSvmDetector(double nu, OptionalDouble gamma, double tolerance, double cacheMb)
    implements Detector {

  public OneClassSvmDetector {
    if (!(nu > 0 && nu <= 1)) {
      throw new IllegalArgumentException("nu must be in (0, 1], found " + nu);
    }
    checkGamma(gamma);
    if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("tolerance must be finite and > 0, found " + tolerance);
    }
    if (!(cacheMb > 0) || Double.isInfinite(cacheMb)) {
      throw new IllegalArgumentException("cacheMb must be finite and > 0, found " + cacheMb);
    }
  }

  /** PyOD's defaults: nu = 0.5, tolerance 1e-3, 200 MB cache; gamma "scale" (see the class comment). */
  public static OneClassSvmDetector pyod() {
    return new OneClassSvmDetector(0.5, OptionalDouble.empty(), 1e-3, 200);
  }

  @Override
  public String name() {
    return "ocsvm";
  }

  @Override
  public FittedDetector fit(Dataset train, long seed) {
    double[][] x = TrainingRows.of(train, 1, name());
    double g = gamma.orElse(LibSvmOneClass.scaleGamma(x));
    return FittedRows.scoringTraining(name(), x, LibSvmOneClass.train(x, nu, g, tolerance, cacheMb));
  }

  static void checkGamma(OptionalDouble gamma) {
    if (gamma.isPresent() && (!(gamma.getAsDouble() > 0) || Double.isInfinite(gamma.getAsDouble()))) {
      throw new IllegalArgumentException("gamma must be finite and > 0 (or empty for \"scale\"), found "
          + gamma.getAsDouble());
    }
  }
}
