package io.github.aelab.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScalerTest {

  /** Column 0 spans 0..4, column 1 is constant 0.1, column 2 spans -1..1. */
  private final Dataset train = new Dataset("train", new float[] {
    0, 0.1f, -1,
    2, 0.1f, 0,
    4, 0.1f, 1,
  }, 3, 3, new int[] {0, 1, 0});
  private final Dataset test = new Dataset("test", new float[] {6, 0.3f, 0}, 1, 3, new int[] {1});

  @Test
  void minMaxMapsTheTrainingRangeToUnitInterval() {
    MinMaxScaler scaler = MinMaxScaler.fit(train);

    assertThat(scaler.min()).containsExactly(0, 0.1f, -1);
    assertThat(scaler.max()).containsExactly(4, 0.1f, 1);
    assertThat(scaler.transform(train).features()).containsExactly(0, 0, 0, 0.5f, 0, 0.5f, 1, 0, 1);
    // Test values beyond the training range go beyond [0, 1]; the constant column maps to 0.
    assertThat(scaler.transform(test).features()).containsExactly(1.5f, 0, 0.5f);
    assertThat(scaler.transform(test).labels()).containsExactly(1);
  }

  @Test
  void zScoreStandardisesWithTrainingStatistics() {
    ZScoreScaler scaler = ZScoreScaler.fit(train);

    assertThat(scaler.mean()).containsExactly(new double[] {2, 0.1f, 0}, within(1e-12));
    assertThat(scaler.std()).containsExactly(new double[] {Math.sqrt(8.0 / 3), 1, Math.sqrt(2.0 / 3)}, within(1e-12));
    float[] scaled = scaler.transform(train).features();
    assertThat(scaled[0]).isCloseTo((float) (-2 / Math.sqrt(8.0 / 3)), within(1e-6f));
    // The constant column is divided by 1: exactly 0 on the training data and never NaN.
    assertThat(new float[] {scaled[1], scaled[4], scaled[7]}).containsOnly(0f);
    assertThat(scaler.transform(test).features()[1]).isCloseTo(0.2f, within(1e-6f));
  }

  @Test
  void scalersAreValuesThatCanBeRebuiltFromTheirParameters() {
    ZScoreScaler fitted = ZScoreScaler.fit(train);
    ZScoreScaler rebuilt = new ZScoreScaler(fitted.mean(), fitted.std());

    assertThat(rebuilt).isEqualTo(fitted);
    assertThat(rebuilt.transform(test)).isEqualTo(fitted.transform(test));
    assertThat(new MinMaxScaler(new double[] {0}, new double[] {2})).isEqualTo(new MinMaxScaler(new double[] {0},
        new double[] {2}));
  }

  @Test
  void scalingASplitUsesTheTrainParametersOnBothParts() {
    Split split = new Split(train, test);

    Split scaled = split.transform(MinMaxScaler.fit(split.train()));

    assertThat(scaled.test().features()).containsExactly(1.5f, 0, 0.5f);
  }

  @Test
  void rejectsMismatchedColumnsAndBadParameters() {
    Dataset wide = new Dataset("wide", new float[4], 1, 4, null);

    assertThatThrownBy(() -> MinMaxScaler.fit(train).transform(wide))
        .hasMessage("scaler was fitted on 3 columns but dataset 'wide' has 4");
    assertThatThrownBy(() -> new ZScoreScaler(new double[] {0}, new double[] {0}))
        .hasMessage("column 0 must have a finite mean and std > 0, found mean = 0.0, std = 0.0");
    assertThatThrownBy(() -> new MinMaxScaler(new double[] {2}, new double[] {1}))
        .hasMessage("column 0 must have finite min <= max, found min = 2.0, max = 1.0");
    assertThatThrownBy(() -> ZScoreScaler.fit(train.head(0)))
        .hasMessage("cannot fit a scaler on dataset 'train-head0' with 0 rows");
  }
}
