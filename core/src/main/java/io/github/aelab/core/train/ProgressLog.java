package io.github.aelab.core.train;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Session;

/**
 * Periodic log lines: stage, epoch, losses, learning rate, throughput. At most one line every
 * {@code interval} (plus the first and last epoch of each stage), so fast epochs do not flood a
 * CI log; every epoch is in {@code history.csv} anyway.
 */
public final class ProgressLog implements TrainingListener {
  private static final Logger LOG = LoggerFactory.getLogger("aelab.progress");
  private final long intervalNanos;
  private long lastLine;

  /** A line at most every two seconds. */
  public ProgressLog() {
    this(java.time.Duration.ofSeconds(2));
  }

  public ProgressLog(java.time.Duration interval) {
    this.intervalNanos = interval.toNanos();
  }

  @Override
  public void onStageEnd(Stage stage, boolean stoppedEarly) {
    lastLine = 0;
  }

  @Override
  public void onStageStart(Stage stage, int firstEpoch) {
    LOG.info("stage '{}': {} epochs of {} steps (batch {}, {} rows){}", stage.name(), stage.epochs(),
        stage.stepsPerEpoch(), stage.batchSize(), stage.trainRows(),
        firstEpoch > 0 ? ", resuming at epoch " + (firstEpoch + 1) : "");
  }

  @Override
  public void onEpochEnd(Stage stage, EpochRecord r, Session session) {
    long now = System.nanoTime();
    boolean edge = r.epoch() == 1 || r.epoch() == stage.epochs();
    if (!edge && now - lastLine < intervalNanos) {
      return;
    }
    lastLine = now;
    LOG.info(String.format(Locale.ROOT, "%s epoch %d/%d  loss %.6f%s  lr %.3g  %.1fs  %.0f samples/s", r.stage(),
        r.epoch(), stage.epochs(), r.trainLoss(),
        Double.isNaN(r.validationLoss()) ? "" : String.format(Locale.ROOT, "  val %.6f", r.validationLoss()),
        r.learningRate(), r.seconds(), r.samplesPerSecond()));
  }
}
