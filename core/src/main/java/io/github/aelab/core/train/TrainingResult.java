package io.github.aelab.core.train;

import java.util.List;

/** The history of a whole plan and which stages early stopping ended. */
public record TrainingResult(List<EpochRecord> history, List<String> stoppedEarly) {
  public TrainingResult {
    history = List.copyOf(history);
    stoppedEarly = List.copyOf(stoppedEarly);
  }

  /** Epochs actually run in a stage (after a resume, including those before the interruption). */
  public int epochs(String stage) {
    return (int) history.stream().filter(r -> r.stage().equals(stage)).count();
  }

  public EpochRecord last() {
    return history.get(history.size() - 1);
  }
}
