package io.github.aelab.core.train;

import io.github.aelab.core.spec.DefaultValue;
import io.github.aelab.core.spec.Doc;
/**
 * Stop a stage when the monitored loss (validation loss when the stage has validation data,
 * else training loss) has not improved by more than {@code minDelta} for {@code patience}
 * epochs; optionally restore the variables of the best epoch (Keras' {@code restore_best_weights}).
 */
@Doc("stop when the monitored loss stops improving")
public record EarlyStopping(
    @Doc("epochs without improvement before stopping") int patience,
    @Doc("smallest decrease that counts as improvement") @DefaultValue("0") double minDelta,
    @Doc("restore the variables of the best epoch") @DefaultValue("true") boolean restoreBest) {
  public EarlyStopping {
    if (patience < 1) {
      throw new IllegalArgumentException("patience must be >= 1, found " + patience);
    }
    if (!(minDelta >= 0)) {
      throw new IllegalArgumentException("min_delta must be >= 0, found " + minDelta);
    }
  }
}
