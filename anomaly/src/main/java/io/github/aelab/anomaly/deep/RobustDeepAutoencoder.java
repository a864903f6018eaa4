package io.github.aelab.anomaly.deep;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.Quantiles;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.stats.Rows;
import io.github.aelab.core.train.TrainingListener;
import io.github.aelab.models.AutoencoderSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Robust deep autoencoder (Zhou &amp; Paffenroth, KDD 2017): the training matrix is split as
 * {@code X = L_D + S}, where L_D is what the autoencoder reconstructs well and S holds the
 * outliers. Training alternates: fit the autoencoder on {@code L_D = X − S}, then set
 * {@code S = prox(X − D(E(L_D)))} by proximal shrinkage — elementwise soft thresholding for ℓ1
 * (corrupted entries) or groupwise row shrinkage for ℓ2,1 (whole outlying rows).
 *
 * <p>λ is given relative to the data, as a multiple of the median row (ℓ2,1) or entry (ℓ1)
 * residual magnitude of the current iterate, so that one setting carries across datasets of
 * different width and scale; the paper tunes an absolute λ per dataset instead.
 *
 * <p>Scores: every row, training or new, is scored by the reconstruction error of the
 * autoencoder trained on the cleaned data, so training scores and new scores share one scale (a
 * contamination threshold set on the first applies to the second). S itself is a by-product of
 * training for the training rows only: {@link Fitted#sparse()} gives it (its nonzero rows are the
 * rows RDA set aside as outliers).
 *
 * @param lambda shrinkage threshold as a multiple of the median residual magnitude, &gt; 0
 * @param iterations outer alternations (each trains the autoencoder for the plan's epochs)
 */
public record RobustDeepAutoencoder(AutoencoderTraining autoencoder, Norm norm, double lambda, int iterations)
    implements Detector {

  /** The sparsity structure of S. */
  public enum Norm {
    /** ℓ1: individual corrupted entries. */
    L1,
    /** ℓ2,1: whole outlying rows, the anomaly-detection setting. */
    L21
  }

  public RobustDeepAutoencoder {
    Objects.requireNonNull(autoencoder, "autoencoder");
    Objects.requireNonNull(norm, "norm");
    if (!(lambda > 0)) {
      throw new IllegalArgumentException("lambda must be > 0, found " + lambda);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, found " + iterations);
    }
  }

  @Override
  public String name() {
    return "rda";
  }

  @Override
  public FittedDetector fit(Dataset train, long seed) {
    return fit(train, seed, List.of());
  }

  @Override
  public FittedDetector fit(Dataset train, long seed, List<TrainingListener> listeners) {
    autoencoder.requireInput(train, name());
    float[] x = train.features();
    int d = train.cols();
    float[] s = new float[x.length];
    float[] cleaned = new float[x.length];
    AutoencoderSession session = AutoencoderSession.create(autoencoder.spec(), autoencoder.regularizers(),
        autoencoder.plan(), seed, autoencoder.runtime(), train.rows());
    try {
      for (int it = 0; it < iterations; it++) {
        for (int i = 0; i < x.length; i++) {
          cleaned[i] = x[i] - s[i];
        }
        session.fit(cleaned, null, listeners, null);
        float[] lowRank = session.reconstruct(cleaned);
        for (int i = 0; i < x.length; i++) {
          s[i] = x[i] - lowRank[i];
        }
        shrink(s, d);
      }
      double[] trainingScores = Rows.toDouble(session.score(x));
      return new Fitted(session, s, trainingScores);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /** Proximal step of λ·‖S‖ in place, with λ scaled by the median residual magnitude. */
  void shrink(float[] residual, int d) {
    if (norm == Norm.L1) {
      double[] magnitudes = new double[residual.length];
      for (int i = 0; i < residual.length; i++) {
        magnitudes[i] = Math.abs(residual[i]);
      }
      double threshold = lambda * Quantiles.linear(magnitudes, 0.5);
      for (int i = 0; i < residual.length; i++) {
        double m = Math.abs(residual[i]);
        residual[i] = m <= threshold ? 0f : (float) (Math.signum(residual[i]) * (m - threshold));
      }
      return;
    }
    double[] norms = rowNorms(residual, d);
    double threshold = lambda * Quantiles.linear(norms, 0.5);
    for (int r = 0; r < norms.length; r++) {
      double factor = norms[r] <= threshold ? 0 : (norms[r] - threshold) / norms[r];
      for (int j = 0; j < d; j++) {
        residual[r * d + j] *= (float) factor;
      }
    }
  }

  static double[] rowNorms(float[] m, int d) {
    double[] norms = new double[m.length / d];
    for (int r = 0; r < norms.length; r++) {
      double sum = 0;
      for (int j = 0; j < d; j++) {
        sum += (double) m[r * d + j] * m[r * d + j];
      }
      norms[r] = Math.sqrt(sum);
    }
    return norms;
  }

  /** A trained robust autoencoder and the sparse part of its training data. */
  public static final class Fitted implements FittedDetector {
    private final AutoencoderSession session;
    private final float[] sparse;
    private final double[] trainingScores;

    Fitted(AutoencoderSession session, float[] sparse, double[] trainingScores) {
      this.session = session;
      this.sparse = sparse;
      this.trainingScores = trainingScores;
    }

    @Override
    public double[] trainingScores() {
      return trainingScores.clone();
    }

    @Override
    public double[] score(Dataset rows) {
      return Rows.toDouble(session.score(rows.features()));
    }

    @Override
    public void save(Path dir) {
      ReconstructionDetector.saveReconstructionError(session, trainingScores, dir);
    }

    /** S, row-major like the training data: the part the autoencoder was not asked to explain. */
    public float[] sparse() {
      return sparse.clone();
    }

    @Override
    public void close() {
      session.close();
    }
  }
}
