package io.github.aelab.clustering.retrieval;

import io.github.aelab.core.data.Dataset;
import io.github.aelab.core.io.SavedModels;
import io.github.aelab.models.HeadGraph;
import java.nio.file.Path;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A hasher whose bits are one 0/1 output of a trained graph: Java encoding and an exported
 * SavedModel run the same ops on the same floats, so they agree to the bit.
 */
public final class TrainedHasher implements ExportableHasher {
  /** The {@code encode} signature's output: the code the bits are cut from. */
  public static final String CODE = "code";

  private final HeadGraph graph;
  private final Operand<TFloat32> code;
  private final Operand<TFloat32> hash;
  private final int bits;

  TrainedHasher(HeadGraph graph, Operand<TFloat32> code, Operand<TFloat32> hash, int bits) {
    this.graph = graph;
    this.code = code;
    this.hash = hash;
    this.bits = bits;
  }

  /**
   * Appends {@code quantizer} (a linear hasher over the code, e.g. ITQ's) to the graph after
   * {@code code}, as constants: {@code bits = [(code - mean) · W > 0]}. The session is already
   * open; TensorFlow extends it with the new ops on their first run.
   */
  static TrainedHasher quantizing(HeadGraph graph, Operand<TFloat32> code, LinearHasher quantizer) {
    int dims = quantizer.dims();
    int bits = quantizer.bits();
    double[] mean = quantizer.mean();
    double[] projection = quantizer.projection();
    float[] meanValues = new float[dims];
    float[][] weights = new float[dims][bits];
    for (int i = 0; i < dims; i++) {
      meanValues[i] = (float) mean[i];
      for (int j = 0; j < bits; j++) {
        weights[i][j] = (float) projection[i * bits + j];
      }
    }
    Ops tf = graph.tf().withSubScope("quantizer");
    Operand<TFloat32> projected = tf.linalg.matMul(tf.math.sub(code, tf.constant(meanValues)), tf.constant(weights));
    Operand<TFloat32> hash = tf.withName("bits").dtypes.cast(tf.math.greater(projected, tf.constant(0f)),
        TFloat32.class);
    return new TrainedHasher(graph, code, hash, bits);
  }

  @Override
  public int dims() {
    return graph.inputDim();
  }

  @Override
  public int bits() {
    return bits;
  }

  @Override
  public BinaryCodes encode(Dataset rows) {
    if (rows.cols() != dims()) {
      throw new IllegalArgumentException("the hasher was fitted on " + dims() + " columns but dataset '"
          + rows.name() + "' has " + rows.cols());
    }
    return BinaryCodes.threshold(graph.run(hash, rows.features()), rows.rows(), bits, 0.5f);
  }

  /** Signatures {@code hash} (also the default) and {@code encode} (the real-valued code). */
  @Override
  public void export(Path dir) {
    SavedModels.export(graph.session(), dir, List.of(
        Signature.builder().key(HASH_SIGNATURE).input(INPUT, graph.input()).output(BITS, hash).build(),
        Signature.builder().key("encode").input(INPUT, graph.input()).output(CODE, code).build(),
        Signature.builder().key(Signature.DEFAULT_KEY).input(INPUT, graph.input()).output(BITS, hash).build()));
  }

  @Override
  public void close() {
    graph.close();
  }
}
