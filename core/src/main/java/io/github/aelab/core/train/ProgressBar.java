package io.github.aelab.core.train;

import java.io.PrintStream;
import java.util.Locale;
import org.tensorflow.Session;

/**
 * A one-line progress bar per stage for terminals: epoch, step, loss, samples/s and ETA,
 * redrawn at most ten times a second. Off a terminal (CI logs, files) use {@link ProgressLog}'s
 * plain per-epoch lines instead; {@link #forConsole()} picks.
 */
public final class ProgressBar implements TrainingListener {
  private static final int WIDTH = 24;
  private final PrintStream out;
  private long stageStart;
  private long lastDraw;
  private long stepsDone;
  private long totalSteps;
  private long firstStepOfRun;

  public ProgressBar(PrintStream out) {
    this.out = out;
  }

  /** A bar on an interactive terminal, or null when output goes to a log or a pipe. */
  public static ProgressBar forConsole() {
    return System.console() != null && System.getenv("CI") == null ? new ProgressBar(System.out) : null;
  }

  @Override
  public void onStageStart(Stage stage, int firstEpoch) {
    stageStart = System.nanoTime();
    totalSteps = (long) stage.epochs() * stage.stepsPerEpoch();
    stepsDone = (long) firstEpoch * stage.stepsPerEpoch();
    firstStepOfRun = stepsDone;
    lastDraw = 0;
  }

  @Override
  public void onBatchEnd(Stage stage, int epoch, int step, int stepsPerEpoch, double loss) {
    stepsDone++;
    long now = System.nanoTime();
    if (now - lastDraw < 100_000_000L && step + 1 < stepsPerEpoch) {
      return;
    }
    lastDraw = now;
    double seconds = (now - stageStart) / 1e9;
    double stepsPerSecond = (stepsDone - firstStepOfRun) / Math.max(seconds, 1e-9);
    double eta = (totalSteps - stepsDone) / Math.max(stepsPerSecond, 1e-9);
    int filled = (int) (WIDTH * stepsDone / Math.max(1, totalSteps));
    String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
    out.print(String.format(Locale.ROOT, "\r%s [%s] epoch %d/%d step %d/%d loss %.5f %.0f samples/s ETA %s  ",
        stage.name(), bar, epoch + 1, stage.epochs(), step + 1, stepsPerEpoch, loss,
        stepsPerSecond * stage.batchSize(), clock(eta)));
    out.flush();
  }

  @Override
  public void onEpochEnd(Stage stage, EpochRecord record, Session session) {
    out.print("\r\033[K"); // clear the bar so the epoch's log line prints cleanly
    out.flush();
  }

  @Override
  public void onStageEnd(Stage stage, boolean stoppedEarly) {
    out.print("\r\033[K");
    out.flush();
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
