package io.github.aelab.anomaly.baseline;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.FittedRows;
import io.github.aelab.anomaly.RowScorer;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.stats.Gaussian;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Gaussian with a full covariance fitted to the training rows; the score is the squared
 * Mahalanobis distance from its mean (what PyOD's MCD detector returns; the square does not
 * change the ranking).
 *
 * <p>The classic estimate ({@code "gaussian"}) is the sample mean and covariance (divisor n), so
 * anomalies in the training data inflate it. The robust one ({@code "mcd"}) is the reweighted
 * Minimum Covariance Determinant estimate ({@link MinCovDet}): by default from the
 * {@code ceil((n + d + 1) / 2)} most concentrated rows, scikit-learn's default support and the
 * largest breakdown point.
 *
 * <p>With no more training rows than columns ({@code n <= d}, e.g. arrhythmia's 271 training rows
 * of 274 columns under a 60/40 split) every subset's covariance is singular, so the determinant
 * cannot choose between subsets, and the default support {@code (n + d + 1) / 2} exceeds the rows.
 * scikit-learn (and so PyOD) then takes every row, and its reweighting keeps every row too, because
 * each row of a rank-{@code n - 1} sample lies at the same Mahalanobis distance. The MCD estimate is
 * then the sample one, and this detector says so in the log and fits it, rather than refusing the
 * dataset. An explicit {@code supportFraction} is still held to {@code d < support <= n}.
 *
 * @param robust          use the MCD estimate instead of the sample covariance
 * @param supportFraction MCD only: the share of rows in the raw estimate, in (0, 1]; empty for
 *                        the default {@code (n + d + 1) / 2n}
 * @param regCovar        added to the covariance diagonal, {@code >= 0}: a column that is
 *                        constant in training (common after z-scoring small datasets) would
 *                        otherwise make the covariance singular
 */
public record GaussianDetector(boolean robust, OptionalDouble supportFraction, double regCovar) implements Detector {

  private static final Logger LOG = LoggerFactory.getLogger(GaussianDetector.class);

  /** The regularization of scikit-learn's Gaussian mixtures. */
  public static final double DEFAULT_REG_COVAR = 1e-6;

  public GaussianDetector {
    if (supportFraction.isPresent()) {
      double fraction = supportFraction.getAsDouble();
      if (!robust) {
        throw new IllegalArgumentException("supportFraction applies to the robust (MCD) estimate only, found "
            + fraction + " with robust = false");
      }
      if (!(fraction > 0 && fraction <= 1)) {
        throw new IllegalArgumentException("supportFraction must be in (0, 1], found " + fraction);
      }
    }
    if (!(regCovar >= 0) || Double.isInfinite(regCovar)) {
      throw new IllegalArgumentException("regCovar must be finite and >= 0, found " + regCovar);
    }
  }

  /** The sample mean and covariance. */
  public static GaussianDetector classic() {
    return new GaussianDetector(false, OptionalDouble.empty(), DEFAULT_REG_COVAR);
  }

  /** The MCD estimate with the default support. */
  public static GaussianDetector mcd() {
    return new GaussianDetector(true, OptionalDouble.empty(), DEFAULT_REG_COVAR);
  }

  @Override
  public String name() {
    return robust ? "mcd" : "gaussian";
  }

  @Override
  public FittedDetector fit(Dataset train, long seed) {
    double[][] x = TrainingRows.of(train, 2, name());
    int n = x.length;
    int d = x[0].length;
    boolean fewerRowsThanColumns = n <= d && supportFraction.isEmpty();
    if (robust && fewerRowsThanColumns) {
      LOG.warn("mcd: {} training rows of {} columns, so every subset's covariance is singular and the MCD "
          + "estimate is the sample mean and covariance of all rows (as in scikit-learn); it is not robust here", n, d);
    }
    Gaussian gaussian = robust && !fewerRowsThanColumns
        ? MinCovDet.fit(x, support(n, d), regCovar, seed)
        : SampleGaussian.of(x, regCovar);
    return FittedRows.scoringTraining(name(), x, new Mahalanobis(gaussian));
  }

  /** The squared Mahalanobis distance from the fitted Gaussian. */
  record Mahalanobis(Gaussian gaussian) implements RowScorer {
    @Override
    public double score(double[] row) {
      return gaussian.mahalanobisSquared(row);
    }
  }

  private int support(int n, int d) {
    if (supportFraction.isEmpty()) {
      return (int) Math.ceil((n + d + 1) / 2.0);
    }
    // Rounded down, as scikit-learn does.
    return (int) (supportFraction.getAsDouble() * n);
  }
}
