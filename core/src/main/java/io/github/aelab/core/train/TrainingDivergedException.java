package io.github.aelab.core.train;

/** The loss became NaN or infinite: training stops at once and says where. */
public final class TrainingDivergedException extends RuntimeException {
  private final String stage;
  private final int epoch;
  private final int step;

  public TrainingDivergedException(String stage, int epoch, int step, String update, double loss) {
    super("training diverged in stage '" + stage + "', epoch " + epoch + ", step " + step + ": loss of '"
        + update + "' is " + loss + "; lower the learning rate or enable gradient clipping (clip_norm)");
    this.stage = stage;
    this.epoch = epoch;
    this.step = step;
  }

  public String stage() {
    return stage;
  }

  public int epoch() {
    return epoch;
  }

  public int step() {
    return step;
  }
}
