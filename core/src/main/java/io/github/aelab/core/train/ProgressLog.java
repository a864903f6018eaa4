package io.github.aelab.core.train;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Session;

/** One log line per epoch: stage, epoch, losses, learning rate, throughput. Plain lines suit CI logs. */
public final class ProgressLog implements TrainingListener {
  private static final Logger LOG = LoggerFactory.getLogger("aelab.progress");

  @Override
  public void onStageStart(Stage stage, int firstEpoch) {
    LOG.info("stage '{}': {} epochs of {} steps (batch {}, {} rows){}", stage.name(), stage.epochs(),
        stage.stepsPerEpoch(), stage.batchSize(), stage.trainRows(),
        firstEpoch > 0 ? ", resuming at epoch " + (firstEpoch + 1) : "");
  }

  @Override
  public void onEpochEnd(Stage stage, EpochRecord r, Session session) {
    LOG.info(String.format(Locale.ROOT, "%s epoch %d/%d  loss %.6f%s  lr %.3g  %.1fs  %.0f samples/s", r.stage(),
        r.epoch(), stage.epochs(), r.trainLoss(),
        Double.isNaN(r.validationLoss()) ? "" : String.format(Locale.ROOT, "  val %.6f", r.validationLoss()),
        r.learningRate(), r.seconds(), r.samplesPerSecond()));
  }
}
