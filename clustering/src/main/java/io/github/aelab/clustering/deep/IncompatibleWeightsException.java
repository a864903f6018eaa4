package io.github.aelab.clustering.deep;

/**
 * Pretrained weights that do not fit the autoencoder they were given to: a variable missing, one
 * the network lacks, or one of another shape. Its own type so that a run can say which file and
 * which setting the weights came from.
 */
public final class IncompatibleWeightsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  IncompatibleWeightsException(String message) {
    super(message);
  }
}
