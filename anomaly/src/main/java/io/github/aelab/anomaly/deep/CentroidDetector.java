package io.github.aelab.anomaly.deep;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.FittedRows;
import io.github.aelab.anomaly.RowScorer;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.stats.Rows;

/**
 * Euclidean distance to the mean of the training rows: the centroid score of Cao, Nicolau &amp;
 * McDermott (2016), meant for an autoencoder's codes (see {@link CodeDensityDetector}).
 */
public record CentroidDetector() implements Detector {

  @Override
  public String name() {
    return "centroid";
  }

  @Override
  public FittedDetector fit(Dataset train, long seed) {
    if (train.rows() == 0) {
      throw new IllegalArgumentException("the centroid of no rows is undefined ('" + train.name() + "' is empty)");
    }
    double[] centre = train.columnMeans();
    double[][] rows = Rows.of(train);
    return FittedRows.scoringTraining(name(), rows, new Distance(centre));
  }

  /** The Euclidean distance from the centre. */
  record Distance(double[] centre) implements RowScorer {
    @Override
    public double score(double[] row) {
      double sum = 0;
      for (int j = 0; j < centre.length; j++) {
        double diff = row[j] - centre[j];
        sum += diff * diff;
      }
      return Math.sqrt(sum);
    }
  }
}
