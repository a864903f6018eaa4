package io.github.aelab.clustering.baseline;

import io.github.aelab.clustering.Clusterer;
import io.github.aelab.clustering.FittedClusterer;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.linalg.Pca;

/**
 * k-means on principal-component scores: the linear counterpart of "autoencoder + k-means" in
 * the DEC papers' tables. PCA to {@code components} dimensions is fitted on the rows clustered;
 * new rows are projected with the same components before their nearest centre is found.
 *
 * @param components the PCA width (a deep clusterer's code width, to compare like with like)
 * @param kmeans     k-means on the scores
 */
public record PcaKMeansClusterer(int components, KMeansClusterer kmeans) implements Clusterer {

  public PcaKMeansClusterer {
    if (components < 1) {
      throw new IllegalArgumentException("components must be >= 1, found " + components);
    }
    if (kmeans == null) {
      throw new IllegalArgumentException("kmeans settings must be given, found null");
    }
  }

  /** {@code clusters} clusters by k-means with scikit-learn's defaults on {@code components} PCA scores. */
  public static PcaKMeansClusterer of(int components, int clusters) {
    return new PcaKMeansClusterer(components, KMeansClusterer.withClusters(clusters));
  }

  @Override
  public String name() {
    return "pca_kmeans";
  }

  @Override
  public int clusters() {
    return kmeans.clusters();
  }

  @Override
  public FittedClusterer fit(Dataset data, long seed) {
    if (components > data.cols()) {
      throw new IllegalArgumentException("pca_kmeans keeps " + components + " components but '" + data.name()
          + "' has " + data.cols() + " columns");
    }
    Pca pca = Pca.fit(data, components);
    FittedClusterer onScores = kmeans.fit(scores(pca, data), seed);
    return new FittedClusterer() {
      @Override
      public int[] trainingAssignments() {
        return onScores.trainingAssignments();
      }

      @Override
      public double[][] softAssignments(Dataset rows) {
        return onScores.softAssignments(scores(pca, rows));
      }

      @Override
      public int[] predict(Dataset rows) {
        return onScores.predict(scores(pca, rows));
      }
    };
  }

  private Dataset scores(Pca pca, Dataset rows) {
    return new Dataset(rows.name() + "-pca" + components, pca.transform(rows), rows.rows(), components,
        rows.labels());
  }
}
