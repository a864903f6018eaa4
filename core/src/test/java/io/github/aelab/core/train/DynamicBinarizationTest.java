package io.github.aelab.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamicBinarizationTest {
  @Test
  void everyEpochRedrawsTheFedRowsAndTheSameEpochDrawsTheSameBits() {
    try (TinyRegression model = new TinyRegression(1, 0.01)) {
      float[] grey = new float[model.xs.length];
      Arrays.fill(grey, 0.25f);
      DynamicBinarization binarize = new DynamicBinarization(grey, model.xs, 3);
      Stage stage = model.stage(3, null, false);

      binarize.onEpochStart(stage, 0, model.session);
      float[] first = model.xs.clone();
      binarize.onEpochStart(stage, 1, model.session);
      float[] second = model.xs.clone();
      binarize.onEpochStart(stage, 0, model.session); // as a resumed run replays epoch 0

      assertThat(first).containsOnly(0f, 1f);
      assertThat(mean(first)).isBetween(0.20, 0.30); // 768 draws of Bernoulli(0.25): std 0.016
      assertThat(second).isNotEqualTo(first);
      assertThat(model.xs).isEqualTo(first);
    }
  }

  @Test
  void leavesFeedsOfOtherMatricesAlone() {
    try (TinyRegression model = new TinyRegression(1, 0.01)) {
      float[] before = model.xs.clone();
      float[] otherFed = new float[model.xs.length];
      float[] grey = new float[model.xs.length];
      Arrays.fill(grey, 0.5f);

      new DynamicBinarization(grey, otherFed, 3).onEpochStart(model.stage(1, null, false), 0, model.session);

      assertThat(model.xs).isEqualTo(before);
      assertThat(otherFed).containsOnly(0f); // not a feed of this stage: not drawn
    }
  }

  @Test
  void theTrainerCallsItBeforeEachEpochsBatches() {
    try (TinyRegression model = new TinyRegression(1, 0.01)) {
      float[] grey = new float[model.xs.length];
      Arrays.fill(grey, 0.5f);
      float[][] seen = new float[2][];
      TrainingListener recorder = new TrainingListener() {
        @Override
        public void onBatchEnd(Stage stage, int epoch, int step, int stepsPerEpoch, double loss) {
          if (step == 0) {
            seen[epoch] = model.xs.clone();
          }
        }
      };

      model.trainer(List.of(new DynamicBinarization(grey, model.xs, 3), recorder), null)
          .fit(List.of(model.stage(2, null, false)));

      assertThat(seen[0]).containsOnly(0f, 1f);
      assertThat(seen[1]).containsOnly(0f, 1f).isNotEqualTo(seen[0]);
    }
  }

  private static double mean(float[] v) {
    double s = 0;
    for (float f : v) {
      s += f;
    }
    return s / v.length;
  }
}
