package io.github.aelab.clustering.deep;

import io.github.aelab.core.data.DataLoadException;
import io.github.aelab.core.data.NpyArray;
import io.github.aelab.core.data.NpzLoader;
import io.github.aelab.core.data.NpzWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An autoencoder's trained variables by their graph names (e.g. {@code encoder/0_dense/kernel}),
 * each with its shape: what DEC's pretraining leaves, and what a later DEC or IDEC fit can start
 * from instead of pretraining again. The IDEC paper starts IDEC from DEC's pretrained network, and
 * DEC-keras takes {@code --ae_weights} for the same reason: pretraining is most of the cost.
 *
 * <p>Saved as a NumPy {@code .npz} archive, one float32 array per variable, so the weights can be
 * opened with {@code numpy.load} as well as read back bit for bit.
 *
 * @param variables float arrays by variable name, in the graph's order
 */
public record AutoencoderWeights(Map<String, NpyArray> variables) {

  public AutoencoderWeights {
    Objects.requireNonNull(variables, "variables");
    Map<String, NpyArray> copy = new LinkedHashMap<>();
    variables.forEach((name, array) -> {
      if (Objects.requireNonNull(array, name).isInteger()) {
        throw new IllegalArgumentException("variable '" + name + "' holds integers; weights are floats");
      }
      copy.put(name, array);
    });
    variables = Collections.unmodifiableMap(copy);
  }

  /** Writes the archive (atomically: a reader never sees half a file). */
  public void save(Path file) {
    NpzWriter.write(file, variables);
  }

  /** Reads an archive written by {@link #save} (or by {@code numpy.savez} with float arrays). */
  public static AutoencoderWeights load(Path file) {
    Map<String, NpyArray> variables = NpzLoader.arrays(file);
    variables.forEach((key, array) -> {
      if (array.isInteger()) {
        throw new DataLoadException(file, "array '" + key + "' has dtype " + array.dtype()
            + "; autoencoder weights are float arrays");
      }
    });
    if (variables.isEmpty()) {
      throw new DataLoadException(file, "holds no arrays; expected an autoencoder's weights (the "
          + "pretrained_autoencoder.npz of a dec or idec run)");
    }
    return new AutoencoderWeights(variables);
  }
}
