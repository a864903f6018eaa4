package io.github.aelab.anomaly.baseline;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.FittedRows;
import io.github.aelab.anomaly.RowScorer;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.stats.Rows;
import io.github.aelab.core.stats.SquaredDistances;
import java.util.OptionalDouble;

/**
 * Parzen-window (Gaussian kernel) density estimation; the score is the negative log density.
 *
 * <p>Rows are standardized with the training statistics and one isotropic bandwidth {@code h} is
 * used, by default Scott's rule {@code h = n^(-1 / (d + 4))}, which on standardized data is
 * Scott's per-column {@code sigma_j n^(-1 / (d + 4))}. The density is the mean of the {@code n}
 * kernels, summed in log space: far from the data every kernel underflows to 0 as a double, which
 * would make every distant row score infinity and tie. A training row's own kernel is included in
 * its density (nothing is excluded), as scoring a fitted scikit-learn {@code KernelDensity} does.
 *
 * @param bandwidth the kernel's standard deviation in standardized units, {@code > 0}; empty for
 *                  Scott's rule
 */
public record ParzenDetector(OptionalDouble bandwidth) implements Detector {

  public ParzenDetector {
    Bandwidths.check(bandwidth);
  }

  /** Bandwidth by Scott's rule. */
  public static ParzenDetector scott() {
    return new ParzenDetector(OptionalDouble.empty());
  }

  @Override
  public String name() {
    return "parzen";
  }

  @Override
  public FittedDetector fit(Dataset train, long seed) {
    StandardizedRows standardized = StandardizedRows.of(train, 1, name());
    double[][] z = standardized.rows();
    int n = z.length;
    int d = z[0].length;
    double h = bandwidth.orElse(Math.pow(n, -1.0 / (d + 4)));
    double logNormalizer = Math.log(n) + 0.5 * d * Math.log(2 * Math.PI * h * h);
    return FittedRows.scoringTraining(name(), Rows.of(train), new NegativeLogDensity(standardized, h, logNormalizer));
  }

  /** Minus the log of the mean of the kernels at the standardized training rows. */
  record NegativeLogDensity(StandardizedRows standardized, double h, double logNormalizer) implements RowScorer {
    @Override
    public double score(double[] row) {
      return scoreAll(new double[][] {row})[0];
    }

    @Override
    public double[] scoreAll(double[][] rows) {
      double[][] zRows = new double[rows.length][];
      for (int r = 0; r < rows.length; r++) {
        zRows[r] = standardized.standardize(rows[r]);
      }
      double[] scores = SquaredDistances.logSumExp(standardized.rows(), zRows, 1 / (2 * h * h));
      for (int r = 0; r < scores.length; r++) {
        scores[r] = logNormalizer - scores[r];
      }
      return scores;
    }
  }
}
