package io.github.aelab.clustering.baseline;

import io.github.aelab.clustering.Clusterer;
import io.github.aelab.clustering.FittedClusterer;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.stats.CovarianceType;
import io.github.aelab.core.stats.GaussianMixture;
import io.github.aelab.core.stats.GaussianMixtureModel;
import io.github.aelab.core.stats.Rows;

/**
 * The Gaussian-mixture baseline on the {@link Clusterer} API: a {@link GaussianMixture} fitted by
 * EM, one cluster per component. Soft assignments are the posterior responsibilities; the
 * training assignments are each training row's most responsible component under the final
 * parameters (scikit-learn's {@code fit_predict} after fitting).
 *
 * @param mixture the mixture settings, including the number of components
 */
public record GmmClusterer(GaussianMixture mixture) implements Clusterer {

  public GmmClusterer {
    if (mixture == null) {
      throw new IllegalArgumentException("mixture settings must be given, found null");
    }
  }

  /** {@code clusters} components of {@code type} with scikit-learn's defaults for the rest. */
  public static GmmClusterer of(int clusters, CovarianceType type) {
    return new GmmClusterer(GaussianMixture.of(clusters, type));
  }

  @Override
  public String name() {
    return "gmm";
  }

  @Override
  public int clusters() {
    return mixture.components();
  }

  @Override
  public FittedClusterer fit(Dataset data, long seed) {
    double[][] rows = Rows.of(data);
    GaussianMixtureModel model = mixture.fit(rows, seed);
    return new Fitted(model, model.predict(rows));
  }

  /** A fitted mixture with its training rows' assignments, computed once at fit time. */
  private static final class Fitted implements FittedClusterer {

    private final GaussianMixtureModel model;
    private final int[] trainingAssignments;

    Fitted(GaussianMixtureModel model, int[] trainingAssignments) {
      this.model = model;
      this.trainingAssignments = trainingAssignments;
    }

    @Override
    public int[] trainingAssignments() {
      return trainingAssignments.clone();
    }

    @Override
    public double[][] softAssignments(Dataset rows) {
      return model.predictProba(Rows.of(rows));
    }
  }
}
