package io.github.aelab.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Export and load TensorFlow SavedModels: the trained graph, its variables and named signatures,
 * loadable by any TensorFlow runtime (Python's {@code tf.saved_model.load} included).
 */
public final class SavedModels {
  private SavedModels() {}

  /**
   * Writes a SavedModel of the session's graph into {@code dir}, which must not exist yet: a run
   * never overwrites a model in place.
   */
  public static void export(Session session, Path dir, List<Signature> signatures) {
    if (Files.exists(dir)) {
      throw new IllegalArgumentException(dir + ": already exists; a SavedModel is written to a new directory");
    }
    try {
      SavedModelBundle.Exporter exporter = SavedModelBundle.exporter(dir.toString()).withSession(session);
      for (Signature s : signatures) {
        exporter.withSignature(s);
      }
      exporter.export();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export a SavedModel to " + dir, e);
    }
  }

  /** Loads a SavedModel written by {@link #export}; close the bundle when done. */
  public static SavedModelBundle load(Path dir) {
    if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
      throw new IllegalArgumentException(dir + ": not a SavedModel (no saved_model.pb)");
    }
    return SavedModelBundle.load(dir.toString(), SavedModelBundle.DEFAULT_TAG);
  }

  /**
   * Calls {@code signature} of a loaded model on every row of the row-major {@code rows x cols}
   * matrix {@code rows}, {@code batch} rows at a time, feeding them as {@code input} and the
   * tensors of {@code extra} (e.g. a scalar) as they are; returns {@code output} row-major, its
   * values per row read from the first batch.
   */
  public static float[] callBatched(SavedModelBundle model, String signature, String input, String output,
      float[] rows, int cols, int batch, Map<String, Tensor> extra) {
    int n = rows.length / cols;
    float[] out = null;
    int perRow = 0;
    for (int from = 0; from < n; from += batch) {
      int count = Math.min(batch, n - from);
      float[] values = Arrays.copyOfRange(rows, from * cols, (from + count) * cols);
      try (TFloat32 x = TFloat32.tensorOf(Shape.of(count, cols), DataBuffers.of(values))) {
        Map<String, Tensor> inputs = new HashMap<>(extra);
        inputs.put(input, x);
        try (Result result = model.function(signature).call(inputs)) {
          TFloat32 y = (TFloat32) result.get(output).orElseThrow(() -> new IllegalArgumentException(
              "signature '" + signature + "' has no output '" + output + "'"));
          if (out == null) {
            perRow = (int) (y.shape().size() / count);
            out = new float[n * perRow];
          }
          y.asRawTensor().data().asFloats().read(out, from * perRow, count * perRow);
        }
      }
    }
    return out == null ? new float[0] : out;
  }
}
