package io.github.aelab.anomaly.baseline;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.FittedRows;
import io.github.aelab.core.data.Dataset;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Robust PCA reconstruction error: the training rows are split by principal component pursuit
 * ({@link RobustPca}) into a low-rank part {@code L} and sparse corruptions {@code S}, and a row
 * scores its squared distance from the row space of {@code L} (a subspace through the origin, as
 * in the decomposition; the protocols centre the data by z-scoring). Unlike ordinary PCA, a few
 * gross outliers in the training rows do not tilt that subspace towards themselves.
 *
 * <p>By default the subspace is all of {@code L}'s row space, but at most {@code d - 1}
 * dimensions: a subspace of every dimension would reconstruct every row exactly.
 *
 * @param lambda     the sparse part's weight, {@code > 0}; empty for {@code 1 / sqrt(max(n, d))}
 * @param components the subspace's dimension, {@code >= 1} and at most the rank of {@code L};
 *                   empty for the default above
 */
public record RobustPcaDetector(OptionalDouble lambda, OptionalInt components) implements Detector {

  private static final Logger LOG = LoggerFactory.getLogger(RobustPcaDetector.class);

  public RobustPcaDetector {
    if (lambda.isPresent() && (!(lambda.getAsDouble() > 0) || Double.isInfinite(lambda.getAsDouble()))) {
      throw new IllegalArgumentException("lambda must be finite and > 0 (or empty for 1 / sqrt(max(n, d))), found "
          + lambda.getAsDouble());
    }
    if (components.isPresent() && components.getAsInt() < 1) {
      throw new IllegalArgumentException("components must be >= 1 (or empty for the rank of L), found "
          + components.getAsInt());
    }
  }

  /** The paper's lambda and the whole row space of L. */
  public static RobustPcaDetector defaults() {
    return new RobustPcaDetector(OptionalDouble.empty(), OptionalInt.empty());
  }

  @Override
  public String name() {
    return "rpca";
  }

  @Override
  public FittedDetector fit(Dataset train, long seed) {
    double[][] x = TrainingRows.of(train, 2, name());
    int d = x[0].length;
    RobustPca.Decomposition decomposition = new RobustPca(lambda, 1e-7, 1000).decompose(x);
    if (!decomposition.converged()) {
      LOG.warn("robust PCA of '{}' stopped after {} iterations without reaching its tolerance; "
          + "scoring with the last iterate", train.name(), decomposition.iterations());
    }
    int rank = decomposition.rank();
    int k;
    if (components.isPresent()) {
      k = components.getAsInt();
      if (k > rank || k >= d) {
        throw new IllegalArgumentException("components must be at most the rank of L (" + rank + ") and below the "
            + d + " columns, found " + k);
      }
    } else {
      k = Math.min(rank, d - 1);
    }
    Subspace subspace = new Subspace(new double[d], Arrays.copyOf(decomposition.rowBasis(), k));
    return FittedRows.scoringTraining(name(), x, subspace);
  }
}
