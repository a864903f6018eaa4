package io.github.aelab.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aelab.anomaly.baseline.Baselines;
import io.github.aelab.anomaly.protocol.ProtocolSplit;
import io.github.aelab.anomaly.protocol.UnsupervisedHoldout;
import io.github.aelab.core.data.SyntheticData;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fitted classic detector saved and read back scores exactly as it did, thresholds included;
 * the deep detectors' round trip is in {@code deep.SavedDeepDetectorsTest}.
 */
class SavedDetectorTest {

  private static final long SEED = 5;
  private static final ProtocolSplit SPLIT =
      UnsupervisedHoldout.pyod().split(SyntheticData.gaussianBlobsWithOutliers(180, 20, 6, 2, 1.0, SEED), SEED);

  static Iterable<String> baselines() {
    return Baselines.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("baselines")
  void everyBaselineScoresTheSameAfterSavingAndLoading(String name, @TempDir Path tmp) {
    Threshold contamination = new Threshold.Contamination(0.1);
    try (FittedDetector fitted = Baselines.create(name).fit(SPLIT.train(), SEED)) {
      fitted.save(tmp.resolve("detector"));
      try (SavedDetector loaded = SavedDetector.load(tmp.resolve("detector"))) {
        assertThat(loaded.score(SPLIT.test())).containsExactly(fitted.score(SPLIT.test()));
        assertThat(loaded.trainingScores()).containsExactly(fitted.trainingScores());
        assertThat(loaded.predict(SPLIT.test(), contamination)).containsExactly(fitted.predict(SPLIT.test(),
            contamination));
        assertThat(loaded.cols()).isEqualTo(SPLIT.test().cols());
      }
    }
  }

  @Test
  void describesWhatItSavedForPeople(@TempDir Path tmp) throws Exception {
    try (FittedDetector fitted = Baselines.create("gaussian").fit(SPLIT.train(), SEED)) {
      fitted.save(tmp.resolve("d"));
    }
    String json = Files.readString(tmp.resolve("d/detector.json"));
    assertThat(json).contains("\"format\" : 1", "\"columns\" : 6", "\"graph\" : null", "Mahalanobis",
        "\"training_rows\" : " + SPLIT.train().rows());
  }

  @Test
  void aSavedDetectorCanBeSavedAgain(@TempDir Path tmp) {
    try (FittedDetector fitted = Baselines.create("iforest").fit(SPLIT.train(), SEED)) {
      fitted.save(tmp.resolve("a"));
    }
    try (SavedDetector a = SavedDetector.load(tmp.resolve("a"))) {
      a.save(tmp.resolve("b"));
      try (SavedDetector b = SavedDetector.load(tmp.resolve("b"))) {
        assertThat(b.score(SPLIT.test())).containsExactly(a.score(SPLIT.test()));
      }
    }
  }

  @Test
  void refusesToOverwrite(@TempDir Path tmp) throws Exception {
    Files.createDirectories(tmp.resolve("d"));
    try (FittedDetector fitted = Baselines.create("pca").fit(SPLIT.train(), SEED)) {
      assertThatThrownBy(() -> fitted.save(tmp.resolve("d"))).hasMessageContaining("already exists");
    }
  }

  @Test
  void refusesRowsOfAnotherWidth(@TempDir Path tmp) {
    try (FittedDetector fitted = Baselines.create("knn").fit(SPLIT.train(), SEED)) {
      fitted.save(tmp.resolve("d"));
    }
    try (SavedDetector loaded = SavedDetector.load(tmp.resolve("d"))) {
      assertThatThrownBy(() -> loaded.score(SyntheticData.gaussianBlobsWithOutliers(10, 1, 3, 1, 1.0, 1)))
          .hasMessageContaining("takes 6 columns").hasMessageContaining("has 3");
    }
  }

  @Test
  void refusesAnotherFormatNamingTheFileAndField(@TempDir Path tmp) throws Exception {
    try (FittedDetector fitted = Baselines.create("gaussian").fit(SPLIT.train(), SEED)) {
      fitted.save(tmp.resolve("d"));
    }
    Path json = tmp.resolve("d/detector.json");
    Files.writeString(json, Files.readString(json).replace("\"format\" : 1", "\"format\" : 7"));
    assertThatThrownBy(() -> SavedDetector.load(tmp.resolve("d"))).hasMessageContaining(json.toString())
        .hasMessageContaining("'format' is 7").hasMessageContaining("reads format 1");
  }

  /** The state file is read through a filter: only aelab's classes, so a crafted file cannot run gadgets. */
  @Test
  void refusesAStateFileWithForeignClasses(@TempDir Path tmp) throws Exception {
    try (FittedDetector fitted = Baselines.create("gaussian").fit(SPLIT.train(), SEED)) {
      fitted.save(tmp.resolve("d"));
    }
    try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(tmp.resolve("d/state.ser")))) {
      out.writeObject(new ArrayList<>(java.util.List.of("not a detector")));
    }
    assertThatThrownBy(() -> SavedDetector.load(tmp.resolve("d"))).hasMessageContaining("state.ser")
        .hasMessageContaining("cannot read");
  }

  @Test
  void aDirectoryWithoutADetectorIsNamed(@TempDir Path tmp) {
    assertThatThrownBy(() -> SavedDetector.load(tmp)).hasMessageContaining(tmp.toString())
        .hasMessageContaining("no detector.json");
  }
}
