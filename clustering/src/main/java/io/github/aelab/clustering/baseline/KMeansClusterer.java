package io.github.aelab.clustering.baseline;

import io.github.aelab.clustering.Clusterer;
import io.github.aelab.clustering.FittedClusterer;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.stats.KMeans;
import io.github.aelab.core.stats.KMeansResult;

/**
 * The k-means baseline on the {@link Clusterer} API: {@link KMeans} on the raw features (or, run
 * on an autoencoder's codes, the "AE + k-means" baseline of the DEC papers). Hard: soft
 * assignments are one-hot rows of the nearest centre.
 *
 * @param kmeans the k-means settings, including the number of clusters
 */
public record KMeansClusterer(KMeans kmeans) implements Clusterer {

  public KMeansClusterer {
    if (kmeans == null) {
      throw new IllegalArgumentException("kmeans settings must be given, found null");
    }
  }

  /** {@code clusters} clusters with scikit-learn's defaults (10 restarts of at most 300 iterations). */
  public static KMeansClusterer withClusters(int clusters) {
    return new KMeansClusterer(KMeans.withClusters(clusters));
  }

  @Override
  public String name() {
    return "kmeans";
  }

  @Override
  public int clusters() {
    return kmeans.clusters();
  }

  @Override
  public FittedClusterer fit(Dataset data, long seed) {
    return new Fitted(kmeans.fit(data, seed));
  }

  /** A fitted k-means: the centres, and the assignments of the rows they were fitted on. */
  private record Fitted(KMeansResult result) implements FittedClusterer {

    @Override
    public int[] trainingAssignments() {
      return result.assignments();
    }

    @Override
    public double[][] softAssignments(Dataset rows) {
      int[] nearest = result.predict(rows);
      double[][] oneHot = new double[nearest.length][result.clusters()];
      for (int i = 0; i < nearest.length; i++) {
        oneHot[i][nearest[i]] = 1;
      }
      return oneHot;
    }

    @Override
    public int[] predict(Dataset rows) {
      // The same answer as the default argmax over one-hot rows, without building them.
      return result.predict(rows);
    }
  }
}
