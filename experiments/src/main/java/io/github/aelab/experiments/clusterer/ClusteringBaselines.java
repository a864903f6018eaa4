package io.github.aelab.experiments.clusterer;

import io.github.aelab.clustering.Clusterer;
import io.github.aelab.clustering.baseline.GmmClusterer;
import io.github.aelab.clustering.baseline.KMeansClusterer;
import io.github.aelab.core.stats.CovarianceType;
import java.util.List;

/**
 * The names an experiment file may use in {@code evaluation.clustering_baselines}: classic
 * clusterers fitted on the raw features with the clusterer's number of clusters ({@code kmeans}:
 * scikit-learn's defaults, 10 restarts; {@code gmm}: full covariances, as scikit-learn's
 * default), and {@code ae_kmeans}, the DEC papers' "autoencoder + k-means": the k-means on the
 * pretrained codes that starts DEC's centres, reported as it is rather than fitted again.
 */
public final class ClusteringBaselines {
  public static final String KMEANS = "kmeans";
  public static final String GMM = "gmm";
  public static final String AE_KMEANS = "ae_kmeans";

  private ClusteringBaselines() {}

  /** Every name, in table order. */
  public static List<String> names() {
    return List.of(KMEANS, GMM, AE_KMEANS);
  }

  /**
   * The baseline {@code name} on the raw features, with {@code clusters} clusters; not for
   * {@code ae_kmeans}, which comes out of the clusterer's own fit.
   */
  public static Clusterer create(String name, int clusters) {
    return switch (name) {
      case KMEANS -> KMeansClusterer.withClusters(clusters);
      case GMM -> GmmClusterer.of(clusters, CovarianceType.FULL);
      case AE_KMEANS -> throw new IllegalArgumentException("ae_kmeans is the k-means inside a dec or idec fit, "
          + "not a clusterer of its own");
      default -> throw new IllegalArgumentException("unknown clustering baseline '" + name + "'; known: "
          + String.join(", ", names()));
    };
  }
}
