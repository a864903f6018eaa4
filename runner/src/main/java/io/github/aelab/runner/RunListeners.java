package io.github.aelab.runner;

import io.github.aelab.core.train.HistoryCsv;
import io.github.aelab.core.train.ProgressBar;
import io.github.aelab.core.train.ProgressLog;
import io.github.aelab.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/** What watches a detector's or clusterer's training in a run: a progress bar on terminals, progress lines, history.csv. */
final class RunListeners {
  private RunListeners() {}

  static List<TrainingListener> progressAndHistory(RunDirectory run) {
    List<TrainingListener> listeners = new ArrayList<>(List.of(new ProgressLog(), new HistoryCsv(run.resolve("history.csv"))));
    ProgressBar bar = ProgressBar.forConsole();
    if (bar != null) {
      listeners.add(0, bar);
    }
    return listeners;
  }
}
