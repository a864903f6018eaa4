package io.github.aelab.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;

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
}
