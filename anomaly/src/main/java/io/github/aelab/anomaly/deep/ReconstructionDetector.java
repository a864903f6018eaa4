package io.github.aelab.anomaly.deep;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.SavedDetector;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.stats.Rows;
import io.github.aelab.core.train.TrainingListener;
import io.github.aelab.models.Autoencoder;
import io.github.aelab.models.AutoencoderSession;
import io.github.aelab.models.latent.VariationalEvaluation;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Scores each row by how badly an autoencoder trained on the training rows reconstructs it: the
 * basic deep detector, for any autoencoder of the models module. For a variational autoencoder
 * the negative ELBO (averaged over posterior samples) is also available, which weighs the
 * reconstruction by the likelihood and adds how unusual the code is.
 *
 * @param score what a row's score is
 * @param samples posterior samples per row for {@link Score#NEGATIVE_ELBO}
 */
public record ReconstructionDetector(AutoencoderTraining autoencoder, Score score, int samples) implements Detector {

  /** The score of a row. */
  public enum Score {
    /** The model's per-row reconstruction loss (mean squared error or cross-entropy). */
    RECONSTRUCTION_ERROR,
    /** A variational autoencoder's negative ELBO in nats; needs a Gaussian code. */
    NEGATIVE_ELBO
  }

  public ReconstructionDetector {
    Objects.requireNonNull(autoencoder, "autoencoder");
    Objects.requireNonNull(score, "score");
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be >= 1, found " + samples);
    }
  }

  public ReconstructionDetector(AutoencoderTraining autoencoder) {
    this(autoencoder, Score.RECONSTRUCTION_ERROR, 1);
  }

  @Override
  public String name() {
    return score == Score.NEGATIVE_ELBO ? "vae_elbo" : "ae_reconstruction";
  }

  @Override
  public FittedDetector fit(Dataset train, long seed) {
    return fit(train, seed, List.of());
  }

  @Override
  public FittedDetector fit(Dataset train, long seed, List<TrainingListener> listeners) {
    autoencoder.requireInput(train, name());
    AutoencoderSession session = autoencoder.train(train.features(), seed, listeners);
    try {
      if (score == Score.NEGATIVE_ELBO && session.variational().isEmpty()) {
        throw new IllegalArgumentException("score negative_elbo needs a variational autoencoder (a gaussian code block)");
      }
      Fitted fitted = new Fitted(session, score, samples);
      fitted.trainingScores = fitted.score(train);
      return fitted;
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /** A trained autoencoder that scores rows; {@link #session()} reaches the model itself. */
  public static final class Fitted implements FittedDetector {
    private final AutoencoderSession session;
    private final Score score;
    private final int samples;
    private double[] trainingScores;

    Fitted(AutoencoderSession session, Score score, int samples) {
      this.session = session;
      this.score = score;
      this.samples = samples;
    }

    @Override
    public double[] trainingScores() {
      return trainingScores.clone();
    }

    @Override
    public double[] score(Dataset rows) {
      if (score == Score.NEGATIVE_ELBO) {
        return session.variational().orElseThrow().negativeElboPerRow(session.session(), rows.features(), samples);
      }
      return Rows.toDouble(session.score(rows.features()));
    }

    @Override
    public void save(Path dir) {
      if (score == Score.RECONSTRUCTION_ERROR) {
        saveReconstructionError(session, trainingScores, dir);
        return;
      }
      VariationalEvaluation elbo = session.variational().orElseThrow();
      SavedDetector.write(dir, session.autoencoder().spec().inputDim(), new SavedDetector.Graph(session.session(),
          session.autoencoder().input(), elbo.negativeElbo(), elbo.sampleIndex(), samples), null, trainingScores);
    }

    public AutoencoderSession session() {
      return session;
    }

    @Override
    public void close() {
      session.close();
    }
  }

  /** Saves a detector that scores by the autoencoder's per-row reconstruction loss. */
  static void saveReconstructionError(AutoencoderSession session, double[] trainingScores, Path dir) {
    Autoencoder ae = session.autoencoder();
    SavedDetector.write(dir, ae.spec().inputDim(), SavedDetector.Graph.of(session.session(), ae.input(),
        ae.perExampleLoss()), null, trainingScores);
  }
}
