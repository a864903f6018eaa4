package io.github.aelab.anomaly.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.metric.RocAuc;
import io.github.aelab.anomaly.protocol.ProtocolSplit;
import io.github.aelab.anomaly.protocol.UnsupervisedHoldout;
import io.github.aelab.core.data.SyntheticData;

/**
 * The check every baseline passes: on seeded blobs with uniform outliers, split by PyOD's
 * unsupervised holdout (so training is contaminated too), the held-out rows are ranked with
 * ROC-AUC at least 0.9, and the same seed gives the same scores.
 */
final class PlantedOutliers {

  private PlantedOutliers() {
  }

  /**
   * 360 inliers from three blobs of std 1 with centres in [-5, 5]^8, plus 40 outliers uniform in
   * [-10, 10]^8 (10%), split 60/40 and z-scored. Eight columns rather than fewer because the
   * subspace detectors (PCA, robust PCA) need some columns to be mostly noise for the inliers.
   */
  static ProtocolSplit split(long seed) {
    return UnsupervisedHoldout.pyod().split(SyntheticData.gaussianBlobsWithOutliers(360, 40, 8, 3, 1.0, seed), seed);
  }

  /** The ROC-AUC of {@code detector} fitted with {@code seed} on the held-out rows of {@link #split}. */
  static double heldOutAuc(Detector detector, long seed) {
    ProtocolSplit split = split(seed);
    try (FittedDetector fitted = detector.fit(split.train(), seed)) {
      return RocAuc.of(fitted.score(split.test()), split.testIsAnomaly());
    }
  }

  static void assertRanksOutliersFirst(Detector detector) {
    for (long seed = 1; seed <= 3; seed++) {
      assertThat(heldOutAuc(detector, seed)).as("%s, seed %d", detector.name(), seed).isGreaterThanOrEqualTo(0.9);
    }
  }

  static void assertSameSeedSameScores(Detector detector) {
    ProtocolSplit split = split(5);
    try (FittedDetector first = detector.fit(split.train(), 7); FittedDetector second = detector.fit(split.train(), 7)) {
      assertThat(second.trainingScores()).containsExactly(first.trainingScores());
      assertThat(second.score(split.test())).containsExactly(first.score(split.test()));
    }
  }
}
