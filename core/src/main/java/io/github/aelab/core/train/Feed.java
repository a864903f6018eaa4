package io.github.aelab.core.train;

import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Binds a [batch, cols] placeholder to a row-major matrix of per-row values (features, targets,
 * soft assignments). The matrix is read at every batch, so a listener may rewrite it in place
 * between epochs (e.g. DEC's target distribution).
 */
public record Feed(Operand<TFloat32> placeholder, float[] rows, int cols) {
  public Feed {
    Objects.requireNonNull(placeholder, "placeholder");
    Objects.requireNonNull(rows, "rows");
    if (cols < 1 || rows.length % cols != 0) {
      throw new IllegalArgumentException("rows length " + rows.length + " is not a multiple of cols " + cols);
    }
    long expected = placeholder.shape().numDimensions() == 2 ? placeholder.shape().size(1) : -1;
    if (expected != cols) {
      throw new IllegalArgumentException("placeholder " + placeholder.shape() + " cannot take rows of width " + cols);
    }
  }

  public int rowCount() {
    return rows.length / cols;
  }
}
