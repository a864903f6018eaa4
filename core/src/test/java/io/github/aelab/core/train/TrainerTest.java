package io.github.aelab.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Session;

class TrainerTest {

  @Test
  void theSameSeedGivesTheSameLossHistory() {
    List<Double> first;
    List<Double> second;
    try (TinyRegression m = new TinyRegression(42, 0.01)) {
      first = losses(m.trainer(List.of(), null).fit(List.of(m.stage(5, null, false))));
    }
    try (TinyRegression m = new TinyRegression(42, 0.01)) {
      second = losses(m.trainer(List.of(), null).fit(List.of(m.stage(5, null, false))));
    }
    assertThat(second).isEqualTo(first);
    try (TinyRegression m = new TinyRegression(43, 0.01)) {
      assertThat(losses(m.trainer(List.of(), null).fit(List.of(m.stage(5, null, false))))).isNotEqualTo(first);
    }
  }

  @Test
  void resumeAfterAnInterruptionEndsWithTheSameWeights(@TempDir Path dir) {
    float[] uninterrupted;
    try (TinyRegression m = new TinyRegression(7, 0.01)) {
      m.trainer(List.of(), null).fit(List.of(m.stage(6, null, true)));
      uninterrupted = m.weights();
    }
    // Interrupted after epoch 3 (a listener throws, as a killed process would stop), checkpoint every 2 epochs.
    CheckpointPolicy checkpoints = new CheckpointPolicy(dir, 2);
    try (TinyRegression m = new TinyRegression(7, 0.01)) {
      TrainingListener crash = new TrainingListener() {
        @Override
        public void onEpochEnd(Stage stage, EpochRecord record, Session session) {
          if (record.epoch() == 3) {
            throw new IllegalStateException("simulated crash");
          }
        }
      };
      assertThatThrownBy(() -> m.trainer(List.of(crash), checkpoints).fit(List.of(m.stage(6, null, true))))
          .hasMessage("simulated crash");
    }
    assertThat(dir.resolve("latest/trainer-state.json")).exists();
    try (TinyRegression m = new TinyRegression(7, 0.01)) {
      TrainingResult resumed = m.trainer(List.of(), checkpoints).resume(List.of(m.stage(6, null, true)), dir);
      assertThat(resumed.epochs("fit")).isEqualTo(6);
      assertThat(m.weights()).containsExactly(uninterrupted);
    }
  }

  @Test
  void earlyStoppingStopsAndRestoresTheBestEpoch() {
    // A learning rate this large makes the loss bounce, so the last epoch is not the best one.
    try (TinyRegression m = new TinyRegression(3, 0.3)) {
      List<float[]> weightsAtEpoch = new ArrayList<>();
      TrainingListener snapshot = new TrainingListener() {
        @Override
        public void onEpochEnd(Stage stage, EpochRecord record, Session session) {
          weightsAtEpoch.add(m.weights());
        }
      };
      TrainingResult result = m.trainer(List.of(snapshot), null)
          .fit(List.of(m.stage(200, new EarlyStopping(3, 0.0, true), true)));
      assertThat(result.stoppedEarly()).containsExactly("fit");
      assertThat(result.epochs("fit")).isLessThan(200);
      int best = 0;
      for (int i = 1; i < result.history().size(); i++) {
        if (result.history().get(i).validationLoss() < result.history().get(best).validationLoss()) {
          best = i;
        }
      }
      assertThat(best).isEqualTo(result.history().size() - 1 - 3);
      assertThat(m.weights()).containsExactly(weightsAtEpoch.get(best));
    }
  }

  @Test
  void divergenceStopsWithStageEpochAndStep() {
    try (TinyRegression m = new TinyRegression(1, new io.github.aelab.core.optim.OptimizerSpec.Sgd(1e6, 0, false))) {
      assertThatThrownBy(() -> m.trainer(List.of(), null).fit(List.of(m.stage(50, null, false))))
          .isInstanceOf(TrainingDivergedException.class)
          .hasMessageMatching("training diverged in stage 'fit', epoch \\d+, step \\d+: loss of 'fit' is (NaN|Infinity).*");
    }
  }

  @Test
  void historyListenerWritesCsv(@TempDir Path dir) throws Exception {
    try (TinyRegression m = new TinyRegression(1, 0.01)) {
      HistoryCsv csv = new HistoryCsv(dir.resolve("history.csv"));
      m.trainer(List.of(csv), null).fit(List.of(m.stage(3, null, true)));
      List<String> lines = Files.readAllLines(dir.resolve("history.csv"));
      assertThat(lines).hasSize(4);
      assertThat(lines.get(0)).isEqualTo("stage,epoch,train_loss,validation_loss,learning_rate,seconds,samples_per_second");
      assertThat(lines.get(3)).startsWith("fit,3,");
    }
  }

  /** Native memory must stay flat: every tensor of every step is closed. */
  @Test
  void noTensorLeakOverAThousandSteps() {
    try (TinyRegression m = new TinyRegression(1, 0.001)) {
      Trainer trainer = m.trainer(List.of(), null);
      trainer.fit(List.of(m.stage(2, null, true))); // warm-up
      long objectsBefore = NativeMemory.liveNativeObjects();
      long rssBefore = NativeMemory.residentBytes();
      trainer.fit(List.of(m.stage(125, null, true))); // 1,000 steps and 125 validation passes
      assertThat(NativeMemory.liveNativeObjects() - objectsBefore).as("native objects left open").isLessThanOrEqualTo(0);
      assertThat(NativeMemory.residentBytes() - rssBefore).as("resident memory growth").isLessThan(32L << 20);
    }
  }

  /** The leak detector itself notices unclosed tensors. */
  @Test
  void theLeakDetectorSeesUnclosedTensors() {
    long before = NativeMemory.liveNativeObjects();
    List<org.tensorflow.types.TFloat32> leaked = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      leaked.add(org.tensorflow.types.TFloat32.scalarOf(i));
    }
    assertThat(NativeMemory.liveNativeObjects() - before).isGreaterThanOrEqualTo(50);
    leaked.forEach(org.tensorflow.types.TFloat32::close);
    assertThat(NativeMemory.liveNativeObjects() - before).isLessThanOrEqualTo(0);
  }

  private static List<Double> losses(TrainingResult r) {
    return r.history().stream().map(EpochRecord::trainLoss).toList();
  }
}
