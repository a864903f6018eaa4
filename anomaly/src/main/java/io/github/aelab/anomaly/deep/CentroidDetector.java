package io.github.aelab.anomaly.deep;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.core.data.Dataset;

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
    int d = train.cols();
    double[] centre = train.columnMeans();
    double[] trainingScores = distances(centre, train);
    return new FittedDetector() {
      @Override
      public double[] trainingScores() {
        return trainingScores.clone();
      }

      @Override
      public double[] score(Dataset rows) {
        if (rows.cols() != d) {
          throw new IllegalArgumentException("the centroid has " + d + " dimensions, '" + rows.name() + "' has " + rows.cols());
        }
        return distances(centre, rows);
      }
    };
  }

  private static double[] distances(double[] centre, Dataset rows) {
    double[] out = new double[rows.rows()];
    float[] x = rows.features();
    int d = centre.length;
    for (int i = 0; i < out.length; i++) {
      double sum = 0;
      for (int j = 0; j < d; j++) {
        double diff = x[i * d + j] - centre[j];
        sum += diff * diff;
      }
      out[i] = Math.sqrt(sum);
    }
    return out;
  }
}
