package io.github.aelab.runner;

import io.github.aelab.core.train.HistoryCsv;
import io.github.aelab.core.train.ProgressBar;
import io.github.aelab.core.train.ProgressLog;
import io.github.aelab.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/**
 * What watches training in every kind of run: a progress bar on terminals, progress lines and
 * history.csv (a mutable list: an autoencoder run adds its TensorBoard log).
 */
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
