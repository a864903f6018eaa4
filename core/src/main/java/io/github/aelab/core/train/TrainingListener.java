package io.github.aelab.core.train;

import org.tensorflow.Session;

/**
 * Watches (and may act on) training: progress display, history, checkpoints, a head's
 * per-epoch work. Every method has an empty default.
 */
public interface TrainingListener {

  default void onStageStart(Stage stage, int firstEpoch) {}

  /** Before the batches of an epoch; a listener may rewrite a feed's rows here. */
  default void onEpochStart(Stage stage, int epoch, Session session) {}

  default void onBatchEnd(Stage stage, int epoch, int step, int stepsPerEpoch, double loss) {}

  default void onEpochEnd(Stage stage, EpochRecord record, Session session) {}

  /** {@code stoppedEarly} when early stopping ended the stage before its last epoch. */
  default void onStageEnd(Stage stage, boolean stoppedEarly) {}
}
