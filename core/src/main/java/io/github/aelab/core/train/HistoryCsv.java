package io.github.aelab.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.tensorflow.Session;

/**
 * Appends one CSV line per epoch, flushed at once, so an interrupted or failed run keeps every
 * finished epoch. Columns: stage, epoch, train_loss, validation_loss, learning_rate, seconds,
 * samples_per_second.
 */
public final class HistoryCsv implements TrainingListener {
  static final String HEADER = "stage,epoch,train_loss,validation_loss,learning_rate,seconds,samples_per_second";
  private final Path file;

  public HistoryCsv(Path file) {
    this.file = file;
  }

  /** Replaces the file with these records (a resumed run restarts from its checkpoint's history). */
  public static void rewrite(Path file, java.util.List<EpochRecord> records) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace " + file, e);
    }
    HistoryCsv csv = new HistoryCsv(file);
    records.forEach(r -> csv.append(r));
  }

  @Override
  public void onEpochEnd(Stage stage, EpochRecord r, Session session) {
    append(r);
  }

  private void append(EpochRecord r) {
    try {
      boolean fresh = !Files.exists(file) || Files.size(file) == 0;
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND)) {
        if (fresh) {
          w.write(HEADER + "\n");
        }
        w.write(String.format(Locale.ROOT, "%s,%d,%.8g,%s,%.6g,%.4f,%.1f%n", r.stage(), r.epoch(), r.trainLoss(),
            Double.isNaN(r.validationLoss()) ? "" : String.format(Locale.ROOT, "%.8g", r.validationLoss()),
            r.learningRate(), r.seconds(), r.samplesPerSecond()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }
}
