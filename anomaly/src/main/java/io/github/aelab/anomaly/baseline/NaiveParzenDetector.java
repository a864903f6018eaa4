package io.github.aelab.anomaly.baseline;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.FittedRows;
import io.github.aelab.anomaly.RowScorer;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.stats.LogSumExp;
import io.github.aelab.core.stats.Rows;
import java.util.OptionalDouble;

/**
 * "Naive" Parzen density: the product of one Gaussian-kernel density per column, as if the
 * columns were independent, so the score is the sum over columns of each column's negative log
 * density. It sees only marginal outliers, but needs no multivariate bandwidth and does not
 * suffer the curse of dimensionality of the joint estimate ({@link ParzenDetector}).
 *
 * <p>Columns are standardized with the training statistics; the default bandwidth is Scott's
 * one-dimensional rule {@code h = n^(-1/5)} (in standardized units). Each column's density is
 * summed in log space, and a training row's own kernel is included.
 *
 * @param bandwidth the kernels' standard deviation in standardized units, {@code > 0}; empty for
 *                  Scott's rule
 */
public record NaiveParzenDetector(OptionalDouble bandwidth) implements Detector {

  public NaiveParzenDetector {
    Bandwidths.check(bandwidth);
  }

  /** Bandwidth by Scott's rule. */
  public static NaiveParzenDetector scott() {
    return new NaiveParzenDetector(OptionalDouble.empty());
  }

  @Override
  public String name() {
    return "naive_parzen";
  }

  @Override
  public FittedDetector fit(Dataset train, long seed) {
    StandardizedRows standardized = StandardizedRows.of(train, 1, name());
    double[][] z = standardized.rows();
    int n = z.length;
    double h = bandwidth.orElse(Math.pow(n, -1.0 / 5));
    double logNormalizer = Math.log(n) + 0.5 * Math.log(2 * Math.PI * h * h);
    return FittedRows.scoringTraining(name(), Rows.of(train), new NegativeLogDensity(standardized, h, logNormalizer));
  }

  /** Minus the sum over columns of the log of each column's one-dimensional kernel density. */
  record NegativeLogDensity(StandardizedRows standardized, double h, double logNormalizer) implements RowScorer {
    @Override
    public double score(double[] row) {
      double[][] z = standardized.rows();
      double[] logKernels = new double[z.length];
      double[] zRow = standardized.standardize(row);
      double score = 0;
      for (int c = 0; c < zRow.length; c++) {
        for (int i = 0; i < z.length; i++) {
          double diff = zRow[c] - z[i][c];
          logKernels[i] = -diff * diff / (2 * h * h);
        }
        score += logNormalizer - LogSumExp.of(logKernels);
      }
      return score;
    }
  }
}
