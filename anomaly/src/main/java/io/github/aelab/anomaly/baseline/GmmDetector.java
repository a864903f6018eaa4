package io.github.aelab.anomaly.baseline;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.FittedRows;
import io.github.aelab.anomaly.RowScorer;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.stats.CovarianceType;
import io.github.aelab.core.stats.GaussianMixture;
import io.github.aelab.core.stats.GaussianMixtureModel;
import java.util.HashSet;
import java.util.List;

/**
 * A Gaussian mixture density ({@link GaussianMixture}, EM with k-means initialization); the score
 * is the negative log density, PyOD's {@code GMM} score. With one candidate number of components
 * that number is used; with several, the one with the lowest BIC on the training rows.
 *
 * @param components     candidate numbers of components, each {@code >= 1}, no repeats
 * @param covarianceType full or diagonal covariances
 * @param regCovar       added to every covariance diagonal, {@code >= 0}
 * @param nInit          EM restarts per candidate, {@code >= 1}
 */
public record GmmDetector(List<Integer> components, CovarianceType covarianceType, double regCovar, int nInit)
    implements Detector {

  public GmmDetector {
    components = List.copyOf(components);
    if (components.isEmpty()) {
      throw new IllegalArgumentException("components must list at least one number of components, found none");
    }
    if (new HashSet<>(components).size() != components.size()) {
      throw new IllegalArgumentException("components must not repeat a number, found " + components);
    }
    // The remaining checks are GaussianMixture's, made now rather than at the first fit.
    for (int k : components) {
      new GaussianMixture(k, covarianceType, regCovar, GaussianMixture.DEFAULT_MAX_ITERATIONS,
          GaussianMixture.DEFAULT_TOLERANCE, nInit);
    }
  }

  /** PyOD's defaults: one component, full covariance, {@code reg_covar = 1e-6}, one initialization. */
  public static GmmDetector pyod() {
    return fixed(1, CovarianceType.FULL);
  }

  /** {@code k} components of {@code type}, other settings as PyOD's. */
  public static GmmDetector fixed(int k, CovarianceType type) {
    return new GmmDetector(List.of(k), type, GaussianMixture.DEFAULT_REG_COVAR, GaussianMixture.DEFAULT_N_INIT);
  }

  /** The number of components chosen from {@code candidates} by BIC, other settings as PyOD's. */
  public static GmmDetector selectedByBic(List<Integer> candidates, CovarianceType type) {
    return new GmmDetector(candidates, type, GaussianMixture.DEFAULT_REG_COVAR, GaussianMixture.DEFAULT_N_INIT);
  }

  @Override
  public String name() {
    return "gmm";
  }

  @Override
  public FittedDetector fit(Dataset train, long seed) {
    int largest = components.stream().mapToInt(Integer::intValue).max().orElseThrow();
    double[][] x = TrainingRows.of(train, largest, name());
    GaussianMixture template = new GaussianMixture(components.get(0), covarianceType, regCovar,
        GaussianMixture.DEFAULT_MAX_ITERATIONS, GaussianMixture.DEFAULT_TOLERANCE, nInit);
    GaussianMixtureModel model = components.size() == 1
        ? template.fit(x, seed)
        : GaussianMixture.selectByBic(template, components, x, seed).best();
    return FittedRows.scoringTraining(name(), x, new NegativeLogDensity(model));
  }

  /** Minus the mixture's log density. */
  record NegativeLogDensity(GaussianMixtureModel model) implements RowScorer {
    @Override
    public double score(double[] row) {
      return -model.scoreSamples(new double[][] {row})[0];
    }
  }
}
