package io.github.aelab.anomaly.baseline;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.FittedRows;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.linalg.Pca;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * PCA reconstruction error: the squared distance of a row from the affine subspace of the top
 * {@code k} principal components of the training rows.
 *
 * <p>This differs from PyOD's {@code PCA} detector, which sums the squared projections onto
 * <em>all</em> components, each divided by its eigenvalue (a Mahalanobis distance with extra
 * weight on the minor components). The reconstruction error on the major components is the form
 * the autoencoder literature compares against, and it keeps the PCA baseline in the same family
 * as the reconstruction-error autoencoders.
 *
 * <p>By default {@code k} is the smallest number of components explaining at least
 * {@value #DEFAULT_EXPLAINED_VARIANCE} of the variance, but at most {@code d - 1}: with all
 * {@code d} components every row is reconstructed exactly and every score would be 0. Rows are
 * used as given (no standardization inside; the protocols z-score).
 *
 * @param components {@code k}, in {@code 1..d-1} for {@code d} columns; empty for the default
 */
public record PcaDetector(OptionalInt components) implements Detector {

  /** The share of variance the default number of components explains. */
  public static final double DEFAULT_EXPLAINED_VARIANCE = 0.9;

  public PcaDetector {
    if (components.isPresent() && components.getAsInt() < 1) {
      throw new IllegalArgumentException("components must be >= 1 (or empty for 90% of the variance), found "
          + components.getAsInt());
    }
  }

  /** Enough components for 90% of the variance. */
  public static PcaDetector defaults() {
    return new PcaDetector(OptionalInt.empty());
  }

  @Override
  public String name() {
    return "pca";
  }

  @Override
  public FittedDetector fit(Dataset train, long seed) {
    int d = train.cols();
    if (d < 2) {
      throw new IllegalArgumentException("pca needs at least 2 columns (a reconstruction from fewer components than"
          + " columns), dataset '" + train.name() + "' has " + d);
    }
    if (components.isPresent() && components.getAsInt() >= d) {
      throw new IllegalArgumentException("components must be < the " + d + " columns, since " + d
          + " components reconstruct every row exactly, found " + components.getAsInt());
    }
    double[][] x = TrainingRows.of(train, 2, name());
    Pca pca = Pca.fit(train, d);
    int k = components.orElse(defaultComponents(pca.explainedVarianceRatio()));
    Subspace subspace = new Subspace(pca.mean(), Arrays.copyOf(pca.components(), k));
    return FittedRows.scoringTraining(name(), x, subspace);
  }

  /** The fewest leading components explaining 90% of the variance, at most {@code d - 1}. */
  static int defaultComponents(double[] explainedVarianceRatio) {
    int d = explainedVarianceRatio.length;
    double cumulative = 0;
    for (int k = 1; k < d; k++) {
      cumulative += explainedVarianceRatio[k - 1];
      if (cumulative >= DEFAULT_EXPLAINED_VARIANCE) {
        return k;
      }
    }
    return d - 1;
  }
}
