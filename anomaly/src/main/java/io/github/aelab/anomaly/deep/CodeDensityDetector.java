package io.github.aelab.anomaly.deep;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.FittedRows;
import io.github.aelab.anomaly.SavedDetector;
import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.train.TrainingListener;
import io.github.aelab.models.Autoencoder;
import io.github.aelab.models.AutoencoderSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * An autoencoder followed by a density estimate on its codes (Cao, Nicolau &amp; McDermott 2016):
 * the autoencoder compresses, and any detector fitted on the training codes scores the code of a
 * new row. With {@link CentroidDetector} this is the paper's centroid distance; with a Parzen
 * (kernel density) detector it is the paper's KDE; any other baseline composes the same way.
 *
 * @param onCodes the detector fitted on the training rows' codes
 */
public record CodeDensityDetector(AutoencoderTraining autoencoder, Detector onCodes) implements Detector {

  public CodeDensityDetector {
    Objects.requireNonNull(autoencoder, "autoencoder");
    Objects.requireNonNull(onCodes, "onCodes");
    if (autoencoder.spec().codeShape().numDimensions() != 1) {
      throw new IllegalArgumentException("a density on codes needs a flat code, found per-example shape "
          + autoencoder.spec().codeShape());
    }
  }

  @Override
  public String name() {
    return "ae_" + onCodes.name();
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
      FittedDetector density = onCodes.fit(codes(session, train), seed);
      return new Fitted(session, density);
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  private static Dataset codes(AutoencoderSession session, Dataset rows) {
    float[] codes = session.encode(rows.features());
    int width = (int) session.autoencoder().spec().codeShape().size(0);
    return new Dataset(rows.name() + "-codes", codes, rows.rows(), width, rows.labels());
  }

  private record Fitted(AutoencoderSession session, FittedDetector density) implements FittedDetector {
    @Override
    public double[] trainingScores() {
      return density.trainingScores();
    }

    @Override
    public double[] score(Dataset rows) {
      return density.score(codes(session, rows));
    }

    /** The encoder as the TensorFlow part, the density's row scorer over the codes as the Java part. */
    @Override
    public void save(Path dir) {
      if (!(density instanceof FittedRows rows)) {
        throw new UnsupportedOperationException("a density on codes saves only when it scores row by row in Java, as"
            + " every classic detector does; found " + density.getClass().getName());
      }
      Autoencoder ae = session.autoencoder();
      SavedDetector.write(dir, ae.spec().inputDim(), SavedDetector.Graph.of(session.session(), ae.input(), ae.code()),
          rows.scorer(), rows.trainingScores());
    }

    @Override
    public void close() {
      try {
        density.close();
      } finally {
        session.close();
      }
    }
  }
}
