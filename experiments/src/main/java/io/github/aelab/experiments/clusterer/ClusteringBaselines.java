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
 * default; {@code pca_kmeans}: k-means on PCA scores as wide as the model's code), and two on the
 * pretrained codes of a DEC or IDEC fit: {@code ae_kmeans}, the DEC papers' "autoencoder +
 * k-means", the k-means that starts DEC's centres, reported as it is rather than fitted again;
 * and {@code ae_gmm}, a full-covariance Gaussian mixture fitted on the same codes.
 */
public final class ClusteringBaselines {
  public static final String KMEANS = "kmeans";
  public static final String GMM = "gmm";
  public static final String PCA_KMEANS = "pca_kmeans";
  public static final String AE_KMEANS = "ae_kmeans";
  public static final String AE_GMM = "ae_gmm";

  private ClusteringBaselines() {}

  /** Every name, in table order. */
  public static List<String> names() {
    return List.of(KMEANS, GMM, PCA_KMEANS, AE_KMEANS, AE_GMM);
  }

  /** Whether {@code name} is measured on a DEC or IDEC fit's pretrained codes rather than fitted on the rows. */
  public static boolean onPretrainedCodes(String name) {
    return name.equals(AE_KMEANS) || name.equals(AE_GMM);
  }

  /**
   * The baseline {@code name} on the raw features, with {@code clusters} clusters ({@code
   * pca_kmeans} on {@code codeWidth} principal components); not for {@code ae_kmeans} or
   * {@code ae_gmm}, which come out of the clusterer's own fit.
   */
  public static Clusterer create(String name, int clusters, int codeWidth) {
    return switch (name) {
      case KMEANS -> KMeansClusterer.withClusters(clusters);
      case GMM -> GmmClusterer.of(clusters, CovarianceType.FULL);
      case PCA_KMEANS -> io.github.aelab.clustering.baseline.PcaKMeansClusterer.of(codeWidth, clusters);
      case AE_KMEANS, AE_GMM -> throw new IllegalArgumentException(name + " is fitted on the pretrained codes inside "
          + "a dec or idec fit, not a clusterer of its own");
      default -> throw new IllegalArgumentException("unknown clustering baseline '" + name + "'; known: "
          + String.join(", ", names()));
    };
  }
}
