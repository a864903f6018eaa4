package io.github.aelab.core.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Where a training plan stands, written beside each checkpoint so that {@code resume} continues
 * exactly: the stage, the next epoch, early stopping's memory and the history so far.
 */
public record TrainerState(int stageIndex, int nextEpoch, double bestLoss, int epochsWithoutImprovement,
    boolean bestSaved, List<EpochRecord> history) {

  static final String FILE = "trainer-state.json";
  private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  public TrainerState {
    history = List.copyOf(history);
  }

  /** The state at the start of stage {@code stageIndex}, after {@code history}. */
  static TrainerState atStart(int stageIndex, List<EpochRecord> history) {
    return new TrainerState(stageIndex, 0, Double.POSITIVE_INFINITY, 0, false, history);
  }

  void write(Path dir) {
    try {
      Path tmp = dir.resolve(FILE + ".tmp");
      JSON.writeValue(tmp.toFile(), new Stored(stageIndex, nextEpoch,
          Double.isInfinite(bestLoss) ? null : bestLoss, epochsWithoutImprovement, bestSaved, history));
      Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write trainer state in " + dir, e);
    }
  }

  /** The state saved in a checkpoint directory (its {@code latest} folder). */
  public static TrainerState read(Path dir) {
    Path file = dir.resolve(FILE);
    try {
      Stored s = JSON.readValue(file.toFile(), Stored.class);
      return new TrainerState(s.stageIndex(), s.nextEpoch(), s.bestLoss() == null ? Double.POSITIVE_INFINITY : s.bestLoss(),
          s.epochsWithoutImprovement(), s.bestSaved(), s.history());
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read trainer state (" + e.getMessage() + ")", e);
    }
  }

  /** JSON has no infinity; "no best yet" is stored as null. */
  private record Stored(int stageIndex, int nextEpoch, Double bestLoss, int epochsWithoutImprovement,
      boolean bestSaved, List<EpochRecord> history) {}
}
