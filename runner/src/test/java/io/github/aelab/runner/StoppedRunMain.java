package io.github.aelab.runner;

import java.nio.file.Path;
import java.util.Map;

/** A run that writes one file, then waits to be stopped: the child process of {@link RunDirectoryTest}. */
public final class StoppedRunMain {
  private StoppedRunMain() {
  }

  public static void main(String[] args) {
    RunDirectory run = RunDirectory.create(Path.of(args[0]), "stopped");
    run.record(() -> {
      run.writeText("history.csv", "epoch,loss\n1,0.5\n");
      try {
        Thread.sleep(120_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Map.of();
    });
  }
}
