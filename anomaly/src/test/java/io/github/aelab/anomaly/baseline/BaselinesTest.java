package io.github.aelab.anomaly.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.protocol.ProtocolSplit;
import org.junit.jupiter.api.Test;

class BaselinesTest {

  @Test
  void listsEveryBaselineUnderItsOwnName() {
    assertThat(Baselines.names()).containsExactly("gaussian", "mcd", "gmm", "parzen", "naive_parzen", "ocsvm", "svdd",
        "pca", "rpca", "iforest", "knn");
    for (String name : Baselines.names()) {
      assertThat(Baselines.create(name).name()).isEqualTo(name);
    }
  }

  @Test
  void everyDefaultScoresOneValuePerRow() {
    ProtocolSplit split = PlantedOutliers.split(4);
    for (String name : Baselines.names()) {
      Detector detector = Baselines.create(name);
      try (FittedDetector fitted = detector.fit(split.train(), 1)) {
        assertThat(fitted.trainingScores()).as(name).hasSize(split.train().rows()).doesNotContain(Double.NaN);
        assertThat(fitted.score(split.test())).as(name).hasSize(split.test().rows()).doesNotContain(Double.NaN);
      }
    }
  }

  @Test
  void rejectsUnknownNames() {
    assertThatThrownBy(() -> Baselines.create("lof")).hasMessage("unknown baseline \"lof\"; expected one of "
        + "[gaussian, mcd, gmm, parzen, naive_parzen, ocsvm, svdd, pca, rpca, iforest, knn]");
  }
}
