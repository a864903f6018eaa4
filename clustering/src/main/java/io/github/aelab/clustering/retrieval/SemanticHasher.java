package io.github.aelab.clustering.retrieval;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.models.HeadGraph;
import java.nio.file.Path;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A trained semantic-hashing encoder ({@link SemanticHashing}): bit {@code j} of a row is 1 when
 * its logistic code unit {@code j} is above 0.5, the paper's deterministic binarization. Holds
 * the TensorFlow graph and session, so close it when done.
 */
public final class SemanticHasher implements ExportableHasher {

  /** A logistic unit's midpoint: the cut between bit 0 and bit 1. */
  static final float CUT = 0.5f;

  private final HeadGraph graph;
  private final Operand<TFloat32> code;
  private final TrainedHasher hasher;

  SemanticHasher(HeadGraph graph, Operand<TFloat32> code, Operand<TFloat32> hash, int bits) {
    this.graph = graph;
    this.code = code;
    this.hasher = new TrainedHasher(graph, code, hash, bits);
  }

  /**
   * Writes the trained encoder as a SavedModel into {@code dir} (which must not exist): signature
   * {@code hash} (also the default) gives each row's bits as 0/1 floats, {@code encode} the
   * activations they are thresholded from. Any TensorFlow runtime can then hash new rows.
   */
  @Override
  public void export(Path dir) {
    hasher.export(dir);
  }

  @Override
  public int dims() {
    return hasher.dims();
  }

  @Override
  public int bits() {
    return hasher.bits();
  }

  /**
   * The noiseless logistic code activations of every row, row-major {@code rows x bits}, each in
   * (0, 1): how close they sit to 0 and 1 shows how binary training made them.
   */
  public float[] activations(Dataset rows) {
    if (rows.cols() != dims()) {
      throw new IllegalArgumentException("the hasher was fitted on " + dims() + " columns but dataset '"
          + rows.name() + "' has " + rows.cols());
    }
    return graph.run(code, rows.features());
  }

  /**
   * The share of {@code rows}' code activations within 0.1 of 0 or 1: how binary the training
   * noise made the code (the thresholding loses little when it is near 1).
   */
  public double nearBinaryShare(Dataset rows) {
    return nearBinaryShare(activations(rows));
  }

  /** The share of {@code activations} within 0.1 of 0 or 1. */
  static double nearBinaryShare(float[] activations) {
    long near = 0;
    for (float a : activations) {
      if (a <= 0.1f || a >= 0.9f) {
        near++;
      }
    }
    return (double) near / activations.length;
  }

  @Override
  public BinaryCodes encode(Dataset rows) {
    return hasher.encode(rows);
  }

  @Override
  public void close() {
    hasher.close();
  }
}
