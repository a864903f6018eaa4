package io.github.aelab.core.train;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Save the variables and the trainer's state to {@code directory} every {@code everyEpochs}
 * epochs and at the end of each stage. Only the latest checkpoint is kept (plus the best
 * variables of a stage with restore-best early stopping).
 */
public record CheckpointPolicy(Path directory, int everyEpochs) {
  public CheckpointPolicy {
    Objects.requireNonNull(directory, "directory");
    if (everyEpochs < 1) {
      throw new IllegalArgumentException("every_epochs must be >= 1, found " + everyEpochs);
    }
  }
}
