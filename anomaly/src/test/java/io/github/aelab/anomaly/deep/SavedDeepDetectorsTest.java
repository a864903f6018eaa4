package io.github.aelab.anomaly.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.aelab.anomaly.Detector;
import io.github.aelab.anomaly.FittedDetector;
import io.github.aelab.anomaly.SavedDetector;
import io.github.aelab.anomaly.Threshold;
import io.github.aelab.anomaly.baseline.ParzenDetector;
import io.github.aelab.core.graph.Activation;
import io.github.aelab.core.runtime.RuntimeSettings;
import io.github.aelab.core.train.FitSpec;
import io.github.aelab.models.AutoencoderSpec;
import io.github.aelab.models.latent.GaussianCodeBlock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every deep detector, saved after fitting (its graph as a SavedModel, its Java state beside it)
 * and loaded in a fresh session, gives the scores it gave before: the same numbers up to float
 * rounding across batchings, the same training scores and the same flags. Trained for a few epochs
 * only: what is checked is the round trip, not the quality (that is {@link DeepDetectorsTest}).
 */
class SavedDeepDetectorsTest {
  private static final long SEED = 3;
  private static PlantedOutliers data;

  @BeforeAll
  static void data() {
    data = PlantedOutliers.oneClass(SEED);
  }

  private static AutoencoderSpec small() {
    return AutoencoderSpec.builder(8).hidden(Activation.TANH, 12).code(3, Activation.LINEAR).build();
  }

  private static AutoencoderTraining briefly(AutoencoderSpec spec) {
    return AutoencoderTraining.of(spec, FitSpec.adam(3e-3, 3, 64));
  }

  static Stream<Map.Entry<String, Detector>> detectors() {
    AutoencoderSpec vae = AutoencoderSpec.builder(8).hidden(Activation.TANH, 12).code(new GaussianCodeBlock.Spec(2))
        .build();
    AutoencoderSpec noBias = AutoencoderSpec.builder(8)
        .encoder(new io.github.aelab.core.block.DenseBlock.Spec(12, Activation.LEAKY_RELU, null, false))
        .code(new io.github.aelab.core.block.DenseBlock.Spec(3, Activation.LINEAR, null, false)).build();
    FitSpec brief = FitSpec.adam(3e-3, 3, 64);
    return Stream.of(
        Map.entry("reconstruction error", new ReconstructionDetector(briefly(small()))),
        Map.entry("VAE negative ELBO over 3 draws",
            new ReconstructionDetector(briefly(vae), ReconstructionDetector.Score.NEGATIVE_ELBO, 3)),
        Map.entry("Parzen on codes", new CodeDensityDetector(briefly(small()), ParzenDetector.scott())),
        Map.entry("centroid on codes", new CodeDensityDetector(briefly(small()), new CentroidDetector())),
        Map.entry("DAGMM", new Dagmm(small(), List.of(6), Activation.TANH, 0.5, 2, 0.1, 0.005, 1e-6, brief,
            RuntimeSettings.defaults())),
        Map.entry("OC-NN", new OneClassNeuralNetwork(small(), 8, Activation.SIGMOID, 0.1, brief, brief,
            RuntimeSettings.defaults())),
        Map.entry("Deep SVDD", new DeepSvdd(noBias, 1e-6, brief, brief, RuntimeSettings.defaults())),
        Map.entry("robust deep autoencoder", new RobustDeepAutoencoder(briefly(small()), RobustDeepAutoencoder.Norm.L21,
            2.0, 2)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("detectors")
  void scoresTheSameAfterSavingAndLoading(Map.Entry<String, Detector> named, @TempDir Path tmp) {
    Threshold contamination = new Threshold.Contamination(0.05);
    double[] before;
    double[] trainingBefore;
    boolean[] flagsBefore;
    try (FittedDetector fitted = named.getValue().fit(data.train(), SEED)) {
      before = fitted.score(data.test());
      trainingBefore = fitted.trainingScores();
      flagsBefore = fitted.predict(data.test(), contamination);
      fitted.save(tmp.resolve("detector"));
    }
    try (SavedDetector loaded = SavedDetector.load(tmp.resolve("detector"))) {
      double[] after = loaded.score(data.test());
      assertThat(after).hasSameSizeAs(before);
      for (int i = 0; i < before.length; i++) {
        assertThat(after[i]).as("row %d", i).isCloseTo(before[i], org.assertj.core.api.Assertions.within(
            1e-5 * Math.max(1, Math.abs(before[i]))));
      }
      assertThat(loaded.trainingScores()).containsExactly(trainingBefore);
      assertThat(loaded.predict(data.test(), contamination)).containsExactly(flagsBefore);
    }
    assertThat(tmp.resolve("detector/graph/saved_model.pb")).exists();
  }

  @Test
  void aDensityOnCodesThatIsNotRowScoredSaysItCannotBeSaved(@TempDir Path tmp) {
    Detector notRowScored = new Detector() {
      @Override
      public String name() {
        return "custom";
      }

      @Override
      public FittedDetector fit(io.github.aelab.core.data.Dataset train, long seed) {
        return new FittedDetector() {
          @Override
          public double[] trainingScores() {
            return new double[train.rows()];
          }

          @Override
          public double[] score(io.github.aelab.core.data.Dataset rows) {
            return new double[rows.rows()];
          }
        };
      }
    };
    try (FittedDetector fitted = new CodeDensityDetector(briefly(small()), notRowScored).fit(data.train(), SEED)) {
      assertThatThrownBy(() -> fitted.save(tmp.resolve("d"))).isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("row by row");
    }
    assertThat(Files.exists(tmp.resolve("d"))).isFalse();
  }
}
