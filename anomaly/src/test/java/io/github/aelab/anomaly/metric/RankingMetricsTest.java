package io.github.aelab.anomaly.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {

  /** scikit-learn's documentation example. */
  private static final double[] SCORES = {0.1, 0.4, 0.35, 0.8};
  private static final int[] LABELS = {0, 0, 1, 1};

  /**
   * A case with ties, worked by hand:
   * anomalies score 0.5, 0.8, 0.2 and normals 0.5, 0.2.
   *
   * <p>ROC-AUC over the 3 x 2 (anomaly, normal) pairs: (0.5, 0.5) = 1/2, (0.5, 0.2) = 1,
   * (0.8, 0.5) = 1, (0.8, 0.2) = 1, (0.2, 0.5) = 0, (0.2, 0.2) = 1/2; total 4 of 6 = 2/3.
   *
   * <p>Average precision over the distinct thresholds from the top: at 0.8 one row flagged, one
   * anomaly: P = 1, R = 1/3; at 0.5 two more rows (one anomaly): P = 2/3, R = 2/3; at 0.2 the last
   * two (one anomaly): P = 3/5, R = 1. AP = 1/3 * 1 + 1/3 * 2/3 + 1/3 * 3/5 = 34/45.
   */
  private static final double[] TIED_SCORES = {0.5, 0.5, 0.2, 0.8, 0.2};
  private static final int[] TIED_LABELS = {1, 0, 0, 1, 1};

  @Test
  void rocAucOfTheScikitLearnExample() {
    // Pairs: 0.35 beats 0.1 but not 0.4, 0.8 beats both: 3 of 4.
    assertThat(RocAuc.of(SCORES, LABELS)).isEqualTo(0.75);
  }

  @Test
  void averagePrecisionOfTheScikitLearnExample() {
    // From the top: 0.8 (anomaly) P = 1, R = 1/2; 0.4 (normal) R unchanged; 0.35 (anomaly) P = 2/3, R = 1.
    assertThat(AveragePrecision.of(SCORES, LABELS)).isCloseTo(0.5 * 1 + 0.5 * 2 / 3.0, within(1e-15))
        .isCloseTo(0.8333333, within(1e-7));
  }

  @Test
  void tiesCountOneHalfInRocAuc() {
    assertThat(RocAuc.of(TIED_SCORES, TIED_LABELS)).isCloseTo(2 / 3.0, within(1e-15));
  }

  @Test
  void tiedRowsEnterAveragePrecisionTogether() {
    assertThat(AveragePrecision.of(TIED_SCORES, TIED_LABELS)).isCloseTo(34 / 45.0, within(1e-15));
    // Reordering the tied rows cannot change the result.
    assertThat(AveragePrecision.of(new double[] {0.5, 0.5, 0.2, 0.8, 0.2}, new int[] {0, 1, 1, 1, 0}))
        .isCloseTo(34 / 45.0, within(1e-15));
  }

  @Test
  void perfectAndReversedRankings() {
    double[] scores = {0.9, 0.8, 0.3, 0.1};
    boolean[] anomalies = {true, true, false, false};
    boolean[] reversed = {false, false, true, true};

    assertThat(RocAuc.of(scores, anomalies)).isEqualTo(1.0);
    assertThat(RocAuc.of(scores, reversed)).isEqualTo(0.0);
    assertThat(AveragePrecision.of(scores, anomalies)).isEqualTo(1.0);
    // All scores equal: AUC 1/2 and AP = the share of anomalies.
    assertThat(RocAuc.of(new double[] {1, 1, 1, 1}, anomalies)).isEqualTo(0.5);
    assertThat(AveragePrecision.of(new double[] {1, 1, 1, 1}, new boolean[] {true, false, false, false}))
        .isEqualTo(0.25);
  }

  @Test
  void precisionAtNFlagsTheTopNRows() {
    // n = 2 anomalies: the cut is the median 0.375, flagging 0.8 (anomaly) and 0.4 (normal).
    assertThat(PrecisionAtN.of(SCORES, LABELS)).isEqualTo(0.5);
    // n = 3: cut at the 0.4 quantile, 0.38, flags 0.5, 0.5 and 0.8, of which two are anomalies.
    assertThat(PrecisionAtN.of(TIED_SCORES, TIED_LABELS)).isCloseTo(2 / 3.0, within(1e-15));
    assertThat(PrecisionAtN.of(SCORES, AnomalyLabels.flags(LABELS), 1)).isEqualTo(1.0);
  }

  @Test
  void precisionAtNLeavesOutRowsTiedAtTheCut() {
    // n = 2, but the cut (the median) is 0.5 itself, so only 0.9 is strictly above it.
    double[] scores = {0.9, 0.5, 0.5, 0.1};
    assertThat(PrecisionAtN.of(scores, new int[] {0, 1, 1, 0})).isEqualTo(0.0);
    assertThat(PrecisionAtN.of(scores, new int[] {1, 0, 1, 0})).isEqualTo(1.0);
  }

  @Test
  void validatesInputs() {
    assertThatThrownBy(() -> RocAuc.of(new double[] {1, 2}, new int[] {0, 0}))
        .hasMessage("ROC-AUC needs at least one anomaly and one normal row, found 0 anomalies among 2 rows");
    assertThatThrownBy(() -> RocAuc.of(new double[] {1, 2}, new int[] {0, 2}))
        .hasMessage("anomaly labels must be 0 (normal) or 1 (anomaly), found 2 at row 1");
    assertThatThrownBy(() -> AveragePrecision.of(new double[] {1, Double.NaN}, new int[] {0, 1}))
        .hasMessage("scores must not be NaN, found NaN at row 1");
    assertThatThrownBy(() -> AveragePrecision.of(new double[] {1}, new int[] {0, 1}))
        .hasMessage("scores and labels must have the same length, found 1 scores and 2 labels");
    assertThatThrownBy(() -> PrecisionAtN.of(SCORES, AnomalyLabels.flags(LABELS), 5))
        .hasMessage("n must be in 1..4 (the number of rows), found 5");
  }
}
