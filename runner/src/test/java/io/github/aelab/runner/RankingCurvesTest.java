package io.github.aelab.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Curves worked by hand on four rows, one tie among them. */
class RankingCurvesTest {
  // Ranked: 0.9 (anomaly), then 0.8 twice (one anomaly, one normal: one step), then 0.1 (normal).
  static final double[] SCORES = {0.8, 0.1, 0.9, 0.8};
  static final boolean[] TRUTH = {true, false, true, false};

  @Test
  void rocStepsOncePerDistinctScore() {
    RankingCurves.Curve roc = RankingCurves.roc(SCORES, TRUTH);
    assertThat(roc.x()).containsExactly(0, 0, 0.5, 1);
    assertThat(roc.y()).containsExactly(0, 0.5, 1, 1);
  }

  @Test
  void precisionRecallStartsAtRecallZeroWithPrecisionOne() {
    RankingCurves.Curve pr = RankingCurves.precisionRecall(SCORES, TRUTH);
    assertThat(pr.x()).containsExactly(0, 0.5, 1, 1);
    assertThat(pr.y()).containsExactly(1, 1, 2.0 / 3, 0.5);
  }

  @Test
  void longCurvesAreThinnedKeepingBothEnds() {
    int n = 10_001;
    double[] scores = new double[n];
    boolean[] truth = new boolean[n];
    for (int i = 0; i < n; i++) {
      scores[i] = i;
      truth[i] = i % 3 == 0;
    }
    RankingCurves.Curve roc = RankingCurves.roc(scores, truth);
    assertThat(roc.x().length).isLessThanOrEqualTo(RankingCurves.MAX_POINTS + 1);
    assertThat(roc.x()[0]).isZero();
    assertThat(roc.x()[roc.x().length - 1]).isEqualTo(1);
    assertThat(roc.y()[roc.y().length - 1]).isEqualTo(1);
  }
}
